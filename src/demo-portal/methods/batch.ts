// batch: up to 50 named commands in one request, later ones reading earlier results through `$result[name][…]`.
import type { Params } from '../../portal/port.ts';
import { remembered } from '../../remembered.ts';
import { parseQuery } from '../params.ts';
import { RestError } from '../rest-error.ts';
import { type Method, param, readsOnly } from './context.ts';

const BATCH_LIMIT = 50;

function lookup(results: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = results;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const reference = /\$result((?:\[[^\]]*\])+)/g;
const wholeReference = /^\$result((?:\[[^\]]*\])+)$/;

const pathOf = (brackets: string) => [...brackets.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!);

/**
 * Puts earlier results into a command's parameters. The portal parses each command's query string first and only
 * then looks for `$result[…]`, so a reference arrives the same whether it was written literally or URL-encoded
 * (`%24result%5Bme%5D…`, as the official SDKs send it). A value that is a whole reference takes the referenced value
 * as it is, a list included; a reference inside a longer text is replaced by its text.
 */
function substitute(value: unknown, results: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => substitute(item, results));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, substitute(inner, results)]));
  }
  if (typeof value !== 'string' || !value.includes('$result')) return value;
  const whole = wholeReference.exec(value);
  if (whole) {
    const found = lookup(results, pathOf(whole[1]!));
    return found === undefined || found === null ? '' : typeof found === 'object' ? found : String(found);
  }
  return value.replace(reference, (_, brackets: string) => {
    const inner = lookup(results, pathOf(brackets));
    return inner === undefined || inner === null || typeof inner === 'object' ? '' : String(inner);
  });
}

/** PHP sends a map with keys 0..n-1 as a JSON list, and an empty map as `[]`. */
function asPhp(map: Record<string, unknown>, listKeys: boolean): unknown {
  const keys = Object.keys(map);
  if (keys.length === 0) return [];
  if (listKeys && keys.every((key, index) => key === String(index))) return Object.values(map);
  return map;
}

/** Freezes parameters all the way down: a parse that calls share must stay as it was parsed. */
function frozen(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const namesResult = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('$result')
    : value !== null && typeof value === 'object' && Object.values(value).some(namesResult);

// A bot asks the same commands in every batch: each is parsed once. A command that only reads and names no earlier
// result gets that parse itself (frozen: a method that read it could not change it); any other gets its own copy,
// with the results put in.
const commandParams = remembered((query: string) => {
  const params = parseQuery(query);
  return { references: namesResult(params), params: frozen(params) as Params };
}, 1_000);

export function createBatch(): Method {
  return (params, context) => {
    const raw = param(params, 'cmd');
    const listed = Array.isArray(raw);
    const commands: [string, unknown][] = listed
      ? (raw as unknown[]).map((command, index) => [String(index), command])
      : Object.entries(raw && typeof raw === 'object' ? raw : {});
    if (commands.length > BATCH_LIMIT) {
      throw new RestError('ERROR_BATCH_LENGTH_EXCEEDED', `Max batch length exceeded ${BATCH_LIMIT}`, 400);
    }
    const halt = ['1', 'true', 'Y'].includes(String(param(params, 'halt') ?? '0'));
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const totals: Record<string, unknown> = {};
    const nexts: Record<string, unknown> = {};
    const times: Record<string, unknown> = {};
    for (const [name, command] of commands) {
      const text = String(command ?? '');
      const cut = text.indexOf('?');
      const method = (cut < 0 ? text : text.slice(0, cut)).trim().toLowerCase();
      try {
        if (method === 'batch')
          throw new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 400);
        const query = commandParams(cut < 0 ? '' : text.slice(cut + 1));
        const shared = readsOnly(method) && !query.references;
        const reply = context.call(method, shared ? query.params : (substitute(query.params, result) as Params));
        result[name] = reply.result;
        if (reply.total !== undefined) totals[name] = reply.total;
        if (reply.next !== undefined) nexts[name] = reply.next;
        times[name] = reply.time;
      } catch (error) {
        if (!(error instanceof RestError)) throw error;
        errors[name] = { error: error.code, error_description: error.description };
        if (halt) break;
      }
    }
    return {
      result: {
        result: asPhp(result, listed),
        result_error: asPhp(errors, listed),
        result_total: asPhp(totals, listed),
        result_next: asPhp(nexts, listed),
        result_time: asPhp(times, listed),
      },
    };
  };
}
