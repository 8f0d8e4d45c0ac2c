import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createNameDirectory } from '../../src/scenarios/names.ts';
import { NOW } from './demo.ts';

let demo: DemoPortal;
beforeAll(async () => {
  demo = await startDemoPortal({ port: 0, now: () => NOW, rateLimit: false });
});
afterAll(() => demo.close());

function directory(clock: { at: number }) {
  const portal = createPortalClient({
    webhookUrl: demo.webhookUrl,
    retries: 0,
    rateLimit: { perSecond: 10_000, burst: 10_000 },
  });
  return createNameDirectory(portal, { now: () => new Date(clock.at), ttlMs: 60_000 });
}

describe('the name directory', () => {
  it('names every pipeline’s stages, the sources, the lead statuses and the people in one request', async () => {
    const names = directory({ at: NOW.getTime() });
    const before = demo.requestCount;
    await names.warm();
    expect(demo.requestCount - before).toBe(1);
    const stages = await names.stages();
    const rows = demo.data.statuses.filter((row) => String(row.ENTITY_ID).startsWith('DEAL_STAGE'));
    expect(stages.map((stage) => stage.id).sort()).toEqual(rows.map((row) => String(row.STATUS_ID)).sort());
    for (const stage of stages.filter((one) => one.categoryId > 0))
      expect(stage.id.startsWith(`C${stage.categoryId}:`)).toBe(true);
    expect((await names.pipelines()).map((pipeline) => pipeline.id)).toEqual(
      demo.data.pipelines.map((pipeline) => Number(pipeline.id)),
    );
    const source = demo.data.statuses.find((row) => row.ENTITY_ID === 'SOURCE');
    expect(await names.sourceName(String(source?.STATUS_ID))).toBe(source?.NAME);
    const status = demo.data.statuses.find((row) => row.ENTITY_ID === 'STATUS');
    expect(await names.leadStatusName(String(status?.STATUS_ID))).toBe(status?.NAME);
    const people = await names.users([1, 2]);
    expect(people.get(1)).toEqual({ id: 1, name: 'Алексей Смирнов', position: 'Генеральный директор' });
    expect((await names.findUsers('кузнецова продаж')).map((person) => person.id)).toEqual([2]);
    expect(demo.requestCount - before).toBe(1);
  });

  it('asks the portal again only when the names are older than their time limit', async () => {
    const clock = { at: NOW.getTime() };
    const names = directory(clock);
    await names.warm();
    const before = demo.requestCount;
    clock.at += 59_000;
    await names.stages();
    expect(demo.requestCount - before).toBe(0);
    clock.at += 2_000;
    await names.stages();
    expect(demo.requestCount - before).toBe(1);
  });

  it('keeps serving the names it has while the portal is down', async () => {
    const clock = { at: NOW.getTime() };
    const names = directory(clock);
    await names.warm();
    clock.at += 120_000;
    demo.faults.down = true;
    try {
      expect((await names.stages()).length).toBeGreaterThan(0);
    } finally {
      demo.faults.down = false;
    }
  });
});

describe('a company bigger than one page of people', () => {
  it('names all of them, the pages after the first in one more request', async () => {
    const big = await startDemoPortal({ port: 0, now: () => NOW, rateLimit: false });
    try {
      const template = big.data.users[1]!;
      for (let id = 1000; id < 1120; id++) {
        big.data.users.push({ ...template, ID: String(id), NAME: 'Сотрудник', LAST_NAME: `Номер${id}` });
      }
      const names = createNameDirectory(
        createPortalClient({ webhookUrl: big.webhookUrl, retries: 0, rateLimit: { perSecond: 10_000, burst: 10_000 } }),
        { now: () => NOW },
      );
      const before = big.requestCount;
      expect((await names.findUsers('номер1119')).map((person) => person.id)).toEqual([1119]);
      expect((await names.profiles()).length).toBe(big.data.users.filter((user) => user.ACTIVE !== false).length);
      expect(big.requestCount - before).toBe(2);
    } finally {
      await big.close();
    }
  });
});

describe('a person the portal no longer has', () => {
  it('is asked for once, not again on every view', async () => {
    const names = directory({ at: NOW.getTime() });
    await names.warm();
    const before = demo.requestCount;
    expect((await names.users([1, 99_999])).has(99_999)).toBe(false);
    expect(demo.requestCount - before).toBe(1);
    expect((await names.users([99_999])).get(99_999)).toBeUndefined();
    expect(demo.requestCount - before).toBe(1);
  });
});
