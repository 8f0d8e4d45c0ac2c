// The demo company gives every view something true to say, on any day and in any zone.
import { describe, expect, it } from 'vitest';
import { type DemoData, generateCompany } from '../../src/demo-portal/company.ts';
import { HALF_YEAR } from '../../src/demo-portal/sales-history.ts';
import { startDemoPortal } from '../../src/demo-portal/server.ts';
import { caller, NOW } from './portal-call.ts';

const DAY = 86_400_000;
const company = (now = NOW, timeZone = 'Europe/Moscow') => generateCompany({ now, timeZone });

function stuckDeals(data: DemoData, now: Date, assignee?: string): string[] {
  const quiet = now.getTime() - 14 * DAY;
  return data.deals
    .filter((deal) => deal.STAGE_SEMANTIC_ID === 'P' && (assignee === undefined || deal.ASSIGNED_BY_ID === assignee))
    .filter((deal) => {
      const moves = data.stageHistory
        .filter((entry) => entry.OWNER_ID === deal.ID)
        .map((entry) => Date.parse(entry.CREATED_TIME as string));
      const touches = data.activities
        .filter((activity) => activity.OWNER_TYPE_ID === '2' && activity.OWNER_ID === deal.ID)
        .map((activity) => Date.parse(activity.CREATED as string));
      return Math.max(...moves, ...touches) < quiet;
    })
    .map((deal) => deal.ID as string);
}

describe('the seeded company', () => {
  it('is the same for the same seed and day, and moves with the day', () => {
    expect(company()).toEqual(company());
    const later = company(new Date(NOW.getTime() + 7 * DAY));
    expect(later.tasks[0]!.deadline).not.toBe(company().tasks[0]!.deadline);
    expect(later.deals.map((deal) => deal.TITLE)).toEqual(company().deals.map((deal) => deal.TITLE));
  });

  it('has people in departments, one of them in Vladivostok, and one who left', () => {
    const data = company();
    expect(data.users).toHaveLength(25 + HALF_YEAR.people);
    expect(new Set(data.users.flatMap((user) => user.UF_DEPARTMENT as number[])).size).toBeGreaterThanOrEqual(5);
    expect(data.users.filter((user) => user.TIME_ZONE === 'Asia/Vladivostok')).toHaveLength(1);
    expect(data.users.some((user) => user.ACTIVE === false)).toBe(true);
    expect(data.users.some((user) => user.TIME_ZONE === '')).toBe(true);
  });

  it('gives the director 3 stuck deals, one of them edited lately (the modification date is no proof of life)', () => {
    for (const day of [NOW, new Date('2027-03-01T05:30:00Z'), new Date('2026-12-28T20:59:00Z')]) {
      const data = company(day);
      const stuck = stuckDeals(data, day, '1');
      expect(stuck).toHaveLength(3);
      expect(stuckDeals(data, day)).toHaveLength(5);
      const edited = data.deals.filter(
        (deal) =>
          stuck.includes(deal.ID as string) && Date.parse(deal.DATE_MODIFY as string) > day.getTime() - 14 * DAY,
      );
      expect(edited).toHaveLength(1);
    }
  });

  it('has overdue work, work due today, done today and this week, moves and wins this week', () => {
    const data = company();
    const mine = data.tasks.filter((task) => task.responsibleId === '1');
    const open = mine.filter((task) => Number(task.status) < 5);
    expect(
      open.filter((task) => task.deadline && Date.parse(task.deadline as string) < NOW.getTime()).length,
    ).toBeGreaterThanOrEqual(5);
    expect(open.map((task) => task.deadline)).toContain('2026-11-25T18:00:00+03:00');
    const todayStart = Date.parse('2026-11-25T00:00:00+03:00');
    const weekStart = Date.parse('2026-11-23T00:00:00+03:00');
    const closedSince = (from: number) =>
      mine.filter((task) => task.closedDate && Date.parse(task.closedDate as string) >= from).length;
    expect(closedSince(todayStart)).toBe(3);
    expect(closedSince(weekStart)).toBe(7);
    const movesToday = data.stageHistory.filter(
      (entry) => entry.TYPE_ID !== '1' && Date.parse(entry.CREATED_TIME as string) >= todayStart,
    );
    expect(movesToday.length).toBeGreaterThanOrEqual(3);
    const closedThisWeek = data.stageHistory.filter(
      (entry) => entry.TYPE_ID === '3' && Date.parse(entry.CREATED_TIME as string) >= weekStart,
    );
    expect(closedThisWeek.map((entry) => entry.STAGE_SEMANTIC_ID)).toEqual(expect.arrayContaining(['S', 'F']));
    expect(data.stageHistory.every((entry) => Date.parse(entry.CREATED_TIME as string) <= NOW.getTime())).toBe(true);
    expect(data.leads.filter((lead) => Date.parse(lead.DATE_CREATE as string) >= NOW.getTime() - DAY)).toHaveLength(6);
  });

  it('has 120 deals of its own and half a year of closed ones, 40 companies, 82 contacts (two of them named for the examples), leads and tasks', () => {
    const data = company();
    expect(data.deals).toHaveLength(120 + HALF_YEAR.deals);
    expect(new Set(data.deals.map((deal) => deal.CATEGORY_ID))).toEqual(new Set(['0', '1']));
    expect(data.companies).toHaveLength(40);
    expect(data.contacts).toHaveLength(82);
    expect(data.leads).toHaveLength(30 + HALF_YEAR.leads);
    expect(data.tasks).toHaveLength(150 + HALF_YEAR.tasks);
    expect(data.activities.length).toBeGreaterThan(150);
  });

  it('grows to a benchmark size and still pages without counting', async () => {
    const portal = await startDemoPortal({
      now: () => NOW,
      rateLimit: false,
      size: { deals: 10_000, contacts: 5_000 },
    });
    try {
      expect(portal.data.deals).toHaveLength(10_120 + HALF_YEAR.deals);
      expect(portal.data.contacts).toHaveLength(5_082);
      const call = caller(portal);
      const { body } = await call('crm.deal.list', {
        order: { ID: 'ASC' },
        filter: { '>ID': 10_100 + HALF_YEAR.deals },
        select: ['ID'],
        start: -1,
      });
      expect((body.result as unknown[]).length).toBe(20);
      expect(body.total).toBe(0);
    } finally {
      await portal.close();
    }
  });
});

