// tasks.task.*: UPPER_CASE filter, select and order keys, camelCase items under `result.tasks` / `result.task`.

import { remembered } from '../../remembered.ts';
import { nextId, taskPerson, taskRecord } from '../company.ts';
import { isoIn, momentOf } from '../dates.ts';
import { fieldSelection } from '../field-selection.ts';
import { listRows, type Row } from '../filters.ts';
import { RestError } from '../rest-error.ts';
import { listRequest, type Method, type MethodContext, objectParam, pageReply, param, positiveId } from './context.ts';

const SPECIAL: Record<string, string> = {
  REAL_STATUS: 'status',
  UF_CRM_TASK: 'ufCrmTask',
  STATUS_COMPLETE: 'status',
  // A simplification: people sort by their id here, by last name on the portal.
  CREATED_BY_LAST_NAME: 'createdBy',
  RESPONSIBLE_LAST_NAME: 'responsibleId',
};

/** `RESPONSIBLE_ID` → `responsibleId`; keys already in camelCase stay as they are. */
const taskField = remembered((key: string): string => {
  const special = SPECIAL[key.toUpperCase()];
  if (special) return special;
  if (/[a-z]/.test(key)) return key;
  return key.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}, 1_000);

// The keys tasks.task.list sorts by (its documentation's list); any other is refused.
const SORTABLE = new Set([
  'ID',
  'TITLE',
  'TIME_SPENT_IN_LOGS',
  'DATE_START',
  'CREATED_DATE',
  'CHANGED_DATE',
  'CLOSED_DATE',
  'ACTIVITY_DATE',
  'START_DATE_PLAN',
  'END_DATE_PLAN',
  'DEADLINE',
  'REAL_STATUS',
  'STATUS_COMPLETE',
  'PRIORITY',
  'MARK',
  'CREATED_BY_LAST_NAME',
  'RESPONSIBLE_LAST_NAME',
  'GROUP_ID',
  'TIME_ESTIMATE',
  'ALLOW_CHANGE_DEADLINE',
  'ALLOW_TIME_TRACKING',
  'MATCH_WORK_TIME',
  'FAVORITE',
  'SORTING',
  'IS_PINNED',
  'IS_PINNED_IN_GROUP',
]);

/** The list's order: newest first unless asked otherwise; an unknown key is refused, as the portal does. */
function taskOrder(order: unknown): Record<string, unknown> {
  const asked = objectParam(order);
  if (Object.keys(asked).length === 0) return { ID: 'DESC' };
  for (const key of Object.keys(asked)) {
    if (!SORTABLE.has(key.toUpperCase())) throw new RestError('0', 'Invalid sorting key (internal error)', 400);
  }
  return asked;
}

// What tasks.task.list returns without a select: everything but the heavy parts.
const LIST_DEFAULTS = (key: string) => key !== 'description';

/** A task as the portal shows it now: an open task past its deadline carries the overdue sub-status (-1). */
function present(task: Row, now: number): Row {
  const open = Number(task.status) < 5;
  const deadline = typeof task.deadline === 'string' ? Date.parse(task.deadline) : undefined;
  return { ...task, subStatus: open && deadline !== undefined && deadline < now ? '-1' : task.status };
}

/** `present` at one moment, for every task of a page. */
const presentAt = (now: number) => (task: Row) => present(task, now);

/** The task named by `taskId`: a missing or malformed id is refused the way the tasks module refuses it. */
function taskById(params: Record<string, unknown>, context: MethodContext): Row | undefined {
  const raw = param(params, 'taskId');
  if (raw === undefined || raw === '') {
    throw new RestError(
      '100',
      'CTaskItem All parameters in the constructor must have real class type (internal error)',
      400,
    );
  }
  const id = positiveId(raw);
  if (id === undefined) throw new RestError('0', 'wrong task id', 400);
  return context.data.tasks.find((candidate) => candidate.id === String(id));
}

/** A task that does not exist (or is hidden): each method refuses it in its own documented words. */
function findTask(params: Record<string, unknown>, context: MethodContext, refusal: () => RestError): Row {
  const task = taskById(params, context);
  if (!task) throw refusal();
  return task;
}

const actionNotAllowed = () => new RestError('0', 'Action on the task is not allowed', 400);
const noFields = () => new RestError('100', 'Could not find value for parameter {fields} (internal error)', 400);

function user(context: MethodContext, id: number): Row {
  const found = context.data.users.find((candidate) => candidate.ID === String(id));
  if (!found) throw new RestError('ERROR_CORE', 'Указан несуществующий пользователь', 400);
  return found;
}

const person = (context: MethodContext, id: number): Row => taskPerson(user(context, id));

