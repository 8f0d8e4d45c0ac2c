// The director packs a chat model is scored on: questions a director asks, as the demo company answers them on
// Wednesday 25 November 2026 at 12:00 in Moscow. Each case says what the director must see, and what a capable
// model calls for it (the built-in fake model answers so, which proves the harness, not a model).
import type { ScriptStep } from '../../test/fakes/openai-api.ts';

export const EVAL_NOW = new Date('2026-11-25T09:00:00Z');

export type Pack = 'read' | 'qualified' | 'dialogue' | 'writes' | 'must-ask' | 'small talk';
export const PACKS: Pack[] = ['read', 'qualified', 'dialogue', 'writes', 'must-ask', 'small talk'];

/** What the last reply must be: a view or words that match, a yes/no question for the write, or a question back. */
export type Expected = 'view' | 'write' | 'ask';

export interface EvalCase {
  pack: Pack;
  /** The director's messages in order; the last one is scored. */
  turns: string[];
  expected: Expected;
  /** What the director must see (a view's header, the proposal's question, the question asked). */
  sees: RegExp;
  /** What a capable model does with the last message (and `earlier` with the ones before). */
  model: ScriptStep;
  earlier?: ScriptStep[];
}

const call = (name: string, args: Record<string, unknown> = {}): ScriptStep => ({
  toolCalls: [{ name, arguments: args }],
});
const query = (args: Record<string, unknown>) => call('query', args);
const november = { from: '2026-11-01', to: '2026-11-30' };

export const CASES: EvalCase[] = [
  {
    pack: 'read',
    turns: ['что у меня завтра'],
    expected: 'view',
    sees: /26 ноября|четверг/i,
    model: call('schedule', { date: '2026-11-26' }),
  },
  { pack: 'read', turns: ['покажи сделки'], expected: 'view', sees: /сделк/i, model: call('deals') },
  { pack: 'read', turns: ['мои задачи'], expected: 'view', sees: /задач/i, model: call('myTasks') },
  { pack: 'read', turns: ['как там воронка продаж?'], expected: 'view', sees: /воронк/i, model: call('pipeline') },
  {
    pack: 'qualified',
    turns: ['выигранные сделки за октябрь'],
    expected: 'view',
    sees: /выигран[\s\S]*октябр/i,
    model: query({ subject: 'deals', status: 'won', period: { from: '2026-10-01', to: '2026-10-31' } }),
  },
  {
    pack: 'qualified',
    turns: ['задачи Соколова'],
    expected: 'view',
    sees: /Соколов/,
    model: query({ subject: 'tasks', person: 'Соколова' }),
  },
  {
    pack: 'qualified',
    turns: ['кто больше всех продал в ноябре'],
    expected: 'view',
    sees: /ноябр/i,
    model: query({ subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager', period: november }),
  },
  {
    pack: 'qualified',
    turns: ['сколько новых лидов пришло на этой неделе'],
    expected: 'view',
    sees: /лид/i,
    model: query({ subject: 'leads', measure: 'count', period: { from: '2026-11-23', to: '2026-11-29' } }),
  },
  {
    pack: 'qualified',
    turns: ['как мы по сравнению с октябрём'],
    expected: 'view',
    sees: /ноябр[\s\S]*октябр/i,
    model: query({
      subject: 'deals',
      status: 'won',
      measure: 'sum',
      period: { from: '2026-11-01', to: '2026-11-25' },
      compare: { from: '2026-10-01', to: '2026-10-31' },
    }),
  },
  {
    pack: 'read',
    turns: ['кто сегодня в отпуске'],
    expected: 'view',
    sees: /отпуск/i,
    model: call('absence', { date: '2026-11-25', reason: 'vacation' }),
  },
  {
    pack: 'dialogue',
    turns: ['задачи Попова', 'а у Соколова?'],
    expected: 'view',
    sees: /Соколов/,
    earlier: [query({ subject: 'tasks', person: 'Попова' })],
    model: query({ subject: 'tasks', person: 'Соколова' }),
  },
  {
    pack: 'dialogue',
    turns: ['что у меня завтра', 'а на пятницу?'],
    expected: 'view',
    sees: /27 ноября|пятниц/i,
    earlier: [call('schedule', { date: '2026-11-26' })],
    model: call('schedule', { date: '2026-11-27' }),
  },
  {
    pack: 'dialogue',
    turns: ['покажи сделки', 'а выигранные в ноябре?'],
    expected: 'view',
    sees: /выигран/i,
    earlier: [call('deals')],
    model: query({ subject: 'deals', status: 'won', period: november }),
  },
  {
    pack: 'writes',
    turns: ['поставь Попову задачу подготовить КП к пятнице'],
    expected: 'write',
    sees: /КП[\s\S]*Попов|Попов[\s\S]*КП/,
    model: call('createTask', { title: 'Подготовить КП', deadline: '2026-11-27T18:00:00', responsibleName: 'Попов' }),
  },
  {
    pack: 'writes',
    turns: ['создай сделку Поставка станков на 2 млн'],
    expected: 'write',
    sees: /Поставка станков/,
    model: call('createDeal', { title: 'Поставка станков', amount: 2_000_000 }),
  },
  {
    pack: 'writes',
    turns: ['добавь комментарий к сделке с Гранитом: клиент просит скидку'],
    expected: 'write',
    sees: /скидк/,
    model: call('addComment', { entity: 'deal', name: 'Гранит', text: 'Клиент просит скидку' }),
  },
  {
    pack: 'must-ask',
    turns: ['задачи Петрова'],
    expected: 'ask',
    sees: /Петров/,
    model: query({ subject: 'tasks', person: 'Петрова' }),
  },
  {
    pack: 'must-ask',
    turns: ['назначь встречу с инвестором 31 февраля'],
    expected: 'ask',
    sees: /31 февраля|февра/i,
    model: { content: 'Такого дня нет: в феврале 28 дней. На какой день назначить встречу с инвестором — 28 февраля?' },
  },
  {
    pack: 'must-ask',
    turns: ['перенеси встречу'],
    expected: 'ask',
    sees: /встреч/i,
    model: { content: 'Какую встречу перенести и на когда?' },
  },
  {
    pack: 'small talk',
    turns: ['привет'],
    expected: 'view',
    sees: /расписани|задач/i,
    model: { content: 'Здравствуйте! Покажу расписание, задачи, сделки и отчёты по команде.' },
  },
  { pack: 'small talk', turns: ['спасибо'], expected: 'view', sees: /пожалуйста/i, model: { content: 'Пожалуйста!' } },
  {
    pack: 'small talk',
    turns: ['что ты умеешь?'],
    expected: 'view',
    sees: /расписани|задач|сделк/i,
    model: { content: 'Покажу расписание, задачи, сделки, воронку и отчёт по команде, создам задачу или сделку.' },
  },
];

/** The fake model's answer to a request: the step of the case whose message it is. */
export function fakeAnswer(message: string): ScriptStep {
  for (const one of CASES) {
    const at = one.turns.indexOf(message);
    if (at === one.turns.length - 1) return one.model;
    if (at >= 0 && one.earlier?.[at]) return one.earlier[at];
  }
  return { content: 'Не понял вопроса.' };
}
