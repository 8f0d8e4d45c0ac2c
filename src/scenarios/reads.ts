// All the independent reads of a view go to the portal together: one batch, so a view costs one request.
// A list longer than a page gets its remaining pages in one more batch (still one request per 50 pages);
// the list sizes seen last time are remembered, so the next time those pages ride in the first batch.

import { itemsOf } from '../portal/list.ts';
import type { BatchCommand, PortalClient } from '../portal/port.ts';
import { batchCommandError } from '../portal/reply.ts';

export interface Read extends BatchCommand {
  /** Fetch every page (default: the first page only, 50 items, with the total). */
  all?: boolean;
  /** A failure of this read leaves it empty instead of failing the view (e.g. the work-day status). */
  optional?: boolean;
}

export interface ReadResult {
  result: unknown;
  items: unknown[];
  /** What the portal counted (list methods), or the number of items. */
  total: number;
  failed: boolean;
}

const pageSize = 50;

// A command's own failure inside a batch, as the same kind of error a single call would throw.
/** Read name and method → how many items the list had last time. */
export type PageHints = Map<string, number>;

// Beyond this many pages a list is fetched after its first page rather than guessed at.
const maxGuessedPages = 40;

const pageName = (name: string, start: number) => `${name}_p${start}`;

// The same list asked again: same method and filters, whatever the moment in them (windows move with the clock).
const hintKey = (name: string, read: Read): string =>
  `${name}|${read.method}|${JSON.stringify(read.params ?? {}).replace(/\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?/g, '@')}`;

export async function readTogether<K extends string>(
  source: { portal: PortalClient; pages?: PageHints },
  reads: Record<K, Read>,
): Promise<Record<K, ReadResult>> {
  const { portal, pages: hints } = source;
  const names = Object.keys(reads) as K[];
  const commands: Record<string, BatchCommand> = {};
  const guessed = new Map<K, number[]>();
  for (const name of names) commands[name] = { method: reads[name].method, params: reads[name].params ?? {} };
  for (const name of names) {
    const read = reads[name];
    const expected = read.all ? (hints?.get(hintKey(name, read)) ?? 0) : 0;
    const starts: number[] = [];
    for (let start = pageSize; start < expected && starts.length < maxGuessedPages; start += pageSize)
      starts.push(start);
    for (const start of starts)
      commands[pageName(name, start)] = { method: read.method, params: { ...read.params, start } };
    guessed.set(name, starts);
  }
  const first = names.length > 0 ? await portal.batch(commands) : { results: {}, errors: {}, totals: {}, nexts: {} };

  const out = {} as Record<K, ReadResult>;
  const more: Record<string, BatchCommand> = {};
  for (const name of names) {
    const read = reads[name];
    const error = first.errors[name];
    if (error) {
      if (!read.optional) throw batchCommandError(error, read.method);
      out[name] = { result: undefined, items: [], total: 0, failed: true };
      continue;
    }
    const result = first.results[name];
    const items = [...itemsOf(result)];
    const total = first.totals[name] ?? items.length;
    for (const start of guessed.get(name) ?? []) {
      if (start < total) items.push(...itemsOf(first.results[pageName(name, start)]));
    }
    out[name] = { result, items, total, failed: false };
    if (read.all) {
      hints?.set(hintKey(name, read), total);
      for (let start = items.length || pageSize; start < total; start += pageSize) {
        more[pageName(name, start)] = { method: read.method, params: { ...read.params, start } };
      }
    }
  }
  const pages = Object.keys(more);
  if (pages.length > 0) {
    const rest = await portal.batch(more);
    const split = (page: string) => /^(.*)_p(\d+)$/.exec(page) ?? ['', page, '0'];
    for (const page of pages.sort((a, b) => Number(split(a)[2]) - Number(split(b)[2]))) {
      const name = split(page)[1] as K;
      const error = rest.errors[page];
      if (error) throw batchCommandError(error, reads[name].method);
      out[name].items.push(...itemsOf(rest.results[page]));
    }
  }
  return out;
}