/** Applies `fields` (UPPER_CASE or camelCase keys) to a task, the way tasks.task.add/update read them. */
function applyFields(task: Row, fields: Record<string, unknown>, context: MethodContext): void {
  const zone = context.data.timeZone;
  for (const [key, value] of Object.entries(fields)) {
    const field = taskField(key);
    switch (field) {
      case 'title':
        if (String(value ?? '').trim() === '') throw new RestError('ERROR_CORE', 'Не указано название задачи', 400);
        task.title = String(value);
        break;
      case 'deadline': {
        if (value === '' || value === null) {
          task.deadline = null;
          break;
        }
        const moment = momentOf(value, zone);
        if (moment === undefined) throw new RestError('ERROR_CORE', 'Неверный формат крайнего срока', 400);
        task.deadline = isoIn(moment, zone);
        break;
      }
      case 'responsibleId':
      case 'createdBy': {
        const id = positiveId(value);
        if (id === undefined) throw new RestError('ERROR_CORE', 'Указан несуществующий пользователь', 400);
        task[field] = String(id);
        task[field === 'responsibleId' ? 'responsible' : 'creator'] = person(context, id);
        break;
      }
      case 'ufCrmTask':
        task.ufCrmTask = (Array.isArray(value) ? value : [value]).map(String);
        break;
      case 'status':
        task.status = String(value);
        break;
      case 'priority':
      case 'description':
      case 'groupId':
        task[field] = String(value ?? '');
        break;
      default:
        break;
    }
  }
}

// What `present` works out: a filter on it reads the tasks as shown.
const DERIVED = new Set(['subStatus']);

const list: Method = (params, context) => {
  const now = context.now().getTime();
  const show = { row: presentAt(now), derived: DERIVED };
  // A selection always brings the id along, as the portal does.
  const request = listRequest(params);
  const select =
    Array.isArray(request.select) && request.select.length > 0 ? ['ID', ...request.select] : request.select;
  const page = listRows(
    context.data.tasks,
    { ...request, order: taskOrder(request.order), select },
    { idField: 'id', field: taskField, timeZone: context.data.timeZone, defaults: LIST_DEFAULTS, show },
    { lists: context.lists, name: 'tasks' },
  );
  return pageReply(page, (tasks) => ({ tasks }));
};

// A task that does not exist (or is hidden from this user) is an empty result, not an error, on the portal.
const get: Method = (params, context) => {
  const task = taskById(params, context);
  if (!task) return { result: [] };
  const chosen = param(params, 'select');
  const shown = present(task, context.now().getTime());
  const select = Array.isArray(chosen) && chosen.length > 0 ? ['ID', ...chosen] : undefined;
  return {
    result: {
      task: select ? fieldSelection(select, { field: taskField, timeZone: context.data.timeZone })(shown) : shown,
    },
  };
};

/** `fields` as tasks.task.add/update need it: present and not empty, or error 100. */
function taskFields(params: Record<string, unknown>): Record<string, unknown> {
  const fields = objectParam(param(params, 'fields'));
  if (Object.keys(fields).length === 0) throw noFields();
  return fields;
}

const add: Method = (params, context) => {
  const fields = taskFields(params);
  if (String(fields.TITLE ?? fields.title ?? '').trim() === '') {
    throw new RestError('ERROR_CORE', 'Не указано название задачи', 400);
  }
  // The portal never picks a responsible person by itself, not even the caller.
  if (positiveId(param(fields, 'RESPONSIBLE_ID')) === undefined && positiveId(fields.responsibleId) === undefined) {
    throw new RestError('ERROR_CORE', 'Не указан ответственный', 400);
  }
  const { data } = context;
  const now = context.now().getTime();
  const stamp = isoIn(now, data.timeZone);
  const id = nextId(data, 'task');
  const caller = user(context, context.userId);
  const task = taskRecord(id, caller, caller, stamp);
  applyFields(task, fields, context);
  data.tasks.push(task);
  return { result: { task: present(task, now) } };
};

const update: Method = (params, context) => {
  const task = findTask(
    params,
    context,
    () => new RestError('0', 'Action on the task is not allowed (internal error)'),
  );
  const fields = taskFields(params);
  const draft = { ...task };
  applyFields(draft, fields, context);
  Object.assign(task, draft, {
    changedDate: isoIn(context.now(), context.data.timeZone),
    changedBy: String(context.userId),
  });
  return { result: { task: present(task, context.now().getTime()) } };
};

const complete: Method = (params, context) => {
  const task = findTask(params, context, actionNotAllowed);
  if (task.status !== '5') {
    const stamp = isoIn(context.now(), context.data.timeZone);
    Object.assign(task, {
      status: '5',
      subStatus: '5',
      closedDate: stamp,
      closedBy: String(context.userId),
      changedDate: stamp,
    });
  }
  return { result: { task: present(task, context.now().getTime()) } };
};

const remove: Method = (params, context) => {
  const task = findTask(params, context, () => new RestError('1048582', 'No access to delete the task', 400));
  context.data.tasks.splice(context.data.tasks.indexOf(task), 1);
  return { result: { task: true } };
};

export const taskMethods: Record<string, Method> = {
  'tasks.task.list': list,
  'tasks.task.get': get,
  'tasks.task.add': add,
  'tasks.task.update': update,
  'tasks.task.complete': complete,
  'tasks.task.delete': remove,
};
