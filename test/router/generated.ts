// The generated pack: questions composed from the grammar's parts (subjects × qualifiers × forms), with
// word-order changes, fillers, one-letter typos, case, «ё/е», Latin typing and inflections. Each question's
// EXPECTED typed query is put together here from the parts it was made of, never by asking the router.
// Names are the demo company's (employees and clients), so the pack runs against the demo's directory.
import type { Format } from '../../src/understanding/router/formats.ts';
import type { Names, Query } from '../../src/vocabulary/query.ts';
import type { ScenarioRequest } from '../../src/vocabulary/requests.ts';
import {
  AMOUNTS,
  CLIENTS,
  FILLERS,
  GROUP_WORDS,
  type Group,
  IDLE,
  LIST_VERBS,
  ORDERS,
  type OrderPart,
  PAIRS,
  PEOPLE,
  SCOPES,
  type Status,
  SUBJECTS,
  type SubjectPart,
  TOPICS,
  WITHOUTS,
} from './generated-parts.ts';
import { PERIODS } from './questions.ts';

export interface GeneratedQuestion {
  text: string;
  query: Query;
  /** The ready-made view that answers the same question, where there is one: a day's tasks are its schedule. */
  view?: ScenarioRequest;
  format?: Format;
}

/** A small seeded generator: the pack is the same on every run and every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Parts {
  subject: SubjectPart;
  form: 'list' | 'count' | 'chart' | 'excel';
  verb: string;
  status?: [string, string, Status];
  whose?: { words: string; person?: Names; client?: Names; front: string };
  period?: [string, NonNullable<Query['period']>];
  amount?: [string, NonNullable<Query['amount']>];
  idle?: [string, number];
  /** «наши сделки»: the company's, as with no person at all. */
  ours?: boolean;
  group?: Group;
  order?: OrderPart;
  topic?: [string, string];
  without?: [string, NonNullable<Query['without']>];
  /** «конверсия по менеджерам за квартал»: won of the deals closed. */
  conversion?: boolean;
}

function compose(pick: <T>(list: readonly T[]) => T, chance: (p: number) => boolean): Parts {
  const subject = pick(SUBJECTS);
  const form = pick(['list', 'list', 'count', 'chart', 'excel'] as const);
  const parts: Parts = { subject, form, verb: form === 'list' ? pick(LIST_VERBS) : '' };
  if (chance(0.5)) parts.status = pick(subject.statuses);
  if (chance(0.7)) {
    const kind = pick(['person', 'person', 'person', 'client', 'scope', 'me', 'pair'] as const);
    if (kind === 'pair') {
      const pair = pick(PAIRS);
      parts.whose = { ...pair, front: pair.person ? `у ${pair.words}` : pair.words };
    } else if (kind === 'person') {
      const person = pick(PEOPLE);
      parts.whose = { words: person, person, front: `у ${person}` };
    } else if (kind === 'client') {
      const [words, client] = pick(CLIENTS);
      parts.whose = { words, client, front: words };
    } else if (kind === 'scope') {
      const [words, scope] = pick(SCOPES);
      parts.whose = { words, person: scope, front: `у ${words}` };
    } else parts.whose = { words: '', person: 'me', front: '' };
  }
  if (chance(0.6)) parts.period = pick(PERIODS) as [string, NonNullable<Query['period']>];
  if (subject.amounts && chance(0.25)) parts.amount = pick(AMOUNTS);
  if (subject.subject === 'deals' && !parts.status && chance(0.15)) parts.idle = pick(IDLE);
  if (!parts.whose && chance(0.15)) parts.ours = true;
  // A grouping is a count or a sum of the groups: with a person or a client it is another question.
  if (chance(0.25) && !parts.whose?.client && parts.whose?.person !== 'me') parts.group = pick(subject.groups);
  const orders = ORDERS[subject.subject];
  if (orders && form === 'list' && !parts.group && !parts.ours && parts.whose?.person !== 'me' && chance(0.15))
    parts.order = pick(orders);
  if (subject.subject !== 'leads' && !parts.whose?.client && chance(0.08)) parts.topic = pick(TOPICS);
  const withouts = WITHOUTS[subject.subject];
  if (withouts && chance(0.08)) parts.without = pick(withouts);
  if (subject.subject === 'deals' && chance(0.04)) return conversionParts(parts, pick, chance);
  return parts;
}