describe('the director’s zone', () => {
  it('places the day in the given zone, whatever the server zone is', async () => {
    const portal = await startDemoPortal({ now: () => NOW, rateLimit: false, timeZone: 'Asia/Vladivostok' });
    try {
      const call = caller(portal);
      const me = await call('user.current');
      expect(me.body.result).toMatchObject({ TIME_ZONE: 'Asia/Vladivostok' });
      expect((me.body.time as { date_start: string }).date_start).toBe('2026-11-25T19:00:00+10:00');
      const { body } = await call('tasks.task.list', {
        filter: {
          RESPONSIBLE_ID: 1,
          '>=DEADLINE': '2026-11-25T00:00:00+10:00',
          '<DEADLINE': '2026-11-26T00:00:00+10:00',
        },
        select: ['ID', 'DEADLINE'],
      });
      expect((body.result as { tasks: { deadline: string }[] }).tasks.map((task) => task.deadline)).toContain(
        '2026-11-25T18:00:00+10:00',
      );
    } finally {
      await portal.close();
    }
  });
});

describe('a webhook of another user', () => {
  it('answers user.current with that user; a user who never set a zone has an empty TIME_ZONE', async () => {
    const portal = await startDemoPortal({ now: () => NOW, rateLimit: false, userId: 6 });
    try {
      expect(portal.webhookUrl).toMatch(/\/rest\/6\/[a-z0-9]{16}\/$/);
      const { body } = await caller(portal)('user.current');
      expect(body.result).toMatchObject({ ID: '6', NAME: 'Анна', LAST_NAME: 'Морозова', TIME_ZONE: '' });
      // The portal's default zone still shows in the offset of every reply.
      expect((body.time as { date_start: string }).date_start).toMatch(/\+03:00$/);
    } finally {
      await portal.close();
    }
  });
});
