// Follow-ups without a model: «а у Кузнецова?», «а в прошлом квартале?», «только проигранные», «а конверсия?», «а
// сколько это в сумме» refine the last question asked (kept in the conversation memory, in the database), instead
// of starting a new one: what the message says replaces that part, everything else of the last question stays.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import { currentLike } from '../../scenarios/questions/compare.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { ScenarioName, ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { comparisonIntent } from './compare-words.ts';
import { followUpParts } from './follow-up-parts.ts';
import { readyRefinement } from './follow-up-views.ts';
import { knownWord } from './lexicon.ts';
import { LESS_WORDS, MORE_WORDS } from './query-amounts.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf } from './text.ts';
import type { Clock } from './write-drafts.ts';

/** The ready-made views a follow-up can refine, as the questions they answer. */
const READY_AS_QUERY: Partial<Record<ScenarioName, Query>> = {
  deals: { subject: 'deals', status: 'open' },
  pipeline: { subject: 'deals', status: 'open', groupBy: 'stage' },
  myTasks: { subject: 'tasks', person: 'me' },
  newLeads: { subject: 'leads', status: 'new' },
  overdueAlert: { subject: 'tasks', status: 'overdue' },
};

const SUBJECT_WORDS: Record<Query['subject'], string> = {
  tasks: 'задачи',
  deals: 'сделки',
  leads: 'лиды',
  meetings: 'встречи',
  contacts: 'контакты',
  companies: 'компании',
  calls: 'звонки',
  activities: 'активности',
};

// A follow-up is short: a longer message is a question of its own.
const MOST_WORDS = 6;
// «а …», «и …», «ну а …», «тогда …», «what about …»: said as a continuation.
const CONTINUES = letters(/^(?:(?:ну\s+)?а|и|тогда|ну|а\s+если|and|what\s+about|how\s+about|only|только)(?![\p{L}])/u);

/**
 * A message that continues the last question rather than asking its own: it starts as a continuation, or it names
 * no subject. Read before the views, so «а за неделю?» is not the weekly report and «а конверсия?» not the company's.
 */
export function ellipsis(
  message: Message,
  previous: Intent | undefined,
  clock: Clock,
  said: string,
): Intent | undefined {
  if (previous?.kind !== 'view') return undefined;
  // The message as typed: its light text has lost the leading «а».
  const continues = CONTINUES.test(said.trim().toLowerCase());
  const pointed = aboutReferent(message, previous.request, clock);
  if (pointed) return pointed;
  // A message naming its own subject («дай расписание на среду») is a question of its own unless said as «а …».
  if (!continues && (parseQuery(message, clock)?.said || comparisonIntent(message, clock))) return undefined;
  return readyRefinement(message, previous.request, clock, continues) ?? refinement(message, previous, clock);
}

// «с ними», «у неё», «по ней», «для них»: a pronoun after a preposition points at whom the last answer was about.
const POINTER = letters(
  /(?<![\p{L}])(с|со|у|по|для|от|о|об|про|к|ко)\s+(?:него|нему|ним|нем|нее|ней|нею|них|ними)(?![\p{L}])/u,
);

/** Whom the last answer was about: the client of a dossier or a question, or the person of a question. */
function referentOf(request: ScenarioRequest): string | undefined {
  if (request.scenario === 'dossier') return request.query;
  if (request.scenario !== 'query') return undefined;
  const { client, person } = request.query;
  const named = (name: string | string[]) => (Array.isArray(name) ? name.join(' и ') : name);
  if (client) return named(client);
  return person && !['me', 'team', 'sales'].includes(named(person)) ? named(person) : undefined;
}

/** «а сколько мы с ними заработали?» after Техносфера's dossier: the same question with Техносфера named. */
function aboutReferent(message: Message, request: ScenarioRequest, clock: Clock): Intent | undefined {
  const match = POINTER.exec(message.light);
  const referent = referentOf(request);
  if (!match || !referent) return undefined;
  const end = match.index + match[0].length;
  const named = `${message.raw.slice(0, match.index)}${match[1]} ${referent}${message.raw.slice(end)}`;
  const asked = parseQuery(messageOf(named), clock);
  if (!asked?.said || asked.unapplied.length > 0 || asked.doubtful > 0) return undefined;
  return { kind: 'view', request: { scenario: 'query', query: asked.query } };
}

