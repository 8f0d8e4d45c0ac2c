// «у кого нет ни одной закрытой задачи за неделю», «кто не закрыл ни одной задачи», «кто без задач»: the employees
// with none. A period is read as the typed questions read it; with none said, closing is this week so far.

import { letters } from '../../letters.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { Intent } from '../understanding.ts';
import { findPeriod } from './period-words.ts';
import { type Message, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday } from './zone.ts';

const NOT_LETTERS = letters(/[^\p{L}]+/gu);

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const DONE = letters(
  new RegExp(
    `^(?:а\\s+)?(?:у\\s+кого|кто)\\s+(?:(?:нет|не\\s+было)\\s+ни\\s+одной\\s+(?:закрыт|выполненн|сделанн|завершенн)\\p{L}*\\s+задач\\p{L}*|не\\s+(?:закрыл|выполнил|сделал|завершил)\\p{L}*\\s+ни\\s+одной\\s+задач\\p{L}*)${E}`,
    'u',
  ),
);
const OPEN = letters(
  new RegExp(
    `^(?:а\\s+)?(?:у\\s+кого\\s+(?:нет\\s+ни\\s+одной\\s+(?:открыт\\p{L}*\\s+)?задач\\p{L}*|нет\\s+задач)|кто\\s+(?:сидит\\s+)?без\\s+задач)${E}`,
    'u',
  ),
);
const TEAM = letters(new RegExp(`${B}(?:в\\s+команде|в\\s+отделе|из\\s+команды|из\\s+сотрудников|сейчас)${E}`, 'gu'));

export function withNoneIntent(message: Message, clock: Clock): Intent | undefined {
  const done = DONE.exec(message.light);
  const open = done ? undefined : OPEN.exec(message.light);
  const said = done ?? open;
  if (!said) return undefined;
  const rest = without(message, [{ start: 0, end: said[0].length }]);
  const period = findPeriod(rest, clock);
  const left = period ? without(rest, period.spans) : rest;
  if (left.light.replace(TEAM, ' ').replace(NOT_LETTERS, '') !== '') return undefined;
  const today = zonedToday(clock.now, clock.timeZone);
  const week = { from: today.startOf('week').toISODate()!, to: today.toISODate()! };
  const query: Query = done
    ? { subject: 'tasks', status: 'done', without: 'tasks', period: period?.period ?? week }
    : { subject: 'tasks', status: 'open', without: 'tasks', ...(period ? { period: period.period } : {}) };
  return { kind: 'view', request: { scenario: 'query', query } };
}
