import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentView } from '../../src/scenarios/registry.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { ms, NOW, openTasksOf, plain, ruCount, type Stand, startStand } from './demo.ts';

let stand: Stand;
beforeAll(async () => {
  stand = await startStand();
});
afterAll(() => stand.close());

const DAY = 86_400_000;

async function view<K extends ViewModel['view']>(
  request: Parameters<Stand['scenarios']['run']>[1],
  kind: K,
  language: 'ru' | 'en' = 'ru',
) {
  const model = await stand.scenarios.run(stand.director('Europe/Moscow', language), request);
  expect(model?.view).toBe(kind);
  const text = plain(
    presentView(model as ViewModel, language)
      .map((reply) => reply.html)
      .join('\n'),
  );
  return { model: model as Extract<ViewModel, { view: K }>, text };
}

/** Stuck, computed from the raw data: open, and no stage change, activity or creation for 14 days. */
function stuckDeals(): Map<number, number> {
  const { deals, stageHistory, activities } = stand.demo.data;
  const stuck = new Map<number, number>();
  for (const deal of deals.filter((one) => one.STAGE_SEMANTIC_ID === 'P')) {
    const times = [
      ms(deal.DATE_CREATE),
      ...stageHistory.filter((entry) => entry.OWNER_ID === deal.ID).map((entry) => ms(entry.CREATED_TIME)),
      ...activities
        .filter((activity) => String(activity.OWNER_TYPE_ID) === '2' && activity.OWNER_ID === deal.ID)
        .map((activity) => ms(activity.CREATED)),
    ];
    const days = Math.floor((NOW.getTime() - Math.max(...times)) / DAY);
    if (days >= 14) stuck.set(Number(deal.ID), days);
  }
  return stuck;
}

describe('my tasks', () => {
  it('lists every open task and flags the overdue ones with the right plural', async () => {
    const { model, text } = await view({ scenario: 'myTasks' }, 'tasks');
    const open = openTasksOf(stand.demo);
    const overdue = open.filter((task) => task.deadline && ms(task.deadline) < NOW.getTime());
    expect(model.tasks.items.map((task) => task.id).sort((a, b) => a - b)).toEqual(
      open.map((task) => Number(task.id)).sort((a, b) => a - b),
    );
    expect(model.overdue).toBe(overdue.length);
    expect(overdue.length).toBeGreaterThan(1);
    expect(
      model.tasks.items
        .filter((task) => task.overdue)
        .map((task) => task.id)
        .sort((a, b) => a - b),
    ).toEqual(overdue.map((task) => Number(task.id)).sort((a, b) => a - b));
    const verb = ruCount(overdue.length, 'просрочена', 'просрочены', 'просрочено').split(' ')[1];
    expect(text).toContain(`⚠️ ${ruCount(overdue.length, 'задача', 'задачи', 'задач')} ${verb}`);
  });

  it('says «⚠️ 3 задачи просрочены» for three', async () => {
    const open = openTasksOf(stand.demo).filter((task) => task.deadline && ms(task.deadline) < NOW.getTime());
    // Move all but three overdue tasks into next week, in a portal of its own so other tests keep their data.
    const own = await startStand();
    try {
      const keep = new Set(open.slice(0, 3).map((task) => task.id));
      for (const task of openTasksOf(own.demo)) {
        if (task.deadline && ms(task.deadline) < NOW.getTime() && !keep.has(task.id))
          task.deadline = '2026-12-02T12:00:00+03:00';
      }
      const model = await own.scenarios.run(own.director(), { scenario: 'myTasks' });
      const text = plain(presentView(model as ViewModel, 'ru')[0]?.html ?? '');
      expect(text).toContain('⚠️ 3 задачи просрочены');
    } finally {
      await own.close();
    }
  });
});

