// A question with qualifiers in the director's words becomes a typed query: «задачи Орловой», «выигранные
// сделки за квартал», «кто больше всех продал в ноябре», «откуда приходят лиды». Every word is either
// understood (a subject, status, period, person, client, amount, measure) or a small word, or it is handed
// back as not applied, so no reply passes unfiltered data off as the answer.
import type { Period, Query, QueryStatus } from '../../vocabulary/query.ts';
import { findAmount } from './amount.ts';
import { knownWord } from './lexicon.ts';
import { looksAhead, periods } from './periods.ts';
import { rule, type Span, take } from './spans.ts';
import { LINK_MARK, type Message, without } from './text.ts';
import type { Clock } from './writes.ts';

/** What the parser found, before it becomes a query. */
interface Found {
  subject?: Query['subject'];
  status?: Query['status'];
  direction?: Query['direction'];
  /** The words that said the direction, handed back when the subject has none. */
  directionSaid?: string;
  measure?: Query['measure'];
  groupBy?: Query['groupBy'];
  /** The words that said the grouping, handed back when the subject cannot be grouped so. */
  groupSaid?: string;
  person?: string;
  client?: string;
  period?: Period;
  stage?: string;
  pipeline?: string;
  amount?: Query['amount'];
  idleDays?: number;
  spans: Span[];
}

// ─── what the question is about, and how it is measured ──────────────────