/** The last question with what this message changes in it; undefined when the message is no refinement. */
export function refinement(message: Message, previous: Intent | undefined, clock: Clock): Intent | undefined {
  if (previous?.kind !== 'view') return undefined;
  const { request } = previous;
  const before = request.scenario === 'query' ? request.query : READY_AS_QUERY[request.scenario];
  if (!before || message.light.split(/\s+/u).length > MOST_WORDS) return undefined;
  const { said: part, rest } = followUpParts(message);
  // The message read as if it named the last question's subject: only its qualifiers are new.
  const subject = /\p{Script=Cyrillic}/u.test(rest.raw) ? SUBJECT_WORDS[before.subject] : before.subject;
  const asked = parseQuery(messageOf(`${subject} ${withLastBound(sentenceStart(rest.raw), before)}`), clock);
  // A lowercase name after a client's question («а по техносфере?») is another client, as the last one was.
  const doubtful = asked?.doubtful === 1 && before.client && asked.query.client ? 0 : (asked?.doubtful ?? 0);
  if (!asked || asked.unapplied.length > 0 || doubtful > 0 || asked.query.subject !== before.subject) return undefined;
  const { subject: _, ...said } = { ...asked.query, ...part };
  if (Object.keys(said).length === 0) return undefined;
  // «а по Кузнецовой?» after a person's question: the name after «по» is asked as a person first; the answer
  // looks it up in the portal's staff and takes it for a client only when nobody there is called so.
  // «а по техносфере?» after a client's question: the word after «по» is another client, not a topic of titles.
  if (said.topic && before.client && !said.client) {
    said.client = said.topic;
    delete said.topic;
  }
  if (said.client && before.person && !before.client) {
    said.person = said.client;
    delete said.client;
  }
  const query = merged(before, said);
  // Two periods side by side have no breakdown: said back, the breakdown of the one period as the nearest question.
  if (before.compare && said.groupBy) {
    const { compare = before.compare, ...one } = query;
    const zone = { zone: clock.timeZone };
    one.period ??= currentLike(compare, DateTime.fromJSDate(clock.now, zone).setZone(clock.timeZone).startOf('day'));
    return { kind: 'view', request: { scenario: 'query', query: one }, unapplied: [rest.raw || message.raw] };
  }
  return { kind: 'view', request: { scenario: 'query', query } };
}

// A comparison of sums said alone: «а меньше?», «а дороже?» after «сделки больше миллиона».
const BARE_COMPARISON = letters(
  new RegExp(`(?<![\\p{L}])(?:${MORE_WORDS}|${LESS_WORDS})(?![\\p{L}])(?!\\s*(?:чем\\s+|than\\s+)?\\d)`, 'u'),
);

/** A comparison said without its sum compares with the last question's: «а меньше?» is «меньше 1000000». */
function withLastBound(raw: string, before: Query): string {
  const bound = before.amount?.min ?? before.amount?.max;
  const match = bound === undefined ? null : BARE_COMPARISON.exec(raw);
  if (!match) return raw;
  const end = match.index + match[0].length;
  return `${raw.slice(0, end)} ${bound}${raw.slice(end)}`;
}

/** «Нет», «Только …»: a known word capitalised only because the message starts with it stays a word, not a name. */
function sentenceStart(raw: string): string {
  const first = raw.trimStart().split(/\s+/u)[0] ?? '';
  return knownWord(first) ? raw.trimStart().replace(first, first.toLocaleLowerCase('ru')) : raw;
}

/** The last question with the parts said now in place of its own. */
function merged(before: Query, said: Omit<Query, 'subject'>): Query {
  const kept: Query = { ...before };
  // Another person is asked about instead of the client, and the other way round.
  if (said.person) delete kept.client;
  if (said.client) delete kept.person;
  // Conversion counts won against lost: a status of the last list is no part of it, nor its order.
  if (said.measure === 'conversion') {
    delete kept.status;
    delete kept.sort;
    delete kept.limit;
  }
  if (said.groupBy || said.measure) delete kept.limit;
  // Deals asked with no status or period were the open ones (the header said so): their sum is of those.
  if (said.measure === 'sum' && kept.subject === 'deals' && !kept.status && !kept.period && !said.status)
    kept.status = 'open';
  return { ...kept, ...said };
}