/** A conversion question: a period, maybe whose, maybe by manager; nothing a conversion cannot have. */
function conversionParts(parts: Parts, pick: <T>(list: readonly T[]) => T, chance: (p: number) => boolean): Parts {
  const whose = parts.whose?.person === 'me' ? undefined : parts.whose;
  return {
    subject: parts.subject,
    form: 'list',
    verb: '',
    conversion: true,
    ...(whose ? { whose } : {}),
    period: parts.period ?? (pick(PERIODS) as [string, NonNullable<Query['period']>]),
    ...(!whose?.client && chance(0.5) ? { group: 'manager' as const } : {}),
  };
}

/** A question a ready-made view answers as well (no qualifier at all) is not the pack's. */
function qualified(parts: Parts): boolean {
  const { status, whose, period, amount, group, form } = parts;
  const strong = Boolean(
    period ||
      amount ||
      group ||
      parts.idle ||
      parts.order ||
      parts.topic ||
      parts.without ||
      parts.conversion ||
      whose?.client ||
      (whose?.person && whose.person !== 'me'),
  );
  return strong || (form === 'count' && Boolean(status)) || Boolean(status && status[2] !== 'open' && whose);
}

// Tasks still to do look ahead: «в ноябре» is the whole month, not up to today.
const MONTH_SO_FAR = PERIODS[3]![1]!;
const WHOLE_MONTH = { from: MONTH_SO_FAR.from, to: '2026-11-30' };

function expected(parts: Parts): Pick<GeneratedQuestion, 'query' | 'view'> {
  const query: Query = { subject: parts.subject.subject };
  if (parts.whose?.person) query.person = parts.whose.person;
  if (parts.whose?.client) query.client = parts.whose.client;
  if (parts.status) query.status = parts.status[2];
  if (parts.idle) Object.assign(query, { status: 'stuck', idleDays: parts.idle[1] });
  const ahead = parts.subject.subject === 'tasks' && parts.status?.[2] !== 'done';
  if (parts.period) query.period = ahead && parts.period[1] === MONTH_SO_FAR ? WHOLE_MONTH : parts.period[1];
  if (parts.amount) query.amount = parts.amount[1];
  if (parts.form === 'count') query.measure = 'count';
  if (parts.group) query.groupBy = parts.group;
  if (parts.order) query.sort = parts.order[1];
  if (parts.topic) query.topic = parts.topic[1];
  if (parts.without) query.without = parts.without[1];
  if (parts.order?.[2]) query.limit = parts.order[2];
  if (parts.conversion) {
    query.measure = 'conversion';
    // Conversion counts the deals closed in the period as it was said, up to today.
    if (parts.period) query.period = parts.period[1];
  }
  const { period, person, ...rest } = query;
  const plain = Object.keys(rest).length === 1 || (Object.keys(rest).length === 2 && rest.status === 'open');
  const oneDay = period && period.from === period.to && plain && (!person || person === 'me');
  return {
    query,
    ...(oneDay && query.subject === 'tasks' ? { view: { scenario: 'schedule', date: period.from } } : {}),
  };
}

/** The words in one of the orders a director uses. */
function words(parts: Parts, pick: <T>(list: readonly T[]) => T): string {
  const { subject, status, whose, period, amount, group, form } = parts;
  if (parts.conversion) return conversionWords(parts, pick);
  // «топ-5 сделок», «три самых старых задач»: a number puts the noun in the genitive.
  const counted = form === 'count' || Boolean(parts.order?.[3]);
  const noun = counted ? subject.genitive : pick(subject.nominative);
  const said = status ? (counted ? status[1] : status[0]) : '';
  const adjective = parts.order ? [parts.order[0], said].filter(Boolean).join(' ') : said;
  const ours = parts.ours ? (counted ? 'наших' : 'наши') : '';
  const mine = whose?.person === 'me' ? (counted ? 'моих' : 'мои') : ours;
  const lead = { list: parts.verb, count: 'сколько', chart: 'нарисуй', excel: 'выгрузи' }[form];
  const tail = [parts.topic?.[0], parts.without?.[0], amount?.[0], parts.idle?.[0], group && GROUP_WORDS[group]];
  const order = pick(['plain', 'periodFirst', 'whoseFirst', 'verbLast', 'byDative', 'withWhom'] as const);
  const who = whose && whose.person !== 'me' ? whose : undefined;
  switch (order) {
    case 'periodFirst':
      return [period?.[0], lead, mine, adjective, noun, who?.words, ...tail].filter(Boolean).join(' ');
    case 'whoseFirst':
      return [lead, who?.front, mine, adjective, noun, ...tail, period?.[0]].filter(Boolean).join(' ');
    case 'verbLast':
      if (form === 'list' || form === 'excel')
        return [mine, adjective, noun, who?.words, period?.[0], ...tail, lead].filter(Boolean).join(' ');
      break;
    case 'byDative':
      // «что по задачам у Попова за неделю»: the subject after «по», the person after «у».
      if (!adjective && !mine && form === 'list' && who?.person)
        return ['что по', subject.dative, who.front, period?.[0], ...tail].filter(Boolean).join(' ');
      break;
    case 'withWhom':
      // «как с задачами у Попова», «что с лидами у отдела продаж».
      if (!adjective && !mine && form === 'list' && who?.person)
        return [pick(['что с', 'как с', 'что там с']), subject.instrumental, who.front, period?.[0], ...tail]
          .filter(Boolean)
          .join(' ');
      break;
  }
  return [lead, mine, adjective, noun, who?.words, period?.[0], ...tail].filter(Boolean).join(' ');
}

