// Every item of a list method, whatever the shape of its result, in as few requests as the limits allow.
import { BATCH_LIMIT } from './batch.ts';
import type { BatchCommand, BatchOptions, BatchResult, CallResult, Params } from './port.ts';

// Methods that wrap their list: tasks.task.list → `tasks`, crm.item.list and stage history → `items`,
// crm.category.list → `categories`.
const wrappers = ['tasks', 'items', 'categories'];

/** Where a page's items sit inside `result`: [] for a plain array, ['tasks'] for tasks.task.list … */
function pathOf(result: unknown): string[] | undefined {
  if (Array.isArray(result)) return [];
  if (typeof result !== 'object' || result === null) return undefined;
  const record = result as Record<string, unknown>;
  const key =
    wrappers.find((name) => Array.isArray(record[name])) ??
    Object.keys(record).find((name) => Array.isArray(record[name]));
  return key === undefined ? undefined : [key];
}

/** The items of one page. */
export function itemsOf(result: unknown): unknown[] {
  const path = pathOf(result);
  if (path === undefined) return [];
  return path.length === 0 ? (result as unknown[]) : ((result as Record<string, unknown[]>)[path[0]!] ?? []);
}

const idOf = (item: unknown): unknown =>
  typeof item === 'object' && item !== null
    ? ((item as Record<string, unknown>).ID ?? (item as Record<string, unknown>).id)
    : undefined;

// Offset paging while others add records can show one item on two pages: keep the first.
function withoutRepeats(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (id === undefined || id === null) return true;
    const key = String(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Pager {
  call(method: string, params: Params): Promise<CallResult>;
  batch(commands: Record<string, BatchCommand>, options?: BatchOptions): Promise<BatchResult>;
  /** Throws the error of a failed command of a batch. */
  fail(method: string, error: { error: string; error_description: string }): never;
}

// Methods whose filter takes `>ID` and whose order takes `ID`: they can page by ID windows.
const idPagedMethods = new Set([
  'crm.deal.list',
  'crm.lead.list',
  'crm.contact.list',
  'crm.company.list',
  'crm.activity.list',
  'tasks.task.list',
]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** ID windows keep every page exact while others add or delete records; they need the list in ID order. */
function pagesById(method: string, params: Params): boolean {
  if (!idPagedMethods.has(method.toLowerCase())) return false;
  const { order, filter } = params;
  if (order !== undefined) {
    if (!isRecord(order)) return false;
    const keys = Object.keys(order);
    if (keys.length !== 1 || !/^id$/i.test(keys[0]!) || !/^asc$/i.test(String(order[keys[0]!]))) return false;
  }
  if (filter !== undefined && (!isRecord(filter) || Object.keys(filter).some((key) => /^[^A-Za-z]*ID$/i.test(key)))) {
    return false;
  }
  return true;
}

/**
 * The first page tells the total; the remaining pages then come 50 to a request through batch
 * (2,500 items per request: 10,000 deals in 5 requests instead of 200). In ID order, each page asks
 * for the IDs after the previous page's last one (`$result[…][49][ID]`) and skips counting (`start=-1`),
 * as the REST documentation recommends for big lists; otherwise pages go by `start` offsets.
 */
export async function listAll(pager: Pager, method: string, params: Params, maxItems = Infinity): Promise<unknown[]> {
  if (maxItems <= 0) return [];
  const { start: _ignored, ...rest } = params;
  const byId = pagesById(method, rest);
  const base: Params = byId ? { ...rest, order: { ID: 'ASC' } } : rest;
  const first = await pager.call(method, { ...base, start: 0 });
  const items = itemsOf(first.result);
  if (first.next === undefined || items.length >= maxItems) return items.slice(0, maxItems);
  if (!first.total) return followNext(pager, method, base, items, first.next, maxItems);
  const step = first.next;
  const pagesLeft = Math.ceil(Math.min(first.total, maxItems) / step) - 1;
  const path = pathOf(first.result) ?? [];
  const lastId = idOf(items.at(-1));
  const idKey = isRecord(items.at(-1)) && 'ID' in (items.at(-1) as object) ? 'ID' : 'id';
  if (byId && Number.isFinite(Number(lastId))) {
    await idWindows(pager, method, base, items, { after: String(lastId), pagesLeft, step, path, idKey });
  } else {
    await offsetPages(pager, method, base, items, { pagesLeft, step });
  }
  return withoutRepeats(items).slice(0, maxItems);
}

async function idWindows(
  pager: Pager,
  method: string,
  base: Params,
  items: unknown[],
  plan: { after: string; pagesLeft: number; step: number; path: string[]; idKey: string },
): Promise<void> {
  const filter = isRecord(base.filter) ? base.filter : {};
  const lastOf = (name: string) =>
    `$result[${name}]${plan.path.map((key) => `[${key}]`).join('')}[${plan.step - 1}][${plan.idKey}]`;
  let after = plan.after;
  for (let done = 0; done < plan.pagesLeft; done += BATCH_LIMIT) {
    const commands: Record<string, BatchCommand> = {};
    const count = Math.min(BATCH_LIMIT, plan.pagesLeft - done);
    for (let index = 0; index < count; index++) {
      const from = index === 0 ? after : lastOf(`p${index - 1}`);
      commands[`p${index}`] = { method, params: { ...base, filter: { ...filter, '>ID': from }, start: -1 } };
    }
    const reply = await pager.batch(commands);
    for (const name of Object.keys(commands)) {
      const error = reply.errors[name];
      if (error) pager.fail(method, error);
      const page = itemsOf(reply.results[name]);
      items.push(...page);
      // A short page is the end: later windows of this batch pointed past it and repeat nothing useful.
      if (page.length < plan.step) return;
      after = String(idOf(page.at(-1)));
    }
  }
}

async function offsetPages(
  pager: Pager,
  method: string,
  base: Params,
  items: unknown[],
  plan: { pagesLeft: number; step: number },
): Promise<void> {
  for (let done = 0; done < plan.pagesLeft; done += BATCH_LIMIT) {
    const commands: Record<string, BatchCommand> = {};
    const count = Math.min(BATCH_LIMIT, plan.pagesLeft - done);
    for (let index = 0; index < count; index++) {
      const start = (done + index + 1) * plan.step;
      commands[`p${start}`] = { method, params: { ...base, start } };
    }
    const reply = await pager.batch(commands);
    for (const name of Object.keys(commands)) {
      const error = reply.errors[name];
      if (error) pager.fail(method, error);
      items.push(...itemsOf(reply.results[name]));
    }
  }
}

// A list that does not count (no `total`): page by page, as the portal leads.
async function followNext(
  pager: Pager,
  method: string,
  base: Params,
  items: unknown[],
  next: number,
  maxItems: number,
): Promise<unknown[]> {
  let start: number | undefined = next;
  while (start !== undefined && items.length < maxItems) {
    const page = await pager.call(method, { ...base, start });
    const pageItems = itemsOf(page.result);
    items.push(...pageItems);
    start = pageItems.length > 0 ? page.next : undefined;
  }
  return withoutRepeats(items).slice(0, maxItems);
}
