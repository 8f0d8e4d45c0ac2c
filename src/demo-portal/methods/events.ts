// `event.*`: binding handlers and reading the offline queue, in an application's context only (event-bind.md,
// event-offline-get.md, event-offline-clear.md, event-offline-error.md). An incoming webhook is refused.
import { randomBytes } from 'node:crypto';
import type { Params } from '../../portal/port.ts';
import { KNOWN_EVENTS, type PortalEvents, type QueuedEvent } from '../events.ts';
import { RestError } from '../rest-error.ts';
import { type Method, type MethodContext, param } from './context.ts';

const applicationOnly = (context: MethodContext) => {
  if (context.caller.via !== 'token') {
    throw new RestError('WRONG_AUTH_TYPE', 'Current authorization type is denied for this method', 401);
  }
};

const text = (params: Params, name: string) => {
  const value = param(params, name);
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
};

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value && typeof value === 'object'
      ? Object.values(value).map(String)
      : value === undefined
        ? []
        : [String(value)];

export function eventMethods(events: PortalEvents): Record<string, Method> {
  const bind: Method = (params, context) => {
    applicationOnly(context);
    const event = text(params, 'event').toUpperCase();
    if (!KNOWN_EVENTS.has(event)) throw new RestError('ERROR_EVENT_NOT_FOUND', 'Event not found', 400);
    const offline = text(params, 'event_type') === 'offline';
    const handler = text(params, 'handler');
    if (!offline && !/^https?:\/\//.test(handler))
      throw new RestError('ERROR_HANDLER_URL_MISMATCH', "Handler URL host doesn't match application url", 400);
    // Offline events are for administrators only (event-bind.md).
    if (offline && !context.data.administrators.includes(context.userId)) {
      throw new RestError('ACCESS_DENIED', 'Access denied! Admin permissions required', 403);
    }
    const exists = events.bindings.some(
      (binding) => binding.event === event && binding.offline === offline && binding.handler === handler,
    );
    if (exists) throw new RestError('ERROR_EVENT_HANDLER_ALREADY_EXISTS', 'Handler already binded', 400);
    events.bindings.push({ event, handler: offline ? '' : handler, authType: context.userId, offline });
    if (!offline) events.installed(handler);
    return { result: true };
  };
  const get: Method = (_params, context) => {
    applicationOnly(context);
    return {
      result: events.bindings.map((binding) => ({
        event: binding.event,
        handler: binding.handler,
        auth_type: String(binding.authType),
        offline: binding.offline ? 1 : 0,
      })),
    };
  };
  const unbind: Method = (params, context) => {
    applicationOnly(context);
    const event = text(params, 'event').toUpperCase();
    const handler = text(params, 'handler');
    const offline = text(params, 'event_type') === 'offline';
    const before = events.bindings.length;
    const kept = events.bindings.filter(
      (binding) =>
        !(binding.event === event && binding.offline === offline && (offline || binding.handler === handler)),
    );
    events.bindings.splice(0, events.bindings.length, ...kept);
    return { result: { count: before - kept.length } };
  };
  return {
    'event.bind': bind,
    'event.get': get,
    'event.unbind': unbind,
    'event.offline.get': offlineGet(events),
    'event.offline.clear': offlineMark(events, 'clear'),
    'event.offline.error': offlineMark(events, 'error'),
  };
}

/** The first records of the queue: removed at once (`clear=1`, the default), or reserved under a `process_id`. */
function offlineGet(events: PortalEvents): Method {
  return (params, context) => {
    applicationOnly(context);
    const limit = Math.min(Math.max(Number(text(params, 'limit') || 50), 1), 1000);
    const clear = text(params, 'clear') !== '0';
    const withErrors = text(params, 'error') === '1';
    const asked = text(params, 'process_id');
    const picked = events.queue
      .filter(
        (record) =>
          (record.processId === undefined || record.processId === asked) && Boolean(record.error) === withErrors,
      )
      .slice(0, limit);
    const shown = picked.map(({ processId: _p, error: _e, ...record }) => record);
    if (clear) {
      remove(events.queue, picked);
      return { result: { process_id: null, events: shown } };
    }
    const processId = asked || randomBytes(16).toString('hex');
    for (const record of picked) record.processId = processId;
    return { result: { process_id: picked.length > 0 ? processId : null, events: shown } };
  };
}

/** `event.offline.clear` removes a reserved batch (or the records named); `event.offline.error` marks them failed. */
function offlineMark(events: PortalEvents, how: 'clear' | 'error'): Method {
  return (params, context) => {
    applicationOnly(context);
    const processId = text(params, 'process_id');
    if (processId === '')
      throw new RestError('ERROR_REQUIRED_PARAMETERS_MISSING', 'Required parameter "process_id" is missing', 400);
    const ids = list(param(params, 'id'));
    const messageIds = list(param(params, 'message_id'));
    const marked = events.queue.filter(
      (record) =>
        record.processId === processId &&
        (ids.length > 0 ? ids.includes(record.ID) : messageIds.length === 0 || messageIds.includes(record.MESSAGE_ID)),
    );
    if (how === 'clear') remove(events.queue, marked);
    else for (const record of marked) Object.assign(record, { error: true, processId: undefined });
    return { result: true };
  };
}

function remove(queue: QueuedEvent[], records: QueuedEvent[]): void {
  const gone = new Set(records);
  const kept = queue.filter((record) => !gone.has(record));
  queue.splice(0, queue.length, ...kept);
}
