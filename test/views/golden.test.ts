// Golden views: a few hand-made view models rendered and compared with files a human has read for the look.
// After a deliberate change of wording, run with UPDATE_GOLDEN=1 and read the diff before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentView } from '../../src/scenarios/registry.ts';
import type { Language } from '../../src/vocabulary/director.ts';
import type { DealItem, EventItem, Moment, TaskItem, ViewModel } from '../../src/vocabulary/view-models.ts';

const at: Moment = { now: '2026-11-25T12:00:00+03:00', today: '2026-11-25', timeZone: 'Europe/Moscow' };
const rub = (amount: number) => ({ amount, currency: 'RUB' });

const events: EventItem[] = [
  {
    id: 1,
    title: 'Планёрка отдела продаж',
    from: '2026-11-25T09:30:00+03:00',
    to: '2026-11-25T10:00:00+03:00',
    allDay: false,
    location: 'Переговорная 1',
  },
  {
    id: 2,
    title: 'Встреча с ООО «Ромашка» & партнёрами',
    from: '2026-11-25T11:00:00+03:00',
    to: '2026-11-25T12:30:00+03:00',
    allDay: false,
  },
  {
    id: 3,
    title: 'Созвон <с> «Вектором»',
    from: '2026-11-25T12:00:00+03:00',
    to: '2026-11-25T13:00:00+03:00',
    allDay: false,
  },
];
const tasks: TaskItem[] = [
  { id: 11, title: 'Подписать договор с «Ромашкой»', deadline: '2026-11-20T18:00:00+03:00', overdue: true },
  { id: 12, title: 'Согласовать смету 🚀', deadline: '2026-11-25T18:00:00+03:00', overdue: false },
  { id: 13, title: 'Позвонить в банк', deadline: '2026-11-26T10:00:00+03:00', overdue: false },
];
const deals: DealItem[] = [
  {
    id: 21,
    title: 'Поставка оборудования',
    amount: rub(1_250_000),
    stageName: 'Счёт на предоплату',
    pipelineName: 'Продажи',
  },
  {
    id: 22,
    title: 'Аудит склада «Вектор»',
    amount: rub(480_000),
    stageName: 'Подготовка документов',
    pipelineName: 'Продажи',
    stuckDays: 17,
  },
];

const goldens: [name: string, view: ViewModel, language: Language][] = [
  [
    'schedule.ru',
    {
      view: 'schedule',
      at,
      date: '2026-11-25',
      events,
      tasks: tasks.slice(0, 2),
      clashes: [{ first: events[1]!, second: events[2]! }],
    },
    'ru',
  ],
  ['tasks.ru', { view: 'tasks', at, tasks: { items: tasks, total: 3 }, overdue: 1 }, 'ru'],
  [
    'pipeline.ru',
    {
      view: 'pipeline',
      at,
      pipelineName: 'Продажи',
      pipelines: [{ id: 1, name: 'Тендеры' }],
      stages: [
        { stageId: 'NEW', name: 'Новая', count: 0, sums: [] },
        { stageId: 'PREPARATION', name: 'Подготовка документов', count: 1, sums: [rub(480_000)] },
        { stageId: 'PREPAYMENT_INVOICE', name: 'Счёт на предоплату', count: 1, sums: [rub(1_250_000)] },
      ],
      sums: [rub(1_730_000)],
      stuck: { items: [deals[1]!], total: 1 },
      newLeads: 4,
    },
    'ru',
  ],
  [
    'morning-digest.en',
    {
      view: 'briefing',
      at,
      digest: 'morningDigest',
      events,
      clashes: [{ first: events[1]!, second: events[2]! }],
      dueToday: [tasks[1]!],
      overdue: { items: [tasks[0]!], total: 1 },
      deals: { deals: { items: deals, total: 2 }, sums: [rub(1_730_000)], stuck: 1 },
      newLeads: {
        items: [{ id: 31, title: 'Заявка с сайта', createdAt: '2026-11-24T15:10:00+03:00', sourceName: 'Веб-сайт' }],
        total: 1,
      },
    },
    'en',
  ],
];

describe('golden views', () => {
  it.each(goldens)('%s reads as checked in', (name, view, language) => {
    const replies = presentView(view, language);
    const shown = [
      ...replies.map((reply) => reply.html),
      ...replies
        .flatMap((reply) => reply.buttons ?? [])
        .map((row) => `[${row.map((button) => button.text).join('] [')}]`),
    ].join('\n');
    const file = join(import.meta.dirname, 'golden', `${name}.txt`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, `${shown}\n`);
    expect(existsSync(file)).toBe(true);
    expect(`${shown}\n`).toBe(readFileSync(file, 'utf8'));
  });
});