const MONEY: { pattern: RegExp; set: Partial<Found> }[] = [
  {
    pattern: rule(
      'кто\\s+(?:больше\\s+всех|лучше\\s+всех|сильнее\\s+всех|больше|лучше)\\s+(?:продал\\p{L}*|прода[её]т|продают|заработал\\p{L}*|зарабатыва\\p{L}*|закрыл\\p{L}*|выиграл\\p{L}*)(?:\\s+сделок)?|лучш\\p{L}*\\s+(?:менеджер\\p{L}*|продав\\p{L}*|продаж\\p{L}*)|кто\\s+из\\s+(?:менеджер\\p{L}*|продав\\p{L}*|сотрудник\\p{L}*)\\s+(?:самый\\s+)?лучш\\p{L}*|рейтинг\\p{L}*(?:\\s+(?:менеджер\\p{L}*|продаж\\p{L}*|продав\\p{L}*))?|топ(?:\\s*-?\\s*\\d+)?\\s+(?:менеджер\\p{L}*|продав\\p{L}*)|лидер\\p{L}*\\s+продаж|who\\s+sold\\s+(?:the\\s+)?most|top\\s+(?:sellers|salespeople|managers)|leaderboard|best\\s+(?:sellers|salespeople|managers)',
    ),
    set: { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' },
  },
  {
    pattern: rule(
      'средн\\p{L}*\\s+(?:чек\\p{L}*|сделк\\p{L}*|сумм\\p{L}*(?:\\s+сделк\\p{L}*)?|размер\\p{L}*\\s+сделк\\p{L}*)|average\\s+(?:deal(?:\\s+size)?|check|ticket)|avg\\s+deal',
    ),
    set: { subject: 'deals', status: 'won', measure: 'average' },
  },
  {
    pattern: rule('конверси\\p{L}*|conversion(?:\\s+rate)?|win\\s+rate'),
    set: { subject: 'deals', measure: 'conversion' },
  },
  {
    pattern: rule(
      'продаж\\p{L}*(?=\\s+(?:по\\s+(?:месяц|недел|менеджер)|за\\s|в\\s+(?:эт|прошл|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)))|(?:сколько\\s+)?(?:мы\\s+)?(?:заработал\\p{L}*|продал\\p{L}*\\s+на\\s+сумму|наторговал\\p{L}*)|(?:сколько\\s+)?(?:денег\\s+)?(?:принес|принёс|принесл)\\p{L}*(?:\\s+денег)?|сколько\\s+денег|выручк\\p{L}*|доход\\p{L}*|оборот\\p{L}*|revenue|earnings|earn|how\\s+much\\s+money|how\\s+much\\s+(?:did\\s+)?we\\s+(?:earn|make|made|sell|sold)\\p{L}*|earned|sales\\s+total',
    ),
    set: { subject: 'deals', status: 'won', measure: 'sum' },
  },
  {
    pattern: rule(
      'откуда\\s+(?:к\\s+нам\\s+)?(?:наши\\s+)?(?:лид\\p{L}*|клиент\\p{L}*|заявк\\p{L}*)|(?:откуда|как|где)\\s+(?:к\\s+нам\\s+)?(?:приход\\p{L}*|ид\\p{L}*|бер\\p{L}*|появля\\p{L}*|приход\\p{L}*)\\s+(?:к\\s+нам\\s+)?(?:лид\\p{L}*|клиент\\p{L}*|заявк\\p{L}*)|источник\\p{L}*\\s+(?:лид\\p{L}*|клиент\\p{L}*|заявок)|(?:лид\\p{L}*|заявк\\p{L}*)\\s+по\\s+источник\\p{L}*|lead\\s+sources?|where\\s+do\\s+(?:the\\s+|our\\s+)?leads\\s+come\\s+from|leads\\s+by\\s+source',
    ),
    set: { subject: 'leads', groupBy: 'source' },
  },
];

const SUBJECTS: { pattern: RegExp; subject: Query['subject'] }[] = [
  { pattern: rule('задач\\p{L}*|таск\\p{L}*|tasks?|to-?dos?'), subject: 'tasks' },
  { pattern: rule('сделк\\p{L}*|сделок|сделоч\\p{L}*|deals?'), subject: 'deals' },
  { pattern: rule('лид\\p{L}*|заявк\\p{L}*|заявок|leads?'), subject: 'leads' },
  {
    pattern: rule(
      'встреч\\p{L}*|расписани\\p{L}*|календар\\p{L}*|созвон\\p{L}*|совещани\\p{L}*|meetings?|schedule|calendar|agenda',
    ),
    subject: 'meetings',
  },
  { pattern: rule('контакт\\p{L}*|contacts?'), subject: 'contacts' },
  { pattern: rule('компани\\p{L}*|клиент(?:ы|ов|ам|ами)|companies|clients|customers'), subject: 'companies' },
  {
    pattern: rule('звонк\\p{L}*|звонок|(?:по)?звонил\\p{L}*|calls|phone\\s+calls|called|made\\s+calls'),
    subject: 'calls',
  },
  { pattern: rule('активност\\p{L}*|дела\\s+по\\s+клиент\\p{L}*|activities'), subject: 'activities' },
];

const STATUSES: { pattern: RegExp; status: NonNullable<Query['status']> }[] = [
  { pattern: rule('просроч\\p{L}*|overdue|late|горящ\\p{L}*|горит'), status: 'overdue' },
  {
    pattern: rule('выигран\\p{L}*|выиграл\\p{L}*|успешн\\p{L}*|won|win|wins|продал\\p{L}*|закрыли\\s+успешно'),
    status: 'won',
  },
  {
    pattern: rule('проигран\\p{L}*|проиграл\\p{L}*|провален\\p{L}*|провалил\\p{L}*|потерян\\p{L}*|потеряли|слили|lost'),
    status: 'lost',
  },
  { pattern: rule('завис\\p{L}*|застрял\\p{L}*|застрявш\\p{L}*|stuck|без\\s+движения|stalled'), status: 'stuck' },
  {
    pattern: rule(
      'выполнен\\p{L}*|выполнил\\p{L}*|сделан\\p{L}*|сделали|заверш[её]н\\p{L}*|закрыт\\p{L}*|закрыл\\p{L}*|done|completed|finished|closed',
    ),
    status: 'done',
  },
  { pattern: rule('нов\\p{L}*|new'), status: 'new' },
  { pattern: rule('открыт\\p{L}*|активн\\p{L}*|текущ\\p{L}*|в\\s+работе|open|active|current'), status: 'open' },
];

const OPEN_KINDS: QueryStatus[] = ['overdue', 'stuck', 'new'];

/** Two statuses said of one subject, as one: «просроченные открытые» are overdue; «выигранные зависшие», none. */
function together(a: QueryStatus, b: QueryStatus): QueryStatus | undefined {
  if (a === b) return a;
  if ((a === 'won' && b === 'done') || (a === 'done' && b === 'won')) return 'won';
  if (a === 'open' && OPEN_KINDS.includes(b)) return b;
  return b === 'open' && OPEN_KINDS.includes(a) ? a : undefined;
}

// «кто не закрыл задачи», «невыполненные»: open, read before «закрыл» could read as done.
const NOT_DONE = rule(
  'не\\s+(?:выполн|сделал|сделан|закрыл|закрыт|заверш|заканчива|законч)\\p{L}*|не(?:выполнен|сделан|закрыт|заверш[её]н|законч)\\p{L}*|(?:not|never)\\s+(?:done|completed|closed|finished)|unfinished|incomplete|undone|outstanding|pending',
);
// «без движения больше месяца», «которые стоят больше двух недель»: stuck deals, idle at least that long.
const IDLE = rule(
  '(?:котор\\p{L}*\\s+)?(?:стоят|стоит|висят|висит|лежат|лежит|без\\s+движения|не\\s+двига\\p{L}*)\\s+(?:больше|более|дольше|свыше)\\s+(?:чем\\s+)?(?:(\\d{1,3}|двух|трех|одного)\\s+)?(дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*)',
);
const COUNT_WORDS: Record<string, number> = { одного: 1, двух: 2, трех: 3 };

function idleDaysOf(match: RegExpExecArray): number {
  const n = match[1] ? (COUNT_WORDS[match[1]] ?? Number(match[1])) : 1;
  const unit = match[2]!;
  return n * (unit.startsWith('месяц') ? 30 : unit.startsWith('недел') ? 7 : 1);
}

// Any other status denied («не просроченные», «не выигранные»): never applied as said, and never dropped.
const NEGATED = rule(`не\\s+(?:${STATUSES.map(({ pattern }) => pattern.source).join('|')})`);

const GROUPS: { pattern: RegExp; groupBy: NonNullable<Query['groupBy']> }[] = [
  {
    pattern: rule(
      '(?:по|в\\s+разрезе)\\s+(?:(?:кажд\\p{L}*|всем)\\s+)?(?:менеджер\\p{L}*|сотрудник\\p{L}*|продав\\p{L}*)|by\\s+(?:manager|salesperson|person)s?',
    ),
    groupBy: 'manager',
  },
  {
    pattern: rule('(?:по|в\\s+разрезе)\\s+(?:стади|этап|статус)\\p{L}*|by\\s+(?:stage|status)(?:es|s)?'),
    groupBy: 'stage',
  },
  { pattern: rule('(?:по|в\\s+разрезе)\\s+источник\\p{L}*|by\\s+sources?'), groupBy: 'source' },
  { pattern: rule('по\\s+недел\\p{L}*|by\\s+weeks?|weekly'), groupBy: 'week' },
  { pattern: rule('по\\s+месяц\\p{L}*|by\\s+months?|monthly'), groupBy: 'month' },
];

// Calls come in or go out («входящие звонки», «кто нам звонил»).
const DIRECTIONS: { pattern: RegExp; direction: NonNullable<Query['direction']> }[] = [
  {
    pattern: rule('входящ\\p{L}*|incoming|inbound|кто\\s+(?:нам|мне)\\s+звонил\\p{L}*|who\\s+called\\s+(?:us|me)'),
    direction: 'incoming',
  },
  {
    pattern: rule('исходящ\\p{L}*|outgoing|outbound|кому\\s+(?:мы|я)\\s+звонил\\p{L}*|who\\s+did\\s+(?:we|i)\\s+call'),
    direction: 'outgoing',
  },
];

// «кто не закрыл задачи», «у кого просрочки», «чьи сделки зависли»: the answer is by person.
const MOST = /(?<![\p{L}])(?:больше|меньше|most|fewest|least)(?![\p{L}])/u;
const MONEY_WORDS =
  /(?<![\p{L}])(?:денег|деньг\p{L}*|сумм\p{L}*|выручк\p{L}*|продал\p{L}*|заработал\p{L}*|money|revenue|sold|earned)(?![\p{L}])/u;
const WHOSE = rule('^(?:а\\s+)?(?:кто|у\\s+кого|чь[иейя]|who(?:se)?|which\\s+(?:employees|people|managers))');

/** The groupings each subject can be counted by; another is said back, never dropped. */
const GROUPINGS: Record<Query['subject'], NonNullable<Query['groupBy']>[]> = {
  tasks: ['manager', 'week', 'month'],
  deals: ['manager', 'stage', 'source', 'week', 'month'],
  leads: ['manager', 'stage', 'source', 'week', 'month'],
  meetings: [],
  contacts: [],
  companies: [],
  calls: ['manager', 'week', 'month'],
  activities: ['manager', 'week', 'month'],
};

// ─── whose ────────────────────────────────────────────────────────────────

const PEOPLE: { pattern: RegExp; person: 'me' | 'team' | 'sales' }[] = [
  {
    pattern: rule(
      '(?:у\\s+|в\\s+|of\\s+(?:the\\s+)?)?(?:отдел\\p{L}*\\s+продаж|продажник\\p{L}*|менеджер\\p{L}*\\s+по\\s+продажам|sales\\s+(?:team|department))',
    ),
    person: 'sales',
  },
  {
    pattern: rule(
      '(?:у\\s+|в\\s+|of\\s+(?:the\\s+|my\\s+)?)?(?:(?:мо\\p{L}*|наш\\p{L}*)\\s+)?(?:команд\\p{L}*|отдел\\p{L}*|сотрудник\\p{L}*|подчин[её]нн\\p{L}*|team|staff|employees)',
    ),
    person: 'team',
  },
  { pattern: rule('у\\s+меня|мо[йяеи]|моих|мою|моё|мое|mine|my|i\\s+have'), person: 'me' },
];

// ─── amounts, stages, pipelines ──────────────────────────────────────────

const BIG = { миллион: 1_000_000, миллиона: 1_000_000, million: 1_000_000, млн: 1_000_000 } as Record<string, number>;

const MULTIPLIER = 'тыс\\p{L}*|млн|миллион\\p{L}*|млрд|миллиард\\p{L}*|k|m|mln|millions?|thousands?';

function amounts(said: Message, found: Found): void {
  // A bound runs up to the words already taken («дороже 500 тысяч по месяцам»), not into them.
  const message = untaken(said, found);
  // «от 2 до 5 млн», «from 500k to 1m»: both bounds, the unit said once at the end serving both.
  take(
    message,
    found,
    rule(
      `(?:от|from|between)\\s+(\\d+(?:[.,]\\d+)?)(?:\\s*(${MULTIPLIER}))?\\s+(?:до|to|and)\\s+(\\d+(?:[.,]\\d+)?)(?:\\s*(${MULTIPLIER}))?(?:\\s*(?:₽|руб\\p{L}*))?`,
    ),
    (match) => {
      const unit = match[4] ?? match[2] ?? '';
      const low = findAmount(`${match[1]} ${match[2] ?? unit}`)?.amount;
      const high = findAmount(`${match[3]} ${unit}`)?.amount;
      if (low === undefined || high === undefined || high < 1000) {
        found.spans.pop();
        return;
      }
      found.amount = { min: Math.min(low, high), max: Math.max(low, high) };
    },
  );
  take(
    message,
    found,
    rule(
      `(больше|более|свыше|дороже|от|крупнее|over|above|more\\s+than|bigger\\s+than|меньше|менее|дешевле|до|under|below|less\\s+than)\\s+(?:чем\\s+)?(миллиона|миллион|млн|million|[^\\s\\u0001]+(?:\\s+[^\\s\\u0001]+){0,2})`,
    ),
    (match) => {
      const words = match[2]!;
      const amount = BIG[words] ?? findAmount(words)?.amount;
      if (amount === undefined || amount < 1000) {
        found.spans.pop();
        return;
      }
      const below = /^(?:меньше|менее|дешевле|до|under|below|less)(?![\p{L}])/u.test(match[1]!);
      found.amount = { ...found.amount, ...(below ? { max: amount } : { min: amount }) };
      // Only what the amount took: the words after it stay for the rest.
      const used = BIG[words] ? words.length : (findAmount(words)?.end ?? words.length);
      const last = found.spans[found.spans.length - 1]!;
      last.end = match.index + match[0].length - words.length + used;
    },
  );
  take(message, found, rule('крупн\\p{L}*|больш\\p{L}*\\s+сделк\\p{L}*|big\\s+deals|large\\s+deals'), () => {
    found.amount ??= { min: 1_000_000 };
  });
}

/** A group of a match as the director wrote it (the light text has our keywords' typos fixed). */
function saidAs(message: Message, match: RegExpExecArray, group: string): string {
  const start = match.index + match[0].lastIndexOf(group);
  return message.raw.slice(start, start + group.length).trim();
}

/** The text with what is already taken blanked out, so a name may run up to it but not into it. */
function untaken(message: Message, found: Found): Message {
  let light = message.light;
  for (const span of found.spans)
    light = light.slice(0, span.start) + '\u0001'.repeat(span.end - span.start) + light.slice(span.end);
  return { ...message, light };
}

function stagesAndPipelines(message: Message, found: Found): void {
  // A stage's name may hold «на» or «в» («Счёт на предоплату», «В работе»): it runs to the end, to a
  // period or amount already taken, or to «у/по/с» before a person or client.
  take(
    untaken(message, found),
    found,
    rule(
      '(?:на|в)\\s+стади\\p{L}*\\s+(?:«|")?([\\p{L}\\p{N} -]+?)(?:»|")?(?=\\s*$|\\s*\\u0001|\\s+(?:у|по|с|со|для|от)\\s)|at\\s+(?:the\\s+)?stage\\s+(.+)$',
    ),
    (match) => {
      found.stage = saidAs(message, match, match[1] ?? match[2] ?? '');
    },
  );
  take(
    message,
    found,
    rule(
      '(?:в|по)\\s+воронк\\p{L}*\\s+(?:«|")?([\\p{L}\\p{N} -]+?)(?:»|")?(?=$|\\s+(?:за|в|на|у|по|с)\\s)|in\\s+(?:the\\s+)?pipeline\\s+(.+)$',
    ),
    (match) => {
      found.pipeline = saidAs(message, match, match[1] ?? match[2] ?? '');
    },
  );
}

// ─── the rest: small words, and names ────────────────────────────────────

const SMALL = new RegExp(
  `^(?:${[
    'покажи\\p{L}*|показать|дай|дайте|выведи|открой|глянь|посмотр\\p{L}*|скинь|пришли|хочу|нужн\\p{L}*|список|перечень|show|give|list|see|get|open|check|view|tell|find',
    'сколько|какие|какой|какая|каки\\p{L}*|как|кто|что|чо|че|когда|там|тут|есть|ли|было|были|был|была|будет|будут|мы|нас|нам|мне|вас|всего|все|всех|весь|вся|итого|общ\\p{L}*|сумм\\p{L}*|количеств\\p{L}*|число|статистик\\p{L}*|данные',
    'наш\\p{L}*|у|по|в|во|на|за|с|со|из|о|об|про|к|ко|для|от|и|а|же|но|или|this|that|the|a|an|of|for|on|in|at|by|with|from|to|and|or|is|are|do|does|did|what|whats|which|how|many|much|who|whose|have|has|got|me|us|we|our|all|total|number|please|sum|any|there|s',
    'котор\\p{L}*|где|чтобы|bring|brought|больше|меньше|most|кого|кому|чей|чья|чьи|сутки|суток|сделали|сделано|идут|ид[её]т|висят|висит|стоят|стоит|приход\\p{L}*|пришл\\p{L}*|поступил\\p{L}*|получил\\p{L}*|было|штук|ну|вообще|сейчас|пока|уже|ещ[её]|только|тоже|также|вс[её]|дела|делам|работ\\p{L}*',
  ].join('|')})$`,
  'u',
);

// After these a name is a client's: «сделки по Ромашке», «встречи с Альфой», «для Техностроя».
const CLIENT_PREPOSITIONS = /^(?:по|с|со|для|от|with|for)$/u;
const CLIENT_WORDS =
  /^(?:клиент\p{L}*|компани\p{L}*|фирм\p{L}*|организаци\p{L}*|контрагент\p{L}*|client|company|customer)$/u;
const PERSON_WORDS = /^(?:сотрудник\p{L}*|менеджер\p{L}*|ответственн\p{L}*|у|employee|manager|of|by)$/u;
// A word that looks like a surname or a name in any case: capitalised, or with a surname's ending.
const NAME_LIKE = /(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ой|ом|е|ого|ому|ий|ая|ую|ых)?$|^[а-яё]+(?:ей|ия|ии|ию|ьи|ья)$/u;

const LOWER_NAME = /^\p{Ll}{4,}$(?<!(?:ые|ие|ая|яя|ое|ее|ый|ий|ой|ых|их|ую|юю|ым|им|о|ly))/u;

function rest(
  message: Message,
  found: Found,
): { name?: { text: string; client: boolean }; unapplied: string[]; doubtful: number } {
  const left = without(message, found.spans);
  const raw = left.raw.split(/\s+/u).filter(Boolean);
  const light = left.light.split(/\s+/u).filter(Boolean);
  const nameWords: string[] = [];
  const unapplied: string[] = [];
  let client = false;
  let previous = '';
  // Lowercase words taken for a name only by their place: with another unknown word, a question for the model.
  let doubtful = 0;
  // Words neither known nor shaped like a name.
  let strangers = 0;
  for (const [index, word] of light.entries()) {
    const clean = word.replace(/[^\p{L}\p{N}-]/gu, '');
    const original = (raw[index] ?? word).replace(/^[«"“'„(]+|[»"”')?!.,:;]+$/gu, '');
    // A link is no name and no keyword: said back as not applied.
    if (word.includes(LINK_MARK)) {
      unapplied.push(original);
      continue;
    }
    if (!clean) continue;
    if (CLIENT_WORDS.test(clean)) {
      client = true;
    } else if (PERSON_WORDS.test(clean) && clean !== 'у') {
      // «менеджера Попова»: a person anyway.
    } else if ((clean === 'и' || clean === 'and') && nameWords.length > 0) {
      // «сделки Соколова и Морозовой»: two names, kept apart.
      nameWords.push(clean);
      continue;
    } else if (SMALL.test(clean)) {
      // «что с задачами у Морозовой»: after «у» comes a person, whatever came before.
      previous = CLIENT_PREPOSITIONS.test(clean) ? clean : '';
      continue;
    } else if (knownWord(clean) && !(index > 0 && /^\p{Lu}/u.test(original))) {
      // «по каждому», «и почему»: a word the assistant knows is never a name (a client «Лидер» is capitalised).
      unapplied.push(original);
    } else if (/^\p{Lu}/u.test(original) || NAME_LIKE.test(clean) || CLIENT_PREPOSITIONS.test(previous) || client) {
      if (CLIENT_PREPOSITIONS.test(previous) && nameWords.length === 0) client = true;
      if (!/^\p{Lu}/u.test(original) && !NAME_LIKE.test(clean)) doubtful += 1;
      nameWords.push(original);
    } else {
      unapplied.push(original);
      strangers += 1;
    }
    previous = '';
  }
  while (/^(?:и|and)$/u.test(nameWords.at(-1) ?? '')) nameWords.pop();
  const joined = nameWords.filter((word) => word === 'и' || word === 'and').length;
  if (nameWords.length - joined > 3 * (joined + 1)) return { unapplied: [...unapplied, ...nameWords], doubtful };
  // «сделки ромашки» typed in lower case on a phone: the one word left, not an adjective or an adverb, is the
  // name asked about (looked up, and said plainly when it fits nobody).
  const [only] = unapplied;
  if (!nameWords.length && !found.person && strangers === 1 && unapplied.length === 1 && only && LOWER_NAME.test(only))
    return { name: { text: only, client }, unapplied: [], doubtful: doubtful + 1 };
  return nameWords.length
    ? { name: { text: nameWords.join(' '), client }, unapplied, doubtful }
    : { unapplied, doubtful };
}

/** The typed query a message asks, with the words it could not apply; undefined when it asks none. */
export function parseQuery(
  message: Message,
  clock: Clock,
): { query: Query; unapplied: string[]; said: boolean; doubtful: number } | undefined {
  const found: Found = { spans: [] };
  // «сделки отдела продаж за октябрь»: the department, before «продаж за …» could read as money.
  const [sales, ...others] = PEOPLE;
  take(message, found, sales!.pattern, () => (found.person ??= sales!.person));
  take(message, found, IDLE, (match) => Object.assign(found, { status: 'stuck', idleDays: idleDaysOf(match) }));
  for (const { pattern, set } of MONEY) if (take(message, found, pattern, () => Object.assign(found, set))) break;
  for (const { pattern, groupBy } of GROUPS)
    take(message, found, pattern, (match) => {
      found.groupSaid ??= match[0];
      found.groupBy ??= groupBy;
    });
  for (const { pattern, person } of others) take(message, found, pattern, () => (found.person ??= person));
  periods(message, found, clock, looksAhead(message.light));
  amounts(message, found);
  stagesAndPipelines(message, found);
  // Before the subjects: «кто нам звонил» is the incoming calls, not calls by person.
  for (const { pattern, direction } of DIRECTIONS)
    take(message, found, pattern, (match) => {
      found.direction ??= direction;
      found.directionSaid ??= match[0];
    });
  for (const { pattern, subject } of SUBJECTS) take(message, found, pattern, () => (found.subject ??= subject));
  take(message, found, NOT_DONE, () => (found.status ??= 'open'));
  const denied: string[] = [];
  take(message, found, NEGATED, (match) => denied.push(match[0]));
  // A second status that contradicts the first («выигранные … без движения») is said back, never dropped.
  for (const { pattern, status } of STATUSES)
    take(message, found, pattern, (match) => {
      const both = found.status ? together(found.status, status) : status;
      if (both) found.status = both;
      else denied.push(match[0]);
    });
  // «что просрочено у Попова»: overdue things are tasks, won ones deals.
  const said = found.subject !== undefined;
  if (!found.subject) {
    if (found.status === 'overdue' || found.status === 'done') found.subject = 'tasks';
    else if (found.status === 'won' || found.status === 'lost' || found.status === 'stuck') found.subject = 'deals';
    else if (found.direction) found.subject = 'calls';
    else return undefined;
  }
  // «сколько задач», «how many deals»: a count.
  if (!found.measure && /(?<![\p{L}])(?:сколько|how\s+many|число|количество)(?![\p{L}])/u.test(message.light))
    found.measure = 'count';
  if (found.status === 'new' && found.subject === 'meetings') found.status = undefined;
  // «закрыли сделку» in a director's mouth is winning it.
  if (found.status === 'done' && found.subject === 'deals') found.status = 'won';
  const { name, unapplied: unknown, doubtful } = rest(message, found);
  // «сделки, созданные на этой неделе»: a deal's, lead's or client's period is when it was created already.
  const created = CREATED_IN_PERIOD.has(found.subject) ? unknown.filter((word) => !CREATED.test(word)) : unknown;
  const unapplied = [...denied, ...created];
  if (!found.groupBy && GROUPINGS[found.subject].includes('manager'))
    take(message, found, WHOSE, () => {
      found.groupBy = 'manager';
      // «у кого больше всего сделок» is about the deals in hand; who sold most says «продал».
      if (found.subject === 'deals') found.status ??= 'open';
      // «больше всего сделок» ranks by how many; «больше всего денег», «на большую сумму» by the sum.
      if (MOST.test(message.light) && !MONEY_WORDS.test(message.light)) found.measure ??= 'count';
    });
  // «встречи по менеджерам», «конверсия по менеджерам»: a grouping the subject or the measure cannot have is
  // said, not dropped.
  if (found.groupBy && (!GROUPINGS[found.subject].includes(found.groupBy) || found.measure === 'conversion')) {
    unapplied.unshift(found.groupSaid ?? '');
    found.groupBy = undefined;
  }
  // «входящие лиды»: only calls and activities come in or go out; the word is said, never dropped.
  if (found.direction && found.subject !== 'calls' && found.subject !== 'activities') {
    unapplied.unshift(found.directionSaid ?? '');
    found.direction = undefined;
  }
  // A status the subject cannot have («клиенты горят») is not a question the router can answer.
  if (found.status && !FITTING[found.subject].includes(found.status))
    return { query: { subject: found.subject }, unapplied: [UNFIT], said, doubtful };
  if (name) {
    if (name.client) found.client = name.text;
    else found.person = found.person && found.person !== 'me' ? found.person : name.text;
  }
  const query: Query = { subject: found.subject };
  for (const key of [
    'person',
    'client',
    'status',
    'direction',
    'period',
    'stage',
    'pipeline',
    'amount',
    'idleDays',
    'measure',
    'groupBy',
  ] as const) {
    if (found[key] !== undefined) (query as Record<string, unknown>)[key] = found[key];
  }
  return { query, unapplied, said, doubtful };
}

/** Handed back for a status its subject cannot have: the whole question is the model's. */
export const UNFIT = '\u0000';

const CREATED = /^(?:созда\p{L}*|заведен\p{L}*|заведён\p{L}*|добавлен\p{L}*|появил\p{L}*|created|added)$/iu;
const CREATED_IN_PERIOD = new Set<Query['subject']>(['deals', 'leads', 'contacts', 'companies']);

const FITTING: Record<Query['subject'], NonNullable<Query['status']>[]> = {
  tasks: ['open', 'overdue', 'done', 'new'],
  deals: ['open', 'won', 'lost', 'stuck', 'new'],
  leads: ['open', 'new', 'won', 'lost', 'done'],
  meetings: [],
  contacts: ['new'],
  companies: ['new'],
  calls: ['open', 'overdue', 'done'],
  activities: ['open', 'overdue', 'done'],
};

/** Whether a message's words say anything a ready-made view would not show. */
export function isQualified(query: Query): boolean {
  const { subject, status, person, period, measure, groupBy } = query;
  const extra = Boolean(
    query.client || query.stage || query.pipeline || query.amount || groupBy || (measure && measure !== 'list'),
  );
  if (extra || (person && person !== 'me')) return true;
  // The ready-made deals and leads are everyone's: «мои сделки» is a question of its own.
  if (person === 'me' && (subject === 'deals' || subject === 'leads')) return true;
  switch (subject) {
    case 'tasks':
      return status !== undefined && status !== 'open' ? true : Boolean(period && period.from !== period.to);
    case 'deals':
      return (status !== undefined && status !== 'open') || period !== undefined;
    case 'leads':
      return period !== undefined || (status !== undefined && status !== 'new');
    case 'meetings':
      return period !== undefined && period.from !== period.to;
    default:
      return true;
  }
}
