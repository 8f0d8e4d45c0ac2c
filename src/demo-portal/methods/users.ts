// People and their working day: user.*, department.get, im.department.employees.get, timeman.status.
import { listRows, type Row } from '../filters.ts';
import { RestError } from '../rest-error.ts';
import { isAdministrator } from '../rights.ts';
import { type Method, objectParam, pageReply, param, positiveId } from './context.ts';

const USER_CONTROL = new Set(['SORT', 'ORDER', 'START', 'FILTER', 'ADMIN_MODE', 'NAME_SEARCH', 'FIND']);

function userFilter(params: Record<string, unknown>): Record<string, unknown> {
  // user.get takes its filter either under FILTER or as plain top-level fields (`user.get?ID=5`).
  const nested = param(params, 'FILTER');
  if (nested && typeof nested === 'object') return objectParam(nested);
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (!USER_CONTROL.has(key.toUpperCase())) filter[key] = value;
  return filter;
}

const userGet: Method = (params, { data }) => {
  const filter = { ...userFilter(params) };
  // Quick search by name and position, either beside the filter or inside it.
  const search =
    param(filter, 'NAME_SEARCH') ?? param(filter, 'FIND') ?? param(params, 'NAME_SEARCH') ?? param(params, 'FIND');
  for (const key of Object.keys(filter)) if (['NAME_SEARCH', 'FIND'].includes(key.toUpperCase())) delete filter[key];
  let rows: Row[] = data.users;
  if (typeof search === 'string' && search.trim() !== '') {
    const words = search.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
    rows = rows.filter((user) => {
      const text = `${user.NAME} ${user.LAST_NAME} ${user.SECOND_NAME} ${user.WORK_POSITION}`.toLocaleLowerCase('ru');
      return words.every((word) => text.includes(word));
    });
  }
  const sort = param(params, 'SORT') ?? param(params, 'sort');
  const direction = param(params, 'ORDER') ?? 'ASC';
  const page = listRows(
    rows,
    {
      filter,
      order: typeof sort === 'string' ? { [sort]: String(direction) } : objectParam(direction),
      start: param(params, 'start'),
    },
    { idField: 'ID', timeZone: data.timeZone },
  );
  return pageReply(page);
};

const userCurrent: Method = (_params, { data, userId }) => {
  const user = data.users.find((candidate) => candidate.ID === String(userId));
  if (!user) throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401);
  return { result: { ...user } };
};

const departmentGet: Method = (params, { data }) => {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (!['sort', 'order', 'start'].includes(key.toLowerCase())) filter[key] = value;
  }
  const sort = param(params, 'sort');
  const page = listRows(
    data.departments,
    {
      filter,
      order: typeof sort === 'string' ? { [sort]: param(params, 'order') ?? 'ASC' } : { SORT: 'ASC' },
      start: param(params, 'start'),
    },
    { idField: 'ID', timeZone: data.timeZone },
  );
  return pageReply(page);
};

/** The `im` module's view of a person (USER_DATA=Y): lower-case keys, numeric id. */
function chatUser(user: Row): Row {
  return {
    id: Number(user.ID),
    active: user.ACTIVE,
    name: `${user.NAME} ${user.LAST_NAME}`,
    first_name: user.NAME,
    last_name: user.LAST_NAME,
    work_position: user.WORK_POSITION,
    color: '#4ba984',
    avatar: '',
    gender: user.PERSONAL_GENDER,
    birthday: '',
    extranet: false,
    bot: false,
    status: 'online',
    departments: user.UF_DEPARTMENT,
    phones: { work_phone: user.WORK_PHONE, personal_mobile: user.PERSONAL_MOBILE },
    type: 'user',
    email: user.EMAIL,
  };
}

const departmentEmployees: Method = (params, { data }) => {
  let raw = param(params, 'ID');
  // The portal also takes the list as a JSON string: "[3,7]".
  if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = undefined;
    }
  }
  const ids = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map(positiveId);
  if (ids.length === 0 || ids.some((id) => id === undefined)) {
    throw new RestError('ID_EMPTY', "Department ID can't be empty", 400);
  }
  const withData = String(param(params, 'USER_DATA') ?? 'N') === 'Y';
  const result: Record<string, unknown[]> = {};
  for (const id of ids as number[]) {
    const members = data.users.filter((user) => (user.UF_DEPARTMENT as number[]).includes(id));
    result[String(id)] = members.map((user) => (withData ? chatUser(user) : Number(user.ID)));
  }
  return { result };
};

const timemanStatus: Method = (params, { data, userId }) => {
  const raw = param(params, 'USER_ID');
  const id = raw === undefined ? userId : positiveId(raw);
  const day = id === undefined ? undefined : data.workdays.get(id);
  if (!day) throw new RestError('', 'User not found', 400);
  return { result: { ...day } };
};

export const userMethods: Record<string, Method> = {
  'user.get': userGet,
  'user.current': userCurrent,
  profile: (_params, context) => {
    const user = userCurrent({}, context).result as Row;
    return {
      result: {
        ID: user.ID,
        ADMIN: isAdministrator(context.data, context.userId),
        NAME: user.NAME,
        LAST_NAME: user.LAST_NAME,
        PERSONAL_GENDER: user.PERSONAL_GENDER,
        TIME_ZONE: user.TIME_ZONE,
      },
    };
  },
  'department.get': departmentGet,
  'im.department.employees.get': departmentEmployees,
  'timeman.status': timemanStatus,
};
