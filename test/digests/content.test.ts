// The digests end to end with their real content: the demo portal over HTTP, the scenarios and the views.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { DIGEST_CONTENT } from '../../src/digests/content.ts';
import type { DigestDispatcherDeps } from '../../src/digests/dispatcher.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { createScenarios } from '../../src/scenarios/index.ts';
import { presentView } from '../../src/scenarios/registry.ts';
import type { DigestName } from '../../src/vocabulary/requests.ts';
import { digestHarness, MOSCOW, seenBy } from './harness.ts';

const harness = digestHarness();

const TECHNICAL = /rest|crm\.|tasks\.task|webhook|json|api|token|method|http/i;

let demo: DemoPortal;
// Wednesday 25 November 2026, 08:00 in Moscow.
let portalNow = new Date('2026-11-25T05:00:00Z');

beforeEach(async () => {
  demo = await startDemoPortal({ now: () => portalNow, rateLimit: false });
});
afterEach(async () => {
  await demo.close();
});

const scenariosOfDemo = () =>
  createScenarios({
    portal: createPortalClient({ webhookUrl: demo.webhookUrl, retries: 0, timeoutMs: 2_000 }),
    now: () => portalNow,
  });

function realContent(): DigestDispatcherDeps['content'] {
  const scenarios = scenariosOfDemo();
  return async (director, digest) => {
    const view = await scenarios.run(director, DIGEST_CONTENT[digest]);
    return view && presentView(view, director.language);
  };
}

/** The Moscow director has `digest` on; the dispatcher ticks at `at` (UTC) with the real content. */
async function deliveredAt(digest: DigestName, at: string) {
  const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
  await h.turnOn(MOSCOW, digest);
  const dispatcher = await h.dispatcher({ content: realContent() });
  portalNow = new Date(at);
  h.clock.set(at);
  await dispatcher.tick();
  const html = h.deliveries.map((delivery) => delivery.html).join('\n');
  // What the director reads is the text; a link under «↗» opens a record's own page on the portal.
  for (const [, href] of html.matchAll(/href="([^"]+)"/gu))
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(?:crm|company)\//u);
  return { h, text: plainTextOf(html) };
}

describe('when the morning briefing is due', () => {
  it('then the director gets the real briefing from the portal at 09:00, in plain business words', async () => {
    const { h, text } = await deliveredAt('morningBriefing', '2026-11-25T06:00:00Z');

    const seen = seenBy(h.deliveries, MOSCOW);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatch(/^Wed 09:00 /);
    // The demo director's own open deals and tasks are in it; nothing technical is.
    expect(text).toContain('Ромашка');
    expect(text).toMatch(/сделк/i);
    expect(text).toMatch(/задач/i);
    expect(text).not.toMatch(TECHNICAL);
  });

  it('then it lists every lead created yesterday in the director’s zone, and none of today’s', async () => {
    const { text } = await deliveredAt('morningBriefing', '2026-11-25T06:00:00Z');
    const createdOn = (lead: Record<string, unknown>) =>
      DateTime.fromISO(String(lead.DATE_CREATE)).setZone(MOSCOW.timeZone).toISODate();
    const yesterday = demo.data.leads.filter((lead) => createdOn(lead) === '2026-11-24');
    const today = demo.data.leads.filter((lead) => createdOn(lead) === '2026-11-25');
    expect(yesterday.length).toBeGreaterThan(1);
    expect(today.length).toBeGreaterThan(0);
    expect(text).toContain(`Новые лиды за вчера: ${yesterday.length}`);
    for (const lead of yesterday) expect(text).toContain(String(lead.TITLE));
    for (const lead of today) expect(text).not.toContain(String(lead.TITLE));
  });
});

describe('when the overdue alert is due', () => {
  it('then the director reads every overdue task and every stuck deal', async () => {
    const { h, text } = await deliveredAt('overdueAlert', '2026-11-25T07:00:00Z');

    const scenarios = scenariosOfDemo();
    const tasks = await scenarios.run(MOSCOW, { scenario: 'myTasks' });
    const deals = await scenarios.run(MOSCOW, { scenario: 'deals' });
    if (tasks?.view !== 'tasks' || deals?.view !== 'deals') throw new Error('the tasks and deals views are expected');
    const overdue = tasks.tasks.items.filter((task) => task.overdue);
    const stuck = deals.deals.items.filter((deal) => deal.stuckDays !== undefined);
    expect(overdue.length).toBeGreaterThan(0);
    expect(stuck).toHaveLength(deals.stuck);
    expect(stuck.length).toBeGreaterThan(0);

    expect(seenBy(h.deliveries, MOSCOW)[0]).toMatch(/^Wed 10:00 /);
    for (const task of overdue) expect(text).toContain(task.title);
    for (const deal of stuck) expect(text).toContain(deal.title);
    expect(text).not.toMatch(TECHNICAL);
  });
});

describe('when the evening summary is due', () => {
  it('then the director gets the day results: the tasks closed today and the meetings held', async () => {
    const { h, text } = await deliveredAt('eveningSummary', '2026-11-25T15:00:00Z');

    const dayResults = await scenariosOfDemo().run(MOSCOW, { scenario: 'dayResults' });
    expect(dayResults?.view).toBe('dayResults');
    if (dayResults?.view !== 'dayResults') return;
    expect(dayResults.closedTasks.total).toBeGreaterThan(0);
    expect(dayResults.meetingsHeld.length).toBeGreaterThan(0);
    expect(seenBy(h.deliveries, MOSCOW)[0]).toMatch(/^Wed 18:00 /);
    for (const task of dayResults.closedTasks.items) expect(text).toContain(task.title);
    for (const meeting of dayResults.meetingsHeld) expect(text).toContain(meeting.title);
  });
});

describe('when the portal is down at the slot', () => {
  it('then the day plan is retried, and the director reads the one sentence once', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    await h.turnOn(MOSCOW, 'dayPlan');
    const dispatcher = await h.dispatcher({ content: realContent() });
    demo.faults.down = true;
    h.clock.set('2026-11-25T05:30:00Z');
    while (h.clock.current < new Date('2026-11-25T06:30:00Z')) {
      await dispatcher.tick();
      h.clock.plusMinutes(1);
    }

    expect(seenBy(h.deliveries, MOSCOW)).toEqual([
      'Wed 09:00 Не удалось подключиться к Битрикс24, проверьте, что портал доступен.',
    ]);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([
      { digest: 'dayPlan', status: 'failed', attempts: 7 },
    ]);
  });
});
