// Spreadsheets and pictures from the scenarios, against the demo portal: the company names of an export are read
// by the IDs it needs (not the portal's whole company list), and a picture never adds currencies together.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalClient } from '../../src/portal/client.ts';
import type { Params, PortalClient } from '../../src/portal/port.ts';
import { createScenarios } from '../../src/scenarios/index.ts';
import { NOW, type Stand, startStand } from './demo.ts';

describe('exports and pictures', () => {
  let stand: Stand;

  beforeAll(async () => {
    stand = await startStand();
  });
  afterAll(async () => {
    await stand?.close();
  });

  it('reads the companies of exported deals by their IDs, at most 50 at a time, never the whole company list', async () => {
    const { demo } = stand;
    // A portal with many more companies than the open deals name.
    for (let n = 0; n < 400; n++) demo.data.companies.push({ ...demo.data.companies[0]!, ID: String(90_000 + n) });
    const real = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 10_000, burst: 10_000 } });
    const companyReads: Params[] = [];
    const seen = (method: string, params: Params | undefined) => {
      if (method === 'crm.company.list') companyReads.push(params ?? {});
    };
    const portal: PortalClient = {
      origin: real.origin,
      call: (method, params) => {
        seen(method, params);
        return real.call(method, params);
      },
      batch: (commands, options) => {
        for (const command of Object.values(commands)) seen(command.method, command.params);
        return real.batch(commands, options);
      },
      list: (method, params, options) => {
        seen(method, params);
        return real.list(method, params, options);
      },
      toString: () => real.toString(),
    };
    const table = await createScenarios({ portal, now: () => NOW }).exportTable(stand.director(), 'deals');

    const open = demo.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
    const needed = new Set(open.map((deal) => Number(deal.COMPANY_ID)).filter((id) => id > 0));
    const asked = companyReads.flatMap(
      (params) => (params.filter as { ID?: number[] } | undefined)?.ID ?? [Number.NaN],
    );
    expect(companyReads.every((params) => ((params.filter as { ID?: number[] }).ID ?? []).length <= 50)).toBe(true);
    expect(new Set(asked)).toEqual(needed);
    const titles = new Map(demo.data.companies.map((company) => [Number(company.ID), String(company.TITLE)]));
    for (const row of table.rows as { id: number; company: string }[]) {
      const deal = open.find((one) => Number(one.ID) === row.id)!;
      expect(row.company).toBe(titles.get(Number(deal.COMPANY_ID)) ?? '');
    }
  });

  it('draws the managers of a month with dollars and roubles in roubles only, never added together', async () => {
    const { demo, scenarios } = stand;
    const monthStart = DateTime.fromJSDate(NOW, { zone: 'Europe/Moscow' }).startOf('month');
    const moved = new Set(
      demo.data.stageHistory
        .filter((row) => row.STAGE_SEMANTIC_ID === 'S' && DateTime.fromISO(String(row.CREATED_TIME)) >= monthStart)
        .map((row) => String(row.OWNER_ID)),
    );
    const won = demo.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'S' && moved.has(String(deal.ID)));
    expect(new Set(won.map((deal) => deal.CURRENCY_ID))).toEqual(new Set(['RUB', 'USD']));

    const picture = await scenarios.picture(stand.director(), {
      scenario: 'query',
      query: { subject: 'deals', status: 'won', groupBy: 'manager', measure: 'sum' },
    });
    const chart = picture?.chart;
    if (chart?.chart !== 'leaderboard') throw new Error(`expected a leaderboard, got ${chart?.chart}`);
    expect(chart.currency).toBe('RUB');
    const names = new Map(demo.data.users.map((user) => [String(user.ID), `${user.NAME} ${user.LAST_NAME}`]));
    const roubles = new Map<string, number>();
    for (const deal of won.filter((one) => one.CURRENCY_ID === 'RUB')) {
      const name = names.get(String(deal.ASSIGNED_BY_ID))!;
      roubles.set(name, (roubles.get(name) ?? 0) + Number(deal.OPPORTUNITY));
    }
    for (const manager of chart.managers) expect(manager.amount, manager.name).toBe(roubles.get(manager.name) ?? 0);
  });
});
