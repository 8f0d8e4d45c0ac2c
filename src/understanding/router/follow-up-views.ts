// Follow-ups after the ready-made views, each refined in the part its request holds: the weekly report's week, the
// absences' days, the team's department, the funnel's manager or pipeline, and any period moved one step («а на
// следующей?», «а прошлой?»). A part the view has no place for is said back with the view as the nearest question.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { Period } from '../../vocabulary/query.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { funnelQuery } from './funnel-words.ts';
import { knownWord } from './lexicon.ts';
import { findPeriod } from './period-words.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf, nominative, rawSlice, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday } from './zone.ts';

const BETWEEN_WORDS = letters(/[^\p{L}\p{N}]+/u);
const WORDS = letters(/\p{L}[\p{L}-]*/gu);
const BETWEEN_NAME_WORDS = letters(/[^\p{L}-]+/u);

// The small words around a follow-up's one part: «а …?», «и за …», «ну а у …».
const FILLER = letters(
  /^(?:а|и|ну|тогда|там|что|как|за|на|в|во|по|у|с|со|для|покажи|дела|мо[йяеи]\p{L}*|наш\p{L}*|сво\p{L}*|статус\p{L}*|состояни\p{L}*|and|what|about|how|for|in|at|of)$/u,
);
const onlySmall = (message: Message) =>
  message.light
    .split(BETWEEN_WORDS)
    .filter(Boolean)
    .every((word) => FILLER.test(word));

// «а на следующей?», «а в прошлом?», «а предыдущий?»: the same period one step on or back.
const STEP = letters(
  /^(?:(?:ну\s+)?а\s+|и\s+)?(?:(?:на|в|во|за|for|in)\s+)?(следующ\p{L}*|прошл\p{L}*|предыдущ\p{L}*|next|previous|last)[\s?!.]*$/u,
);

/** One step forward (1) or back (-1) said alone, or undefined. */
function stepOf(light: string): 1 | -1 | undefined {
  const word = STEP.exec(light)?.[1];
  if (!word) return undefined;
  return /^(?:следующ|next)/u.test(word) ? 1 : -1;
}

/** The period one step on: a whole month by months, any other span by its own length. */
export function stepped(period: Period, step: 1 | -1): Period {
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  const wholeMonth = from.day === 1 && +to.plus({ days: 1 }) === +to.plus({ days: 1 }).startOf('month');
  if (wholeMonth) {
    const months = Math.round(to.plus({ days: 1 }).diff(from, 'months').months) * step;
    const start = from.plus({ months });
    return {
      from: start.toISODate()!,
      to: start
        .plus({ months: Math.abs(months) })
        .minus({ days: 1 })
        .toISODate()!,
    };
  }
  const days = (Math.round(to.diff(from, 'days').days) + 1) * step;
  return { from: from.plus({ days }).toISODate()!, to: to.plus({ days }).toISODate()! };
}

/** The period a follow-up names with nothing else but small words, or one step from `before`. */
function periodSaid(message: Message, clock: Clock, before: Period | undefined): Period | undefined {
  const step = stepOf(message.light);
  if (step && before) return stepped(before, step);
  const found = findPeriod(message, clock);
  return found && onlySmall(without(message, found.spans)) ? found.period : undefined;
}

/** The refinement of a ready-made view's request, or undefined when the message refines no part of it. */
export function readyRefinement(
  message: Message,
  request: ScenarioRequest,
  clock: Clock,
  continues: boolean,
): Intent | undefined {
  switch (request.scenario) {
    case 'weeklyReport':
      return weekOf(message, request, clock);
    case 'absence': {
      const period = periodSaid(message, clock, { from: request.date, to: request.to ?? request.date });
      if (!period) return undefined;
      const to = period.to !== period.from ? { to: period.to } : {};
      return { kind: 'view', request: { scenario: 'absence', date: period.from, ...to, ...reasonOf(request) } };
    }
    case 'teamStatus':
      return findPeriod(message, clock) ? undefined : departmentOf(message, continues);
    case 'pipeline': {
      const query = funnelQuery(messageOf(`воронка ${message.raw.replace(/^(?:ну\s+)?а\s+/iu, '')}`), clock);
      return query ? { kind: 'view', request: { scenario: 'query', query } } : undefined;
    }
    case 'schedule':
      return someoneElsesDay(message, request, clock);
    case 'search':
    case 'dossier':
    case 'contacts': {
      const name = continues ? nameAlone(message) : undefined;
      return name ? { kind: 'view', request: { scenario: request.scenario, query: name } } : undefined;
    }
    case 'query': {
      const { period } = request.query;
      const step = stepOf(message.light);
      if (!step || !period) return undefined;
      return {
        kind: 'view',
        request: { scenario: 'query', query: { ...request.query, period: stepped(period, step) } },
      };
    }
    default:
      return undefined;
  }
}

