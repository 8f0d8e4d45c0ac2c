// Batches: named commands as `method?query` strings, at most 50 per request, with `$result[name]`
// references checked before anything is sent.
import { z } from 'zod';
import { decodeParams, encodeParams } from './encode.ts';
import type { BatchCommand, BatchCommandError, BatchResult } from './port.ts';

/** The portal runs at most this many commands in one batch request. */
export const BATCH_LIMIT = 50;

/** A batch that cannot run as asked (a reference to a command in another request, or to none). */
export class BatchPlanError extends Error {
  override readonly name = 'BatchPlanError';
}

const reference = /\$result(?:_error|_total|_next|_time)?\[([^\]]*)\]/g;

export function commandQuery(command: BatchCommand): string {
  const query = command.params ? encodeParams(command.params) : '';
  return query ? `${command.method}?${query}` : command.method;
}

/** The reverse: `crm.deal.get?id=5` → `{ method: 'crm.deal.get', params: { id: '5' } }`. */
export function commandOfQuery(text: string): BatchCommand {
  const question = text.indexOf('?');
  return question < 0
    ? { method: text }
    : { method: text.slice(0, question), params: decodeParams(text.slice(question + 1)) };
}

/** The `cmd` objects of each request, in order. Throws BatchPlanError before anything is sent. */
export function planBatch(commands: Record<string, BatchCommand>, limit = BATCH_LIMIT): Record<string, string>[] {
  const names = Object.keys(commands);
  const position = new Map(names.map((name, index) => [name, index]));
  const requests: Record<string, string>[] = [];
  names.forEach((name, index) => {
    const query = commandQuery(commands[name]!);
    for (const match of query.includes('$result') ? query.matchAll(reference) : []) {
      const target = match[1]!;
      const at = position.get(target);
      if (at === undefined)
        throw new BatchPlanError(`batch command "${name}" refers to "${target}", which is not in the batch`);
      if (at >= index) throw new BatchPlanError(`batch command "${name}" refers to "${target}", which runs after it`);
      if (Math.floor(at / limit) !== Math.floor(index / limit)) {
        throw new BatchPlanError(
          `batch command "${name}" refers to "${target}", which falls into an earlier request of ${limit} commands; ` +
            'keep commands that refer to each other within the same 50',
        );
      }
    }
    const request = index % limit === 0 ? {} : requests[requests.length - 1]!;
    if (index % limit === 0) requests.push(request);
    request[name] = query;
  });
  return requests;
}

// PHP sends an empty map as `[]`, and a map with keys 0..n-1 as a list.
const keyed = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
  .optional()
  .transform(
    (value): Record<string, unknown> =>
      Array.isArray(value) ? Object.fromEntries(value.map((item, index) => [String(index), item])) : (value ?? {}),
  );

const batchReply = z.object({
  result: keyed,
  result_error: keyed,
  result_total: keyed,
  result_next: keyed,
});

const commandError = z.object({ error: z.string(), error_description: z.string().optional().catch(undefined) });

export const emptyBatchResult = (): BatchResult => ({ results: {}, errors: {}, totals: {}, nexts: {} });

/** Adds one request's reply to the results; false when the reply is not a batch reply at all. */
export function mergeBatchReply(into: BatchResult, result: unknown, sent: Record<string, string>): boolean {
  const parsed = batchReply.safeParse(result);
  if (!parsed.success) return false;
  const reply = parsed.data;
  for (const name of Object.keys(sent)) {
    if (name in reply.result) into.results[name] = reply.result[name];
    const failed = commandError.safeParse(reply.result_error[name]);
    if (failed.success) {
      const error: BatchCommandError = {
        error: failed.data.error,
        error_description: failed.data.error_description ?? failed.data.error,
      };
      into.errors[name] = error;
    }
    const total = Number(reply.result_total[name]);
    if (name in reply.result_total && Number.isFinite(total)) into.totals[name] = total;
    const next = Number(reply.result_next[name]);
    if (name in reply.result_next && Number.isFinite(next)) into.nexts[name] = next;
  }
  return true;
}
