// People and their working day: user.*, department.get, im.department.employees.get, timeman.status.
import { listRows, type Row } from '../filters.ts';
import { RestError } from '../rest-error.ts';
import { isAdministrator } from '../rights.ts';
import { type Method, objectParam, pageReply, param, positiveId } from './context.ts';

// Filter prefixes (`>=`, `!%` …) in front of a field name.
const filterPrefix = /^[!=<>%@]+/;
// Case matters, as in the portal's PHP: `sort` orders the list, `SORT` filters departments by their sort index.
const bareField = (key: string) => key.replace(filterPrefix, '');

// Fields user.get filters on besides a user's own: quick search and the documented extras.
const USER_FILTER_EXTRAS = new Set(['NAME_SEARCH', 'FIND', 'IS_ONLINE', 'USER_TYPE', 'UF_PHONE_INNER']);

/**
 * user.get takes its filter either under FILTER or as plain top-level fields (`user.get?ID=5`). Only user fields
 * filter: `sort`, `order`, `select`, `IMAGE_RESIZE`, `ADMIN_MODE`, a client's own `bx24_*` markers and anything
 * unknown are not conditions (the portal skips them; they must never empty the list).
 */
function userFilter(params: Record<string, unknown>, users: Row[]): Record<string, unknown> {
  const nested = param(params, 'FILTER');
  const source = nested && typeof nested === 'object' ? objectParam(nested) : params;
  const known = new Set(users.flatMap((user) => Object.keys(user)));
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const field = bareField(key);
    if (known.has(field) || USER_FILTER_EXTRAS.has(field) || field.startsWith('UF_')) filter[key] = value;
  }
  return filter;
}

/** `select` with the `*` and `UF_*` masks; unknown fields are skipped without an error, as documented. */
function userSelection(select: unknown): ((user: Row) => Row) | undefined {
  const wanted = Array.isArray(select) ? select.map((name) => String(name).toUpperCase()) : [];
  if (wanted.length === 0 || wanted.includes('*')) return undefined;
  const custom = wanted.includes('UF_*');
  return (user) =>
    Object.fromEntries(
      Object.entries(user).filter(([key]) => wanted.includes(key) || (custom && key.startsWith('UF_'))),
    );
}

const userGet: Method = (params, { data }) => {
  const filter = userFilter(params, data.users);
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
  const page = listRows(
    rows,
    { filter, order: sortOrder(params, 'ID', true), start: param(params, 'start') },
    { idField: 'ID', timeZone: data.timeZone },
  );
  const select = userSelection(param(params, 'select'));
  return pageReply(select ? { ...page, items: page.items.map(select) } : page);
};

/**
 * `sort=FIELD&order=DESC` (strings, as user.get and department.get take them); either may come alone. user.get also
 * takes them upper-case (no user field is called SORT); for department.get `SORT` is a filter.
 */
function sortOrder(params: Record<string, unknown>, fallback: string, anyCase = false): Record<string, string> {
  const sort = anyCase ? param(params, 'sort') : params.sort;
  const order = anyCase ? param(params, 'order') : params.order;
  const direction = typeof order === 'string' && /^desc$/i.test(order) ? 'DESC' : 'ASC';
  return { [typeof sort === 'string' && sort !== '' ? sort.toUpperCase() : fallback]: direction };
}

const userCurrent: Method = (_params, { data, userId }) => {
  const user = data.users.find((candidate) => candidate.ID === String(userId));
  if (!user) throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401);
  return { result: { ...user } };
};

// The only fields department.get filters on; every other parameter (sort, order, start, a client's markers) is not
// a condition.
const DEPARTMENT_FILTER = new Set(['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD']);

const departmentGet: Method = (params, { data }) => {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (DEPARTMENT_FILTER.has(bareField(key))) filter[key] = value;
  const page = listRows(
    data.departments,
    { filter, order: sortOrder(params, 'SORT'), start: param(params, 'start') },
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
