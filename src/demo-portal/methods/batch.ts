// batch: up to 50 named commands in one request, later ones reading earlier results through `$result[name][…]`.
import { parseQuery } from '../params.ts';
import { RestError } from '../rest-error.ts';
import { type Method, param } from './context.ts';

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

const pathOf = (brackets: string) => [...brackets.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!);

/**
 * Puts earlier results into a command's query. A reference that is the whole value of a parameter and points at
 * a list expands into `key[0]=…&key[1]=…`, the way the portal expands arrays.
 */
function substitute(query: string, results: Record<string, unknown>): string {
  if (!query.includes('$result')) return query;
  const pairs: string[] = [];
  for (const pair of query.split('&')) {
    const cut = pair.indexOf('=');
    if (cut < 0) {
      pairs.push(pair);
      continue;
    }
    const key = pair.slice(0, cut);
    const value = decodeURIComponent(pair.slice(cut + 1).replace(/\+/g, ' '));
    const whole = /^\$result((?:\[[^\]]*\])+)$/.exec(value);
    const found = whole ? lookup(results, pathOf(whole[1]!)) : undefined;
    if (found !== null && typeof found === 'object') {
      for (const [index, item] of Object.entries(found)) {
        pairs.push(`${key}[${encodeURIComponent(index)}]=${encodeURIComponent(String(item ?? ''))}`);
      }
      continue;
    }
    const replaced = value.replace(reference, (_, brackets: string) => {
      const inner = lookup(results, pathOf(brackets));
      return inner === undefined || inner === null || typeof inner === 'object' ? '' : String(inner);
    });
    pairs.push(`${key}=${encodeURIComponent(replaced)}`);
  }
  return pairs.join('&');
}

/** PHP sends a map with keys 0..n-1 as a JSON list, and an empty map as `[]`. */
function asPhp(map: Record<string, unknown>, listKeys: boolean): unknown {
  const keys = Object.keys(map);
  if (keys.length === 0) return [];
  if (listKeys && keys.every((key, index) => key === String(index))) return Object.values(map);
  return map;
}

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
        const reply = context.call(method, parseQuery(substitute(cut < 0 ? '' : text.slice(cut + 1), result)));
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