const reasonOf = (request: Extract<ScenarioRequest, { scenario: 'absence' }>) =>
  request.reason ? { reason: request.reason } : {};

/** «а прошлой недели?», «а позапрошлой?»: the report of that week; another span is said back. */
function weekOf(
  message: Message,
  request: Extract<ScenarioRequest, { scenario: 'weeklyReport' }>,
  clock: Clock,
): Intent | undefined {
  const today = zonedToday(clock.now, clock.timeZone);
  const monday = today.startOf('week').minus({ weeks: request.weeksAgo ?? 0 });
  const shown = { from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
  const period = periodSaid(message, clock, shown);
  if (!period) return undefined;
  const from = DateTime.fromISO(period.from);
  const whole =
    +from === +from.startOf('week') && Math.round(DateTime.fromISO(period.to).diff(from, 'days').days) === 6;
  if (!whole) return { kind: 'view', request, unapplied: [message.raw] };
  const weeksAgo = Math.round(today.startOf('week').diff(from, 'weeks').weeks);
  if (weeksAgo < 0) return { kind: 'view', request, unapplied: [message.raw] };
  return { kind: 'view', request: { scenario: 'weeklyReport', ...(weeksAgo > 0 ? { weeksAgo } : {}) } };
}

// «а отдел проектов?», «а у логистов?», «а финансовый отдел?»: the department is the words besides the small ones.
const DEPARTMENT_WORD = letters(/^(?:отдел\p{L}*|департамент\p{L}*|подразделени\p{L}*|department)$/u);

/** The team's status of the department named, as said (the answer finds it among the portal's departments). */
function departmentOf(message: Message, continues: boolean): Intent | undefined {
  const words = [...message.light.matchAll(WORDS)].filter(
    (match) => !FILLER.test(match[0]) && !DEPARTMENT_WORD.test(match[0]),
  );
  if (words.length === 0 || words.length > 2) return undefined;
  // «а Морозова?»: a name alone is a person, not a department.
  const named = [...message.light.matchAll(WORDS)].some((match) => DEPARTMENT_WORD.test(match[0]));
  const first = words[0]!;
  // Without the word «отдел», only «а логисты?»: one word, said as a continuation, and no name.
  if (!named && (!continues || words.length > 1 || /^\p{Lu}/u.test(message.raw.slice(first.index)))) return undefined;
  const last = words[words.length - 1]!;
  const department = rawSlice(message, first.index, last.index + last[0].length);
  return { kind: 'view', request: { scenario: 'teamStatus', department } };
}

/** «а у Кузнецовой завтра что?» after a schedule: that person's meetings, on the day said or the one shown. */
function someoneElsesDay(
  message: Message,
  request: Extract<ScenarioRequest, { scenario: 'schedule' }>,
  clock: Clock,
): Intent | undefined {
  const asked = parseQuery(messageOf(`встречи ${message.raw}`), clock);
  if (!asked || asked.unapplied.length > 0 || asked.doubtful > 0 || asked.query.subject !== 'meetings')
    return undefined;
  const { person } = asked.query;
  if (!person || person === 'me' || person === 'team' || person === 'sales') return undefined;
  const period = asked.query.period ?? { from: request.date, to: request.to ?? request.date };
  return { kind: 'view', request: { scenario: 'query', query: { subject: 'meetings', person, period } } };
}

/** «а Петрова» after a search or a dossier: one to three capitalised words, none a word the assistant knows. */
function nameAlone(message: Message): string | undefined {
  const words = message.raw.split(BETWEEN_NAME_WORDS).filter((word) => word && !FILLER.test(word.toLowerCase()));
  if (words.length === 0 || words.length > 3) return undefined;
  if (!words.every((word) => /^\p{Lu}/u.test(word) && !knownWord(word))) return undefined;
  return nominative(words.join(' '));
}
