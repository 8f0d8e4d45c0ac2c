// The portal's own questions: scope, server.time, methods.
import { isoIn } from '../dates.ts';
import type { Method } from './context.ts';

/** Everything this webhook is allowed to touch (the product needs crm, task, calendar, user, department, im, timeman). */
const SCOPES = [
  'crm',
  'task',
  'tasks_extended',
  'calendar',
  'user',
  'user_brief',
  'user_basic',
  'department',
  'im',
  'timeman',
  'sonet_group',
  'disk',
  'log',
];

export function systemMethods(names: () => string[]): Record<string, Method> {
  return {
    scope: () => ({ result: [...SCOPES] }),
    'server.time': (_params, { now, data }) => ({ result: isoIn(now(), data.timeZone) }),
    methods: () => ({ result: names() }),
  };
}
