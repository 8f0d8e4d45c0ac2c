// The whole qualified phrase pack through the bot on the demo portal, without a model: every reply's header
// states what its query asked (subject, status, whose, which client, when, how measured), or the bot asks
// which person was meant. A reply showing other data under a filtered question fails here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { stemOf, wordsOf } from '../../src/scenarios/matcher.ts';
import type { Query } from '../../src/vocabulary/query.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';
import { PACK_NOW } from '../router/phrases.ts';
import { questionPack } from '../router/questions.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.clock.now = PACK_NOW;
});
afterAll(() => h.close());

const STATUS: Record<NonNullable<Query['status']>, RegExp> = {
  won: /выигранн|выручка|средний чек|won|revenue|average deal/iu,
  lost: /проигранн|lost/iu,
  overdue: /просроченн|overdue/iu,
  done: /заверш[её]нн/iu,
  stuck: /зависш/iu,
  new: /нов/iu,
  open: /открыт/iu,
};
const SUBJECT: Record<Query['subject'], RegExp> = {
  tasks: /задачи|tasks/iu,
  deals: /сделки|выручка|средний чек|конверсия|deals|revenue|average deal/iu,
  leads: /лиды|leads/iu,
  meetings: /встречи/iu,
  contacts: /контакты/iu,
  companies: /компании/iu,
  calls: /звонки|calls/iu,
  activities: /дела/iu,
};
const GROUP: Record<NonNullable<Query['groupBy']>, RegExp> = {
  manager: /по менеджерам|by manager/u,
  client: /по клиентам|by client/u,
  stage: /по стадиям/u,
  source: /по источникам|by source/u,
  week: /по неделям/u,
  month: /по месяцам/u,
};

/** What is wrong with the header for this query; empty when it states the query. */
function mismatches(header: string, query: Query): string[] {
  const problems: string[] = [];
  const said = query.person === undefined ? undefined : [query.person].flat().join(' и ');
  const person = said && !['me', 'team', 'sales'].includes(said) ? said : undefined;
  if (person && /несколько сотрудников|которого|кого вы имели/iu.test(header)) return [];
  if (query.measure !== 'conversion' && !SUBJECT[query.subject].test(header)) problems.push('subject');
  if (query.measure === 'conversion' && !/конверсия|conversion/iu.test(header)) problems.push('conversion');
  if (query.status && query.measure !== 'conversion' && !STATUS[query.status].test(header)) problems.push('status');
  if (person) {
    const stem = stemOf(wordsOf(person).at(-1) ?? '').slice(0, 4);
    if (!header.toLowerCase().replace(/ё/g, 'е').includes(stem)) problems.push(`person ${stem}`);
  }
  if (query.person === 'team' && !/команды/u.test(header)) problems.push('team');
  if (query.person === 'sales' && !/отдела продаж/u.test(header)) problems.push('sales');
  if (query.client && !/по клиенту/u.test(header)) problems.push('client');
  if (query.stage && !/на стадии/u.test(header)) problems.push('stage');
  if (query.amount?.min && !/ от /u.test(header)) problems.push('amount');
  if (query.groupBy && !GROUP[query.groupBy].test(header)) problems.push('group');
  if (query.period && !/ (?:за|на|с|вчера|сегодня|in|from|on|yesterday|today) /u.test(`${header} `))
    problems.push('period');
  if (query.measure === 'sum' && !/выручка|сумма|по менеджерам|по месяцам|revenue|by manager/iu.test(header))
    problems.push('sum');
  if (query.measure === 'average' && !/средний чек|average deal/iu.test(header)) problems.push('average');
  return problems;
}

it('answers every qualified phrase under a header that states its query', async () => {
  const assistant = h.assistant();
  const wrong: string[] = [];
  const who = { telegramUserId: 90_000, chatId: 90_000 };
  for (const { text, query } of questionPack()) {
    const replies = await assistant.handleText(who, text);
    const header = plainTextOf(replies[0]?.html ?? '').split('\n')[0] ?? '';
    const problems = mismatches(header, query);
    if (problems.length) wrong.push(`${text} → ${header} (${problems.join(', ')})`);
  }
  expect(wrong).toEqual([]);
}, 120_000);
