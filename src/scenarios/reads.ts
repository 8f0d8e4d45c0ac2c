// All the independent reads of a view go to the portal together: one batch, so a view costs one request.
// A list longer than a page gets its remaining pages in one more batch (still one request per 50 pages);
// the list sizes seen last time are remembered, so the next time those pages ride in the first batch.
// A large list (`byId`) is read in windows of IDs instead: `>ID` the last one seen, ordered by ID, with
// `start: -1` so the portal does not count the whole list on every page (counting is what makes offsets slow
// on big portals); the windows of one request are chained by `$result` references, up to 50 a request.

import { itemsOf } from '../portal/list.ts';
import type { BatchCommand, PortalClient } from '../portal/port.ts';
import { batchCommandError } from '../portal/reply.ts';

export interface Read extends BatchCommand {
  /** Fetch every page (default: the first page only, 50 items, with the total). */
  all?: boolean;
  /**
   * With `all`: a list that can be large, read in windows of IDs (its order is by ID; sort the items locally).
   * CRM lists, stage history and tasks only: their filters take `>ID`.
   */
  byId?: boolean;
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
/** Commands in one batch request. */
const pageLimit = 50;

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
  const all = Object.keys(reads) as K[];
  const windowed = all.filter((name) => reads[name].all && reads[name].byId);
  const paged = all.filter((name) => !windowed.includes(name));
  const pagedReads = Object.fromEntries(paged.map((name) => [name, reads[name]])) as Record<K, Read>;
  if (windowed.length === 0) return readByPages(source, pagedReads);
  const [byPages, byIds] = await Promise.all([
    paged.length ? readByPages(source, pagedReads) : ({} as Record<K, ReadResult>),
    readByIds(source, Object.fromEntries(windowed.map((name) => [name, reads[name]])) as Record<K, Read>),
  ]);
  return { ...byPages, ...byIds };
}

// ─── windows of IDs ─────────────────────────────────────────────────────

/** Where a method's page keeps its items and what its ID is called, for a `$result` reference. */
function shapeOf(method: string): { path: string; id: string } {
  if (method === 'tasks.task.list') return { path: '[tasks]', id: 'id' };
  if (method === 'crm.stagehistory.list' || method === 'crm.item.list') return { path: '[items]', id: 'ID' };
  return { path: '', id: 'ID' };
}

const windowName = (name: string, round: number, index: number) => `${name}_w${round}_${index}`;

function windowCommand(read: Read, after: string | number): BatchCommand {
  const params = read.params ?? {};
  const filter = { ...((params.filter as Record<string, unknown> | undefined) ?? {}), '>ID': after };
  return { method: read.method, params: { ...params, filter, order: { ID: 'ASC' }, start: -1 } };
}

async function readByIds<K extends string>(
  source: { portal: PortalClient; pages?: PageHints },
  reads: Record<K, Read>,
): Promise<Record<K, ReadResult>> {
  const { portal, pages: hints } = source;
  const names = Object.keys(reads) as K[];
  const state = new Map(names.map((name) => [name, { items: [] as unknown[], after: 0 as number, done: false }]));
  const out = {} as Record<K, ReadResult>;
  for (let round = 0; names.some((name) => !state.get(name)!.done); round++) {
    const open = names.filter((name) => !state.get(name)!.done);
    // One request a round: its 50 windows shared by the lists still open; the first round asks for as many as
    // the list had last time (two when it is new), so a known list usually takes one request.
    const share = Math.max(1, Math.floor(pageLimit / open.length));
    const commands: Record<string, BatchCommand> = {};
    const chains = new Map<K, string[]>();
    for (const name of open) {
      const read = reads[name];
      const known = hints?.get(hintKey(name, read));
      const length = round === 0 ? Math.min(share, known === undefined ? 2 : Math.floor(known / pageSize) + 1) : share;
      const { path, id } = shapeOf(read.method);
      const chain: string[] = [];
      for (let index = 0; index < length; index++) {
        const window = windowName(name, round, index);
        const previous = chain[index - 1];
        commands[window] = windowCommand(
          read,
          previous ? `$result[${previous}]${path}[${pageSize - 1}][${id}]` : state.get(name)!.after,
        );
        chain.push(window);
      }
      chains.set(name, chain);
    }
    const reply = await portal.batch(commands);
    for (const name of open) {
      const read = reads[name];
      const current = state.get(name)!;
      for (const window of chains.get(name)!) {
        const error = reply.errors[window];
        if (error) {
          if (!read.optional) throw batchCommandError(error, read.method);
          out[name] = { result: undefined, items: [], total: 0, failed: true };
          current.done = true;
          break;
        }
        const page = itemsOf(reply.results[window]);
        current.items.push(...page);
        // A window short of a full page is the list's end; the windows after it point at nothing.
        if (page.length < pageSize) {
          current.done = true;
          break;
        }
        current.after = Number(idOf(page[page.length - 1]));
      }
    }
  }
  for (const name of names) {
    if (out[name]) continue;
    const { items } = state.get(name)!;
    hints?.set(hintKey(name, reads[name]), items.length);
    out[name] = { result: items, items, total: items.length, failed: false };
  }
  return out;
}

const idOf = (item: unknown): unknown =>
  typeof item === 'object' && item !== null
    ? ((item as Record<string, unknown>).ID ?? (item as Record<string, unknown>).id)
    : undefined;

// ─── offset pages ────────────────────────────────────────────────────────

async function readByPages<K extends string>(
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
