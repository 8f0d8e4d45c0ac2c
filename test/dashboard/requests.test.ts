// The dashboard's answers over HTTP, without a browser: what they cost the portal (the whole dashboard in a few
// requests cold, nothing within the minute), and one plain sentence when the portal cannot be reached.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInitData } from '../../src/access/init-data.ts';
import { type App, createApp } from '../../src/app.ts';
import { pageAssets } from '../../src/dashboard/page-bundle.ts';
import { RISKS_SHOWN } from '../../src/dashboard/plan-sources.ts';
import { mountDashboard } from '../../src/dashboard/routes.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener, type Listener } from '../../src/ops/listener.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createScenarios } from '../../src/scenarios/index.ts';
import { companyOf } from '../../src/scenarios/plan/company.ts';
import { createAlertRepository } from '../../src/storage/alerts.ts';
import { openDatabase } from '../../src/storage/db.ts';

const TOKEN = '654321:requests-test';
const DIRECTOR = 3003;
const ENGLISH = 3004;
/** Sees the plan slot filled: the plan feature (another branch) stands in as the app will wire it. */
const PLANNED = 3005;
/** While set, the deals at risk of PLANNED's stand-in wait for it: a heavy read still going. */
let risksHeld: Promise<void> | undefined;

describe('the dashboard’s answers', () => {
  let demo: DemoPortal;
  let app: App;
  let listener: Listener;
  let base: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dashboard-requests-'));
    demo = await startDemoPortal({ port: 0, rateLimit: false });
    app = await createApp({
      portal: createPortalClient({ webhookUrl: demo.webhookUrl, logger: silentLogger }),
      databasePath: join(folder, 'test.sqlite'),
      allowed: [{ telegramUserId: DIRECTOR }, { telegramUserId: ENGLISH }, { telegramUserId: PLANNED }],
      logger: silentLogger,
    });
    listener = createListener(silentLogger);
    mountDashboard(listener, {
      seatOf: async (telegramUserId) => {
        const seat = await app.dashboardSeat(telegramUserId);
        if (!seat || telegramUserId !== PLANNED) return seat;
        const rub = (amount: number) => ({ amount, currency: 'RUB' });
        return {
          ...seat,
          sources: {
            forecast: async () => ({ plan: rub(20_000_000), fact: rub(15_420_000), forecast: rub(18_500_000) }),
            dealsAtRisk: async () => {
              await risksHeld;
              return {
                deals: [{ id: 7, title: 'Поставка «Гранит»', amount: rub(900_000), reasons: ['срок прошёл'] }],
                total: 1,
                sums: [rub(900_000)],
              };
            },
          },
        };
      },
      botToken: TOKEN,
      assets: pageAssets,
      now: () => new Date(),
      logger: silentLogger,
    });
    base = `http://127.0.0.1:${await listener.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await listener?.close();
    await app?.close();
    await demo?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const ask = (filters: Record<string, unknown>, user: { id: number; languageCode?: string } = { id: DIRECTOR }) =>
    fetch(`${base}/dashboard/data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        initData: signInitData(TOKEN, { user, authDate: new Date() }),
        filters,
      }),
    });

  /** The portal requests one answer costs. */
  async function costOf(filters: Record<string, unknown>): Promise<{ requests: number; status: number }> {
    const before = demo.requestCount;
    const answer = await ask(filters);
    await answer.text();
    return { requests: demo.requestCount - before, status: answer.status };
  }

  it('costs at most six portal requests cold, none again within the minute, and two for another period', async () => {
    const cold = await costOf({ period: 'month' });
    expect(cold.status).toBe(200);
    expect(cold.requests).toBeGreaterThan(0);
    expect(cold.requests).toBeLessThanOrEqual(6);
    expect(await costOf({ period: 'month' })).toEqual({ requests: 0, status: 200 });
    const other = await costOf({ period: 'custom', from: '2026-01-01', to: '2026-03-31', managerId: 3 });
    expect(other.status).toBe(200);
    expect(other.requests).toBeLessThanOrEqual(2);
  });

  it('speaks English to a director whose Telegram is in English and who has not chatted yet', async () => {
    const answer = await ask({ period: 'lastMonth' }, { id: ENGLISH, languageCode: 'en' });
    const page = (await answer.json()) as { language: string; texts: { title: string }; periodText: string };
    expect(page.language).toBe('en');
    expect(page.texts.title).toBe('Dashboard');
    expect(page.periodText).toMatch(/^in [A-Z][a-z]+/);
  });

  it('fills the plan slot and the deals at risk when the app hands their sources in', async () => {
    // The app's own wiring: no plan set, so the month's forecast stands alone, as the chat's «прогноз на месяц»
    // computes it, and the deals at risk are the chat's own «какие сделки под угрозой?».
    const plain = (await (await ask({ period: 'month' })).json()) as {
      plan: { figures: { label: string; value: string }[]; note?: string };
      atRisk: { total: string; deals: { label: string }[] };
    };
    expect(plain.plan.note).toMatch(/План на этот период не задан/);
    const seat = (await app.dashboardSeat(DIRECTOR))!;
    const scenarios = createScenarios({ portal: seat.portal, plans: seat.plans! });
    const chat = await scenarios.run(seat.director, { scenario: 'plan', kind: 'month' });
    if (chat?.view !== 'planForecast') throw new Error('no forecast view');
    const money = (sum: number) => `${Math.round(sum).toLocaleString('ru-RU')} ₽`.replace(/\s/g, ' ');
    expect(plain.plan.figures.map((figure) => `${figure.label}: ${figure.value}`.replace(/\s/g, ' '))).toEqual([
      `Заработано: ${money(chat.fact)}`,
      `Прогноз: ${money(chat.forecast)}`,
    ]);
    const risky = await scenarios.run(seat.director, { scenario: 'dealsAtRisk' });
    if (risky?.view !== 'dealsAtRisk') throw new Error('no risk view');
    expect(risky.deals.items.length).toBeGreaterThan(0);
    // The heaviest few, as the chat's first page lists them, under how many there are in all (more than shown).
    expect(risky.deals.total).toBeGreaterThan(RISKS_SHOWN);
    expect(plain.atRisk.deals.map((deal) => deal.label)).toEqual(
      risky.deals.items.slice(0, RISKS_SHOWN).map((deal) => deal.title),
    );
    expect(plain.atRisk.total.replace(/\s/g, ' ')).toMatch(new RegExp(`^${risky.deals.total} сдел(ка|ки|ок) · `));
    const planned = (await (await ask({ period: 'month' }, { id: PLANNED })).json()) as {
      plan: { figures: { label: string; value: string }[] };
      atRisk: { total: string; deals: { label: string; detail: string; href: string }[] };
    };
    const figures = planned.plan.figures.map((figure) => `${figure.label}: ${figure.value}`.replace(/\s/g, ' '));
    expect(figures).toEqual(['План: 20 000 000 ₽', 'Заработано: 15 420 000 ₽', 'Прогноз: 18 500 000 ₽']);
    expect(planned.atRisk.total).toMatch(/^1 сделка · 900.000.₽$/);
    expect(planned.atRisk.deals).toEqual([
      {
        label: 'Поставка «Гранит»',
        detail: expect.stringMatching(/900.000.₽ · срок прошёл/),
        href: `http://127.0.0.1:${demo.port}/crm/deal/details/7/`,
      },
    ]);
  });

  it('sends the page what is read so far while a heavy part is still read, then the whole, at no extra cost', async () => {
    let release = () => {};
    risksHeld = new Promise((resolve) => {
      release = resolve;
    });
    const before = demo.requestCount;
    const answer = await fetch(`${base}/dashboard/data`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        initData: signInitData(TOKEN, { user: { id: PLANNED }, authDate: new Date() }),
        filters: { period: 'quarter' },
        stream: true,
      }),
    });
    expect(answer.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const reader = answer.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const nextLine = async (): Promise<Record<string, unknown>> => {
      for (let part = { done: false } as { done: boolean; value?: Uint8Array }; !text.includes('\n') && !part.done; ) {
        part = await reader.read();
        text += decoder.decode(part.value, { stream: !part.done });
      }
      const [line = '', ...after] = text.split('\n');
      text = after.join('\n');
      return JSON.parse(line) as Record<string, unknown>;
    };
    // The light parts come first; the deals at risk are still read (the funnel may be, too).
    const first = await nextLine();
    expect(first.pending).toContain('atRisk');
    expect(first.atRisk).toBeUndefined();
    release();
    risksHeld = undefined;
    let whole = await nextLine();
    while ((whole.pending as string[]).length > 0) whole = await nextLine();
    expect((await reader.read()).done && text).toBe('');
    expect(whole.atRisk).toMatchObject({ deals: [{ label: 'Поставка «Гранит»' }] });
    // What was on the page already stands as it does in the whole answer.
    for (const part of ['earned', 'leaders', 'overdue', 'meetings', 'alerts']) expect(first[part]).toEqual(whole[part]);
    expect(demo.requestCount - before).toBeLessThanOrEqual(6);
  });

  it('shows each manager’s won sum against their own plan, and a manager with a plan and nothing won at 0%', async () => {
    const seat = (await app.dashboardSeat(DIRECTOR))!;
    const start = DateTime.now().setZone(seat.director.timeZone).startOf('month').minus({ months: 1 });
    const lastMonth = { period: 'custom', from: start.toISODate(), to: start.endOf('month').toISODate() };
    type Leaders = { leaders: { name: string; value: string; plan?: string; list: { person: string } }[] };
    const before = (await (await ask(lastMonth)).json()) as Leaders & { filters: { managers: { id: number }[] } };
    const winner = Number(before.leaders[0]!.list.person.slice(1));
    const other = before.leaders[1]!;
    const idle = before.filters.managers.find(
      (person) => !before.leaders.some((row) => row.list.person === `#${person.id}`),
    )!.id;
    const plan = { company: companyOf(seat.portal), period: { kind: 'month' as const, start: start.toISODate()! } };
    const setAt = new Date();
    for (const [managerId, amount] of [
      [winner, 10_000_000],
      [idle, 3_000_000],
    ] as const)
      await seat.plans!.save({ ...plan, managerId, amount, currency: 'RUB', setBy: 1, setAt });
    // The same month by its own button: the minute's kept answer above is not reused.
    const shares = (await (await ask({ period: 'lastMonth' })).json()) as Leaders;
    // The chat's own «как идём по плану у …» for last month gives the manager's fact.
    const scenarios = createScenarios({ portal: seat.portal, plans: seat.plans! });
    const chat = await scenarios.run(seat.director, { scenario: 'plan', ...plan.period, managerId: winner });
    if (chat?.view !== 'planForecast') throw new Error('no forecast view');
    expect(chat.fact).toBeGreaterThan(0);
    const spaced = (text = '') => text.replace(/\s/g, ' ');
    const row = (id: number) => shares.leaders.find((one) => one.list.person === `#${id}`);
    expect(spaced(row(winner)?.plan)).toBe(`${Math.round((chat.fact / 10_000_000) * 100)}% плана 10 000 000 ₽`);
    expect(row(winner)?.value).toBe(before.leaders[0]!.value);
    expect(shares.leaders.find((one) => one.name === other.name)?.plan).toBeUndefined();
    expect(spaced(row(idle)?.value)).toBe('0 ₽');
    expect(spaced(row(idle)?.plan)).toBe('0% плана 3 000 000 ₽');
    expect(shares.leaders.at(-1)?.list.person).toBe(`#${idle}`);
  });

  it('shows the director’s latest alerts in the words of their message, and when they came', async () => {
    const db = await openDatabase(join(folder, 'test.sqlite'));
    const alerts = createAlertRepository(db);
    const at = new Date();
    const facts = { type: 'deal', id: 7, title: 'Поставка «Гранит»', amount: 900_000, currency: 'RUB' };
    const alert = { portal: 'demo', object: 'deal:7', change: 'won', kind: 'dealWon', facts: JSON.stringify(facts) };
    await alerts.enqueue(
      [
        { telegramUserId: DIRECTOR, ...alert },
        { telegramUserId: ENGLISH, ...alert },
      ],
      at,
    );
    const [row] = await alerts.take(DIRECTOR, 'test', new Date(at.getTime() + 60_000), at);
    await alerts.settle([row!.id], 'test', 'sent');
    await db.close();
    const filters = { period: 'custom', from: '2026-01-01', to: '2026-01-31' };
    const seen = (await (await ask(filters)).json()) as { alerts: { label: string; detail: string }[] };
    expect(seen.alerts).toEqual([
      {
        label: expect.stringMatching(/^🏆 Выиграна сделка «Поставка «Гранит»»: 900.000.₽$/),
        detail: expect.any(String),
      },
    ]);
    expect(seen.alerts[0]!.detail).toMatch(/^сегодня в \d{1,2}:\d{2}$/);
    // Another director's alert waiting to be sent is not shown anywhere yet, nor are the first one's to him.
    const other = (await (await ask(filters, { id: ENGLISH, languageCode: 'en' })).json()) as { alerts: unknown[] };
    expect(other.alerts).toEqual([]);
  });

  it('says one plain sentence, and nothing else, when the portal cannot be reached', async () => {
    demo.faults.down = true;
    try {
      const answer = await ask({ period: 'quarter' });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({
        message: 'Не удалось подключиться к Битрикс24, проверьте, что портал доступен.',
      });
    } finally {
      demo.faults.down = false;
    }
  }, 60_000);
});