describe('deals', () => {
  it('lists the open deals with sums and stage names, and flags the stuck ones with their days', async () => {
    const { model, text } = await view({ scenario: 'deals' }, 'deals');
    const open = stand.demo.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
    expect(model.deals.total).toBe(open.length);
    const expected = stuckDeals();
    expect(expected.size).toBeGreaterThan(0);
    expect(model.stuck).toBe(expected.size);
    for (const deal of model.deals.items.filter((one) => one.stuckDays !== undefined)) {
      expect(deal.stuckDays).toBe(expected.get(deal.id));
    }
    expect(text).toContain(`💤 ${ruCount(expected.size, 'сделка', 'сделки', 'сделок')} без движения`);
    const total = open.reduce((sum, deal) => sum + Number(deal.OPPORTUNITY), 0);
    const grouped = total.toLocaleString('ru-RU').replace(/\s/g, ' ');
    expect(text).toContain(`${open.length} на ${grouped} ₽`);
  });

  it('shows stage names, never their codes', async () => {
    const { text } = await view({ scenario: 'deals' }, 'deals');
    const { text: pipeline } = await view({ scenario: 'pipeline' }, 'pipeline');
    for (const shown of [text, pipeline]) {
      expect(shown).not.toMatch(
        /\b(NEW|PREPARATION|PREPAYMENT_INVOICE|EXECUTING|FINAL_INVOICE|WON|LOSE|UC_\w+)\b|C\d+:/,
      );
      expect(shown).toContain('Подготовка документов');
    }
  });

  it('sums the pipeline by stage as the data says', async () => {
    const { model } = await view({ scenario: 'pipeline' }, 'pipeline');
    const open = stand.demo.data.deals.filter(
      (deal) => deal.STAGE_SEMANTIC_ID === 'P' && String(deal.CATEGORY_ID) === '0',
    );
    for (const stage of model.stages) {
      const inStage = open.filter((deal) => deal.STAGE_ID === stage.stageId);
      expect(stage.count).toBe(inStage.length);
      expect(stage.sums.reduce((sum, one) => sum + one.amount, 0)).toBe(
        inStage.reduce((sum, deal) => sum + Number(deal.OPPORTUNITY), 0),
      );
    }
    const weekStart = new Date('2026-11-22T21:00:00Z').getTime();
    expect(model.newLeads).toBe(stand.demo.data.leads.filter((lead) => ms(lead.DATE_CREATE) >= weekStart).length);
  });
});

describe('reports', () => {
  it('the day results hold the tasks closed today and the stage changes of today', async () => {
    const { model, text } = await view({ scenario: 'dayResults' }, 'dayResults');
    const dayStart = new Date('2026-11-24T21:00:00Z').getTime();
    const closed = stand.demo.data.tasks.filter(
      (task) =>
        String(task.responsibleId) === '1' &&
        String(task.status) === '5' &&
        task.closedDate &&
        ms(task.closedDate) >= dayStart,
    );
    expect(model.closedTasks.items.map((task) => task.id).sort((a, b) => a - b)).toEqual(
      closed.map((task) => Number(task.id)).sort((a, b) => a - b),
    );
    const moves = stand.demo.data.stageHistory.filter(
      (entry) =>
        String(entry.TYPE_ID) !== '1' && ms(entry.CREATED_TIME) >= dayStart && ms(entry.CREATED_TIME) < dayStart + DAY,
    );
    expect(model.moves.total).toBe(moves.length);
    expect(text).toContain('🌙 Итоги дня — среда, 25 ноября');
  });

  it('the weekly report counts this week from Monday', async () => {
    const { model } = await view({ scenario: 'weeklyReport' }, 'weeklyReport');
    const monday = new Date('2026-11-22T21:00:00Z').getTime();
    const closed = stand.demo.data.tasks.filter(
      (task) =>
        String(task.responsibleId) === '1' &&
        String(task.status) === '5' &&
        task.closedDate &&
        ms(task.closedDate) >= monday,
    );
    expect(model.closedTasks.total).toBe(closed.length);
    const moves = stand.demo.data.stageHistory.filter(
      (entry) =>
        String(entry.TYPE_ID) !== '1' && ms(entry.CREATED_TIME) >= monday && ms(entry.CREATED_TIME) <= NOW.getTime(),
    );
    expect(model.moves.total).toBe(moves.length);
  });
});
