// The pages of one list asked together in a batch are the list asked page by page, and never an old copy of it:
// a write earlier in the same batch, or a record changed between requests, shows in the next page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { encodeParams } from '../../src/portal/encode.ts';
import { caller, NOW } from './portal-call.ts';

let portal: DemoPortal;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  portal = await startDemoPortal({ now: () => NOW, rateLimit: false, size: { deals: 400 } });
  call = caller(portal);
});
afterAll(() => portal.close());

type Batch = {
  result: Record<string, unknown>;
  result_error: Record<string, unknown> | unknown[];
  result_total: Record<string, number>;
};
const command = (method: string, params: Record<string, unknown>) => `${method}?${encodeParams(params)}`;
const ids = (rows: unknown) => (rows as { ID: string }[]).map((row) => row.ID);
const batch = async (cmd: Record<string, string>) => (await call('batch', { cmd })).body.result as Batch;

describe('pages of one list in one batch', () => {
  it('offset pages and ID windows give the same deals, in the same order, as single pages do', async () => {
    const query = { filter: { STAGE_SEMANTIC_ID: 'P' }, order: { OPPORTUNITY: 'DESC' }, select: ['ID'] };
    const single: string[] = [];
    for (let start = 0; ; start += 50) {
      const { body } = await call('crm.deal.list', { ...query, start });
      single.push(...ids(body.result));
      if (body.next === undefined) break;
    }
    expect(single.length).toBeGreaterThan(200);

    const offsets: Record<string, string> = {};
    for (let start = 0; start < single.length; start += 50) {
      offsets[`p${start}`] = command('crm.deal.list', { ...query, start });
    }
    const byOffset = await batch(offsets);
    expect(Object.values(byOffset.result).flatMap(ids)).toEqual(single);

    const windows: Record<string, string> = {};
    const pages = Math.ceil(single.length / 50);
    for (let page = 0; page < pages; page++) {
      windows[`w${page}`] = command('crm.deal.list', {
        filter: { STAGE_SEMANTIC_ID: 'P', '>ID': page === 0 ? 0 : `$result[w${page - 1}][49][ID]` },
        order: { ID: 'ASC' },
        select: ['ID'],
        start: -1,
      });
    }
    const byWindow = await batch(windows);
    const walked = Object.values(byWindow.result).flatMap(ids);
    expect(walked).toEqual([...single].sort((a, b) => Number(a) - Number(b)));
  });

  it('a write in the middle of a batch shows in the pages after it', async () => {
    const title = 'Поставка турбин для «Ёлочки»';
    const list = command('crm.deal.list', { filter: { '%TITLE': 'турбин' }, select: ['ID', 'TITLE'] });
    const reply = await batch({
      before: list,
      rename: command('crm.deal.update', { id: 7, fields: { TITLE: title } }),
      after: list,
    });
    expect(reply.result_error).toEqual([]);
    expect(reply.result.before).toEqual([]);
    expect(reply.result.after).toEqual([{ ID: '7', TITLE: title }]);
  });

  it('a record changed between two requests is seen by the second', async () => {
    const list = { filter: { '=TITLE': 'Сделка, которую переименовали' }, select: ['ID'] };
    expect((await call('crm.deal.list', list)).body.total).toBe(0);
    const deal = portal.data.deals.find((one) => one.ID === '12')!;
    deal.TITLE = 'Сделка, которую переименовали';
    expect(ids((await call('crm.deal.list', list)).body.result)).toEqual(['12']);
  });
});

describe('text equality', () => {
  it('ignores case and how the letters are composed, as the portal collation does', async () => {
    const deal = portal.data.deals.find((one) => one.ID === '20')!;
    deal.TITLE = 'Йогурт и Ёж';
    const decomposed = 'йогурт и ёж'.normalize('NFD');
    expect(decomposed).not.toBe('йогурт и ёж');
    const { body } = await call('crm.deal.list', { filter: { TITLE: decomposed }, select: ['ID'] });
    expect(ids(body.result)).toEqual(['20']);
    const other = await call('crm.deal.list', { filter: { TITLE: 'Йогурт и Еж' }, select: ['ID'] });
    expect(other.body.total).toBe(0);
  });
});