function conversionWords(parts: Parts, pick: <T>(list: readonly T[]) => T): string {
  const who = parts.whose?.words;
  const by = parts.group ? GROUP_WORDS[parts.group] : undefined;
  const order = pick(['plain', 'periodFirst', 'byFirst'] as const);
  if (order === 'periodFirst') return [parts.period?.[0], 'конверсия', who, by].filter(Boolean).join(' ');
  if (order === 'byFirst') return ['конверсия', by, who, parts.period?.[0]].filter(Boolean).join(' ');
  return ['конверсия', who, parts.period?.[0], by].filter(Boolean).join(' ');
}

const LATIN: Record<string, string> = Object.fromEntries(
  [
    ...'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts',
    ...' ч:ch ш:sh щ:sch ъ: ы:y ь: э:e ю:yu я:ya',
  ]
    .join('')
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The question as typed on a Latin keyboard («pokazhi zadachi Popova»). */
export function latinTyped(text: string): string {
  return [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const latin = LATIN[lower];
      if (latin === undefined) return char;
      return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

/** One letter slipped in the longest word of the grammar (never in a name): dropped, doubled or swapped. */
function typo(text: string, rand: () => number): string {
  const tokens = text.split(' ');
  const candidates = tokens
    .map((token, index) => ({ token, index }))
    .filter(({ token }) => /^\p{Ll}{7,}$/u.test(token));
  const target = candidates.sort((a, b) => b.token.length - a.token.length)[0];
  if (!target) return text;
  const at = 2 + Math.floor(rand() * (target.token.length - 4));
  const t = target.token;
  const slips = [
    t.slice(0, at) + t.slice(at + 1),
    t.slice(0, at) + t[at] + t.slice(at),
    t.slice(0, at) + t[at + 1] + t[at] + t.slice(at + 2),
  ];
  tokens[target.index] = slips[Math.floor(rand() * slips.length)]!;
  return tokens.join(' ');
}

/** How the director typed it: as composed, with a filler, a slip, another case, «е» for «ё», or in Latin. */
function typed(text: string, rand: () => number): string {
  const roll = rand();
  const filler = FILLERS[Math.floor(rand() * FILLERS.length)]!;
  if (roll < 0.2) return `${filler}${text}`;
  if (roll < 0.25) return `${text}, пожалуйста`;
  if (roll < 0.3) return text.replace(/^(\p{L}+) /u, '$1, пожалуйста, ');
  if (roll < 0.45) return typo(text, rand);
  if (roll < 0.55) return text.charAt(0).toUpperCase() + text.slice(1);
  if (roll < 0.65) return text.replaceAll('ё', 'е');
  if (roll < 0.75) return latinTyped(text);
  if (roll < 0.8) return `${text}?`;
  return text;
}

/** At least `size` distinct questions, each with the query its parts mean. */
export function generatedPack(size = 5000, seed = 20261206): GeneratedQuestion[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chance = (p: number) => rand() < p;
  const pack = new Map<string, GeneratedQuestion>();
  for (let tries = 0; pack.size < size && tries < size * 20; tries += 1) {
    const parts = compose(pick, chance);
    if (!qualified(parts)) continue;
    const text = typed(words(parts, pick), rand);
    if (pack.has(text)) continue;
    const format = parts.form === 'chart' || parts.form === 'excel' ? parts.form : undefined;
    pack.set(text, { text, ...expected(parts), ...(format ? { format } : {}) });
  }
  return [...pack.values()];
}
