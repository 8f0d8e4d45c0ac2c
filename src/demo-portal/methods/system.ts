// The portal's own questions: scope, server.time, methods.
import { isoIn } from '../dates.ts';
import { scopesOfMethod } from '../rights.ts';
import type { Method } from './context.ts';

export function systemMethods(names: () => string[]): Record<string, Method> {
  return {
    // The scopes of the webhook or token that asks (the product needs crm, task, calendar, user, department, im,
    // timeman).
    scope: (_params, { caller }) => ({ result: [...caller.scopes] }),
    'server.time': (_params, { now, data }) => ({ result: isoIn(now(), data.timeZone) }),
    // Only what the caller's scopes open, as the portal lists it.
    methods: (_params, { caller }) => ({
      result: names().filter((name) => scopesOfMethod(name)?.some((scope) => caller.scopes.has(scope)) ?? true),
    }),
  };
}
