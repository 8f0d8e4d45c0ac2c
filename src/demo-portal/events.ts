// The demo portal's events (api-reference/events): the application's bindings (`event.bind`), the offline queue
// that keeps one record per object however often it changed, and the calls to online handlers, a form-encoded POST
// with `event`, `data[…]`, `ts` and `auth[application_token]`, never resent when the handler fails.
import { createHash, randomBytes } from 'node:crypto';
import type { Params } from '../portal/port.ts';
import { isoIn } from './dates.ts';
import type { Row } from './filters.ts';

export interface Binding {
  event: string;
  /** The online handler's address; empty for an offline binding. */
  handler: string;
  /** The user the binding was made by. */
  authType: number;
  offline: boolean;
}

/** One record of the offline queue, as `event.offline.get` returns it. */
export interface QueuedEvent {
  ID: string;
  TIMESTAMP_X: string;
  EVENT_NAME: string;
  EVENT_DATA: Row;
  EVENT_ADDITIONAL: Row;
  MESSAGE_ID: string;
  /** The batch that reserved it (`clear=0`); reserved records are hidden from other requests. */
  processId?: string;
  error?: boolean;
}

// The events each write raises, and where its object's id is (result or parameter).
const WRITES: Record<string, { event: string; idFrom: 'result' | 'id' | 'taskId' }> = {
  'crm.deal.add': { event: 'ONCRMDEALADD', idFrom: 'result' },
  'crm.deal.update': { event: 'ONCRMDEALUPDATE', idFrom: 'id' },
  'crm.deal.delete': { event: 'ONCRMDEALDELETE', idFrom: 'id' },
  'crm.lead.add': { event: 'ONCRMLEADADD', idFrom: 'result' },
  'crm.lead.update': { event: 'ONCRMLEADUPDATE', idFrom: 'id' },
  'tasks.task.add': { event: 'ONTASKADD', idFrom: 'result' },
  'tasks.task.update': { event: 'ONTASKUPDATE', idFrom: 'taskId' },
  'tasks.task.complete': { event: 'ONTASKUPDATE', idFrom: 'taskId' },
  'tasks.task.delete': { event: 'ONTASKDELETE', idFrom: 'taskId' },
  'calendar.event.add': { event: 'ONCALENDARENTRYADD', idFrom: 'result' },
  'calendar.event.update': { event: 'ONCALENDARENTRYUPDATE', idFrom: 'id' },
  'calendar.event.delete': { event: 'ONCALENDARENTRYDELETE', idFrom: 'id' },
};

/** Every event name the demo portal raises: `event.bind` refuses others with ERROR_EVENT_NOT_FOUND. */
export const KNOWN_EVENTS = new Set(Object.values(WRITES).map((write) => write.event));

/** The `data` of an event as the portal sends it: CRM `FIELDS.ID`, tasks before and after, the calendar `id`. */
export function eventData(event: string, id: string): Row {
  if (event.startsWith('ONTASK'))
    return { FIELDS_BEFORE: { ID: id }, FIELDS_AFTER: { ID: id }, IS_ACCESSIBLE_BEFORE: 'N', IS_ACCESSIBLE_AFTER: 'N' };
  if (event.startsWith('ONCALENDAR')) return { id };
  return { FIELDS: { ID: id } };
}

function idOfWrite(params: Params, result: unknown, from: 'result' | 'id' | 'taskId'): string | undefined {
  if (from === 'result') {
    if (typeof result === 'number' || typeof result === 'string') return String(result);
    const task = (result as { task?: { id?: unknown } } | undefined)?.task;
    return task?.id === undefined ? undefined : String(task.id);
  }
  const key = Object.keys(params).find((name) => name.toLowerCase() === from.toLowerCase());
  const value = key === undefined ? undefined : params[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export interface PortalEvents {
  /** The token the portal gave the application at install; every online call carries it. */
  readonly applicationToken: string;
  readonly bindings: Binding[];
  readonly queue: QueuedEvent[];
  /** Raises the events of a write that went through. */
  noteWrite(method: string, params: Params, result: unknown): void;
  /** Raises one event for an object (the company's own moves that have no REST method here). */
  raise(event: string, id: string): void;
  /**
   * The install event with the application token, as the portal sends it when the application is installed: the
   * demo sends it to an online handler when the first binding names it (the demo installs nothing beforehand).
   */
  installed(handler: string): void;
  /** Online calls not yet answered: tests wait for them. */
  settle(): Promise<void>;
  /** Online calls the handler did not take (not resent, as on the portal). */
  readonly failedCalls: number;
}

export function createPortalEvents(deps: {
  now: () => Date;
  timeZone: string;
  origin: () => string;
  memberId: () => string;
}): PortalEvents {
  const bindings: Binding[] = [];
  const queue: QueuedEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const applicationToken = randomBytes(16).toString('hex');
  let lastId = 0;
  let failedCalls = 0;

  // One record per event and object: a later change of the same object only moves its time (offline-events.md).
  const enqueue = (event: string, data: Row) => {
    const messageId = createHash('md5')
      .update(`${event}|${JSON.stringify(data)}`)
      .digest('hex');
    const at = isoIn(deps.now(), deps.timeZone);
    const waiting = queue.find((record) => record.MESSAGE_ID === messageId && record.processId === undefined);
    if (waiting) {
      waiting.TIMESTAMP_X = at;
      return;
    }
    lastId += 1;
    queue.push({
      ID: String(lastId),
      TIMESTAMP_X: at,
      EVENT_NAME: event,
      EVENT_DATA: data,
      EVENT_ADDITIONAL: {},
      MESSAGE_ID: messageId,
    });
  };

  const call = (binding: Binding, data: Row) => {
    const origin = deps.origin();
    const form = new URLSearchParams({
      event: binding.event,
      event_handler_id: String(bindings.indexOf(binding) + 1 || ''),
    });
    appendNested(form, 'data', data);
    form.append('ts', String(Math.floor(deps.now().getTime() / 1000)));
    const auth = {
      domain: origin.replace(/^https?:\/\//, ''),
      client_endpoint: `${origin}/rest/`,
      server_endpoint: `${origin}/rest/`,
      member_id: deps.memberId(),
      application_token: applicationToken,
    };
    appendNested(form, 'auth', auth);
    const delivery = fetch(binding.handler, { method: 'POST', body: form, signal: AbortSignal.timeout(5000) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) failedCalls += 1;
      })
      .catch(() => {
        failedCalls += 1;
      })
      .finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  };

  const raise = (event: string, id: string) => {
    const data = eventData(event, id);
    const bound = bindings.filter((binding) => binding.event === event);
    if (bound.some((binding) => binding.offline)) enqueue(event, data);
    for (const binding of bound) if (!binding.offline) call(binding, data);
  };

  const told = new Set<string>();
  return {
    applicationToken,
    bindings,
    queue,
    raise,
    installed(handler) {
      if (told.has(handler)) return;
      told.add(handler);
      call({ event: 'ONAPPINSTALL', handler, authType: 0, offline: false }, { VERSION: '1', LANGUAGE_ID: 'ru' });
    },
    noteWrite(method, params, result) {
      const write = WRITES[method.toLowerCase()];
      const id = write && idOfWrite(params, result, write.idFrom);
      if (write && id !== undefined) raise(write.event, id);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    get failedCalls() {
      return failedCalls;
    },
  };
}

/** PHP-style nesting of a form: `data[FIELDS][ID]=42`. */
function appendNested(form: URLSearchParams, prefix: string, value: unknown): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) appendNested(form, `${prefix}[${key}]`, inner);
  } else {
    form.append(prefix, String(value ?? ''));
  }
}
