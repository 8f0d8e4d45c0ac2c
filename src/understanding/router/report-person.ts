// A report asked about one employee, the team or a department: «итоги недели Попова», «Попов за неделю»,
// «отчёт по команде за месяц».
// The week's report is the director's own tasks and the whole company's deals, so for an employee it is the
// tasks that employee closed in the period, with the name and the period in the header.

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';
import { takeDepartment } from './department-words.ts';
import { periods } from './period-words.ts';
import { rest } from './query-names.ts';
import { type Found, PEOPLE } from './query-parts.ts';
import { rule, take } from './spans.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday } from './zone.ts';

const FOR_WORD = letters(/(?<![\p{L}])(?:за|for)\s/u);
const DAY_WORD = letters(/(?<![\p{L}])(?:дня|день|day)(?![\p{L}])/u);

const REPORT = rule(
  'итог\\p{L}*|отч[её]т\\p{L}*|результат\\p{L}*|сводк\\p{L}*|что\\s+(?:сделал\\p{L}*|успел\\p{L}*|закрыл\\p{L}*)|(?:сделал\\p{L}*|успел\\p{L}*)|report|results|summary|what\\s+did|do|done',
);
// Words a report question may hold beside the name: the period's own small words.
const SMALL = rule('за|по|на|в|во|у|от|этой|эту|эта|this|for|of|by|in|the|week|day|недел\\p{L}*|дня|день');

/** The tasks one employee closed in the period a report names (this week by default); undefined for no name. */
export function personReport(message: Message, clock: Clock): Intent | undefined {
  const found: Found = { spans: [] };
  periods(message, found, clock);
  const report = take(message, found, REPORT, () => {});
  // «Попов за неделю»: a name and a period gone by are a report too; «Попов завтра» is not.
  if (!report && !FOR_WORD.test(message.light)) return undefined;
  // «отчёт по команде за месяц», «итоги дня по отделу продаж»: the team's or a department's.
  const [sales, team] = PEOPLE;
  take(message, found, sales!.pattern, () => (found.person ??= 'sales'));
  takeDepartment(message, found);
  take(message, found, team!.pattern, () => (found.person ??= 'team'));
  take(message, found, SMALL, () => {});
  const { name, unapplied } = rest(message, found);
  // One name only: a list of people is no one person's report.
  const said = name?.names.length === 1 ? name.names[0] : undefined;
  // «what did I do»: the director's own day, the day's results.
  if (said && /^(?:i|я)$/iu.test(said)) return undefined;
  const person = found.person ?? said;
  // Only a name, capitalised, and nothing else unread: «Попов за неделю», not «сделки за неделю».
  if (!person || unapplied.length || (name && (found.person || name.client || !said || !/^\p{Lu}/u.test(said))))
    return undefined;
  const today = zonedToday(clock.now, clock.timeZone);
  // «итоги дня Морозовой»: today; otherwise this week so far.
  const from = DAY_WORD.test(message.light) ? today : today.startOf('week');
  const period = found.period ?? { from: from.toISODate()!, to: today.toISODate()! };
  if (period.from > today.toISODate()!) return undefined;
  return {
    kind: 'view',
    request: { scenario: 'query', query: { subject: 'tasks', person, status: 'done', period } },
  };
}
