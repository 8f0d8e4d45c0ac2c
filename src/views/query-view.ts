// A typed question's answer. Its header states every filter applied («Задачи Марии Орловой: 2»,
// «Выигранные сделки за ноябрь: 3 на 2 100 000 ₽»), so an answer never passes for another question's.
import { DateTime } from 'luxon';
import type { ScenarioRequest } from '../scenarios/catalogue.ts';
import type { Language } from '../scenarios/director.ts';
import type { Period, Query } from '../scenarios/query.ts';
import type { RecordLinks } from '../scenarios/record-links.ts';
import type {
  Amount,
  GroupRow,
  Moment,
  QueryFilters,
  QueryResult,
  RecordItem,
  ViewModel,
} from '../scenarios/view-models.ts';
import { countOf, dayHeading, money, moneyTotals, plural } from './format.ts';
import { activityLine, dealLine, eventLine, leadLine, taskLine } from './items.ts';
import { buttonLabel, hintLine, nameQuoted, opens, type Page, portalText, quoted, sections } from './lines.ts';
import { WITHOUT_WORDS } from './messages-words.ts';
import type { Button } from './reply.ts';
import { count, nouns, say } from './words.ts';

type QueryView = Extract<ViewModel, { view: 'query' }>;

const SUBJECT_WORDS: Record<Query['subject'], Record<Language, string>> = {
  tasks: { ru: 'Задачи', en: 'Tasks' },
  deals: { ru: 'Сделки', en: 'Deals' },
  leads: { ru: 'Лиды', en: 'Leads' },
  meetings: { ru: 'Встречи', en: 'Meetings' },
  contacts: { ru: 'Контакты', en: 'Contacts' },
  companies: { ru: 'Компании', en: 'Companies' },
  calls: { ru: 'Звонки', en: 'Calls' },
  activities: { ru: 'Дела', en: 'Activities' },
};

const STATUS_WORDS: Record<NonNullable<Query['status']>, Record<Language, string>> = {
  open: { ru: 'Открытые', en: 'Open' },
  overdue: { ru: 'Просроченные', en: 'Overdue' },
  done: { ru: 'Завершённые', en: 'Completed' },
  won: { ru: 'Выигранные', en: 'Won' },
  lost: { ru: 'Проигранные', en: 'Lost' },
  stuck: { ru: 'Зависшие', en: 'Stuck' },
  new: { ru: 'Новые', en: 'New' },
};

const DIRECTION_WORDS: Record<NonNullable<Query['direction']>, Record<Language, string>> = {
  incoming: { ru: 'Входящие', en: 'Incoming' },
  outgoing: { ru: 'Исходящие', en: 'Outgoing' },
};

const SUBJECT_ICONS: Record<Query['subject'], string> = {
  tasks: '✅',
  deals: '💼',
  leads: '🆕',
  meetings: '📅',
  contacts: '👤',
  companies: '🏢',
  calls: '📞',
  activities: '📌',
};

// ─── names in the genitive: «задачи Марии Орловой» ───────────────────────

const IRREGULAR: Record<string, string> = { Пётр: 'Петра', Петр: 'Петра', Павел: 'Павла', Лев: 'Льва' };
const MALE_IN_A = new Set(['Никита', 'Илья', 'Кузьма', 'Лука', 'Фома', 'Савва', 'Данила']);

function genitiveWord(word: string, female: boolean, first: boolean): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  // A first name is never declined as a surname: «Екатерина» → «Екатерины», «Марина» → «Марины».
  if (!first && /(?:ов|ев|ёв|ин|ын)$/u.test(word)) return female ? word : `${word}а`;
  if (!first && /(?:ова|ева|ёва|ина|ына)$/u.test(word)) return `${word.slice(0, -1)}ой`;
  if (/(?:ский|цкий)$/u.test(word)) return `${word.slice(0, -2)}ого`;
  if (/(?:ская|цкая)$/u.test(word)) return `${word.slice(0, -2)}ой`;
  if (/ия$/u.test(word)) return `${word.slice(0, -1)}и`;
  if (/[ья]$/u.test(word) && word.length > 2) return `${word.slice(0, -1)}${word.endsWith('ь') ? 'я' : 'и'}`;
  if (/й$/u.test(word)) return `${word.slice(0, -1)}я`;
  if (/[гкхжшщч]а$/u.test(word)) return `${word.slice(0, -1)}и`;
  if (/а$/u.test(word)) return `${word.slice(0, -1)}ы`;
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(word) && !female) return `${word}а`;
  return word;
}

/** «Мария Орлова» → «Марии Орловой», «Пётр Волков» → «Петра Волкова»; unknown forms stay as they are. */
export function genitiveName(name: string): string {
  const words = name.split(' ');
  const first = words[0] ?? '';
  const female = /[ая]$/u.test(first) && !MALE_IN_A.has(first);
  return words.map((word, index) => genitiveWord(word, female, index === 0 && words.length > 1)).join(' ');
}

// ─── the period in words ─────────────────────────────────────────────────

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** «за ноябрь», «за IV квартал», «с 1 по 15 ноября», «на 28 ноября», «за сегодня». */
export function periodWords(period: Period, today: string, language: Language, on = false): string {
  const from = DateTime.fromISO(period.from).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  const to = DateTime.fromISO(period.to).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  const now = DateTime.fromISO(today);
  const year = (day: DateTime) => (day.year === now.year ? '' : ` ${day.year}`);
  const toDay = +to === +now || +to === +to.endOf('month').startOf('day');
  if (+from === +to) {
    const days = Math.round(from.diff(now, 'days').days);
    const near = (
      {
        ru: { [-1]: 'вчера', 0: 'сегодня', 1: 'завтра', 2: 'послезавтра' },
        en: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
      } as Record<Language, Record<number, string>>
    )[language][days];
    if (near) return language === 'ru' ? `${on ? 'на' : 'за'} ${near}` : near;
    return say(
      language,
      `${on ? 'на' : 'за'} ${from.toFormat('d MMMM')}${year(from)}`,
      `on ${from.toFormat('d MMMM')}${year(from)}`,
    );
  }
  if (+to === +now && from < to && !(from.day === 1 && from.hasSame(to, 'month'))) {
    const days = Math.round(to.diff(from, 'days').days) + 1;
    if (days === 7 || days === 30 || days === 14 || days === 90)
      return say(language, `за ${countOf(days, nouns.day.ru, 'ru')}`, `in the last ${days} days`);
  }
  if (from.day === 1 && from.hasSame(to, 'month') && toDay)
    return say(language, `за ${from.toFormat('LLLL')}${year(from)}`, `in ${from.toFormat('LLLL')}${year(from)}`);
  if (
    +from === +from.startOf('quarter') &&
    from.hasSame(to, 'quarter') &&
    (+to === +now || +to === +to.endOf('quarter').startOf('day'))
  )
    return say(language, `за ${QUARTERS[from.quarter - 1]} квартал${year(from)}`, `in Q${from.quarter}${year(from)}`);
  if (
    +from === +from.startOf('year') &&
    from.hasSame(to, 'year') &&
    (+to === +now || +to === +to.endOf('year').startOf('day'))
  )
    return say(language, `за ${from.year} год`, `in ${from.year}`);
  const sameMonth = from.hasSame(to, 'month');
  // A span across a new year names both years: «с 1 декабря 2025 по 29 ноября 2026».
  const fromYear = from.year !== to.year ? ` ${from.year}` : '';
  const toYear = fromYear ? ` ${to.year}` : year(to);
  return say(
    language,
    `с ${from.toFormat(sameMonth ? 'd' : 'd MMMM')}${fromYear} по ${to.toFormat('d MMMM')}${toYear}`,
    `from ${from.toFormat(sameMonth ? 'd' : 'd MMMM')}${fromYear} to ${to.toFormat('d MMMM')}${toYear}`,
  );
}

// ─── the header ──────────────────────────────────────────────────────────

export function whose(filters: QueryFilters, language: Language): string {
  const person = filters.person;
  if (!person || person.kind === 'me') return '';
  if (person.kind === 'team') return say(language, ' команды', ' of the team');
  if (person.kind === 'sales') return say(language, ' отдела продаж', ' of the sales team');
  if (person.kind === 'people')
    return language === 'ru'
      ? ` ${person.people.map((one) => portalText(genitiveName(one.name))).join(' и ')}`
      : ` of ${person.people.map((one) => portalText(one.name)).join(' and ')}`;
  return language === 'ru'
    ? ` ${portalText(genitiveName(person.person.name))}`
    : ` of ${portalText(person.person.name)}`;
}

/** The filters after the subject: whose, which client, pipeline, stage, amount, when. */
function filterWords(view: Pick<QueryView, 'query' | 'filters' | 'at'>, language: Language): string {
  const { query, filters, at } = view;
  let words = whose(filters, language);
  if (filters.client) words += say(language, ' по клиенту ', ' for ') + nameQuoted(filters.client, language);
  if (filters.clients)
    words +=
      say(language, ' по клиентам ', ' for ') +
      filters.clients.map((client) => nameQuoted(client, language)).join(say(language, ' и ', ' and '));
  if (query.without) words += WITHOUT_WORDS[query.without][language];
  if (query.topic) words += say(language, ' по теме ', ' about ') + quoted(query.topic, language);
  if (filters.named) words += say(language, ' по запросу ', ' matching ') + quoted(portalText(filters.named), language);
  if (filters.pipeline)
    words += say(language, ' в воронке ', ' in pipeline ') + quoted(portalText(filters.pipeline), language);
  if (filters.stage) words += say(language, ' на стадии ', ' at stage ') + quoted(portalText(filters.stage), language);
  if (query.idleDays)
    words += say(language, ` без движения от ${query.idleDays} дн.`, ` not moved for ${query.idleDays}+ days`);
  if (query.amount?.min !== undefined)
    words += say(language, ' от ', ' from ') + money(query.amount.min, 'RUB', language);
  if (query.amount?.max !== undefined)
    words += say(language, ' до ', ' up to ') + money(query.amount.max, 'RUB', language);
  if (query.period) {
    const on = (query.subject === 'tasks' || query.subject === 'meetings') && query.status !== 'done';
    words += ` ${periodWords(query.period, at.today, language, on)}`;
  } else if (query.status === 'won' || query.status === 'lost') words += say(language, ' за всё время', ' of all time');
  return words;
}

/** The question in words: what, whose, about whom, where, when — everything it was filtered by. */
export function queryTitle(view: Pick<QueryView, 'query' | 'filters' | 'at'>, language: Language): string {
  const { query, filters } = view;
  const mine = filters.person?.kind === 'me';
  const subject = SUBJECT_WORDS[query.subject][language];
  // Deals asked without a status or a period are the open ones, and the header says so (promise 9).
  const shown = query.status ?? (query.subject === 'deals' && !query.period && !query.measure ? 'open' : undefined);
  const status = shown ? STATUS_WORDS[shown][language] : '';
  const direction = query.direction ? DIRECTION_WORDS[query.direction][language] : '';
  const words = [mine ? say(language, 'Ваши', 'Your') : '', status, direction, subject].filter(Boolean);
  const title = words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
  return title + filterWords(view, language) + orderWords(query, language);
}

const ORDER_WORDS: Record<NonNullable<Query['sort']>, { ru: [string, string]; en: [string, string] }> = {
  largest: { ru: ['самых крупных', 'сначала самые крупные'], en: ['largest', 'largest first'] },
  smallest: { ru: ['самых мелких', 'сначала самые мелкие'], en: ['smallest', 'smallest first'] },
  oldest: { ru: ['самых старых', 'сначала самые старые'], en: ['oldest', 'oldest first'] },
  newest: { ru: ['самых новых', 'сначала самые новые'], en: ['newest', 'newest first'] },
};

/** «, 5 самых крупных», «, сначала самые старые», «, первые 3»: the order and how many, as asked. */
function orderWords(query: Query, language: Language): string {
  const { sort, limit } = query;
  if (!sort) return limit ? say(language, `, первые ${limit}`, `, first ${limit}`) : '';
  const [some, all] = ORDER_WORDS[sort][language];
  if (!limit) return `, ${all}`;
  return language === 'ru' ? `, ${limit} ${some}` : `, ${some} ${limit}`;
}

const NOUNS: Record<Query['subject'], keyof typeof nouns> = {
  tasks: 'task',
  deals: 'deal',
  leads: 'lead',
  meetings: 'meeting',
  contacts: 'record',
  companies: 'record',
  calls: 'call',
  activities: 'record',
};

const sumsText = (sums: Amount[], language: Language) => moneyTotals(sums, language);

function groupLine(row: GroupRow, index: number, query: Query, language: Language): string {
  const label =
    (query.groupBy === 'week' || query.groupBy === 'month') && !row.key
      ? say(language, 'без срока', 'no date')
      : query.groupBy === 'week' || query.groupBy === 'month'
        ? periodLabel(row.key, query.groupBy, language)
        : portalText(row.label);
  const parts = [`${index + 1}. ${label}`];
  if (row.sums.length) parts.push(sumsText(row.sums, language));
  parts.push(count(row.count, NOUNS[query.subject], language));
  if (row.averages.length) parts.push(say(language, 'в среднем ', 'average ') + sumsText(row.averages, language));
  return parts.join(' — ');
}

function periodLabel(key: string, by: 'week' | 'month', language: Language): string {
  const start = DateTime.fromISO(key).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  return by === 'month'
    ? start.toFormat('LLLL yyyy')
    : `${start.toFormat('d MMM')}–${start.plus({ days: 6 }).toFormat('d MMM')}`;
}

const QUERY_HINTS: Record<Query['subject'], Record<Language, string>> = {
  tasks: {
    ru: 'Могу отметить задачу выполненной или поставить новую.',
    en: 'I can mark a task done or create a new one.',
  },
  deals: {
    ru: 'Могу показать сделку подробно или перевести её на другую стадию.',
    en: 'I can open a deal or move it to another stage.',
  },
  leads: { ru: 'Могу показать, откуда приходят лиды.', en: 'I can show where the leads come from.' },
  meetings: { ru: 'Могу подготовить к встрече или перенести её.', en: 'I can prepare you for a meeting or move it.' },
  contacts: { ru: 'Могу собрать досье на клиента.', en: 'I can put together a client dossier.' },
  companies: { ru: 'Могу собрать досье на клиента.', en: 'I can put together a client dossier.' },
  calls: { ru: 'Могу поставить задачу перезвонить клиенту.', en: 'I can create a task to call a client back.' },
  activities: { ru: 'Могу поставить задачу по клиенту.', en: 'I can create a task for a client.' },
};

/** The one next step: never an offer of the answer just given. */
function queryHint(query: Query, language: Language): string {
  if (query.subject === 'leads' && query.groupBy === 'source')
    return say(language, 'Могу показать сами лиды за этот период.', 'I can list the leads of this period.');
  return QUERY_HINTS[query.subject][language];
}

export function renderQuery(view: QueryView, language: Language): Page {
  const { result } = view;
  const hint = hintLine(queryHint(view.query, language));
  switch (result.kind) {
    case 'total':
      return { lines: sections(totalLines(view, queryTitle(view, language), language), hint) };
    case 'conversion':
      return { lines: sections(...conversionParts(view, result, language), hint) };
    case 'groups':
      return { lines: sections(...groupParts(view, result, language), hint) };
    default:
      return listPage(view, result, language, hint);
  }
}

type ListResult = Exclude<QueryResult, { kind: 'total' | 'conversion' | 'groups' }>;

/** A page of found records: a header with the count, the records, how many are left, a hint and buttons. */
function listPage(view: QueryView, result: ListResult, language: Language, hint: string | undefined): Page {
  const { total, at, links } = view;
  const more = total - view.offset - result.items.length;
  const part = view.offset > 0 ? say(language, ` (с ${view.offset + 1}-й)`, ` (from #${view.offset + 1})`) : '';
  const header = (sum = '') =>
    `${SUBJECT_ICONS[view.query.subject]} ${queryTitle(view, language)}: ${total}${sum}${part}`;
  const page = (top: (string | undefined)[], items: string[], buttons: Button[][] = []): Page => ({
    lines: sections(...top, items, restLine(view, more, language), hint),
    buttons: [...buttons, ...moreButton(more, language)],
  });
  switch (result.kind) {
    case 'tasks': {
      // «задачи Орловой», «мои задачи»: one person's, named in the header, not on every line.
      const onePerson =
        view.query.person !== undefined && new Set(result.items.map((task) => task.responsible?.id)).size <= 1;
      return page(
        [header(), overdueLine(view, result.overdue, language)],
        result.items.map((task) => `• ${taskLine(task, at, language, links, !onePerson)}`),
      );
    }
    case 'deals':
      return page(
        [
          header(
            total > 0 && result.sums.length ? say(language, ' на ', ' for ') + sumsText(result.sums, language) : '',
          ),
        ],
        result.items.map((deal) => `• ${dealLine(deal, language, { pipeline: true, responsible: true, links })}`),
        result.items
          .slice(0, 3)
          .map((deal) => [showButton('💼 ', deal.title, { scenario: 'dealCard', dealId: deal.id })]),
      );
    case 'leads':
      return page(
        [header()],
        result.items.map((lead) => `• ${leadLine(lead, at, language, links)}`),
      );
    case 'events':
      return page([header()], eventsByDay(result.items, at, language, links));
    case 'activities':
      return page(
        [header()],
        result.items.map((activity) => `• ${activityLine(activity, at, language)}`),
      );
    case 'records':
      return page(
        [header()],
        result.items.map((item) => `• ${recordLine(item, links)}`),
        recordButtons(result.items),
      );
  }
}

/** «Ещё 20 из 45»: the next page of a long list. */
function moreButton(more: number, language: Language): Button[][] {
  if (more <= 0) return [];
  const next = Math.min(more, 20);
  return [
    [{ text: say(language, `Ещё ${next} из ${more}`, `${next} more of ${more}`), action: { kind: 'queryMore' } }],
  ];
}

function restLine(view: QueryView, more: number, language: Language): string | undefined {
  if (more <= 0) return undefined;
  const noun = nouns[NOUNS[view.query.subject]][language];
  return say(language, `…и ещё ${countOf(more, noun, language)} — напишите «ещё».`, `…and ${more} more — say “more”.`);
}

/** Overdue tasks among the found ones, unless overdue ones were asked for. */
function overdueLine(view: QueryView, overdue: number, language: Language): string | undefined {
  if (overdue <= 0 || view.query.status === 'overdue') return undefined;
  return `⚠️ ${count(overdue, 'task', language)} ${plural(overdue, nouns.overdue[language], language)}`;
}

const recordLine = (item: RecordItem, links: RecordLinks | undefined) =>
  `${portalText(item.label)}${item.detail ? ` — ${portalText(item.detail)}` : ''}${opens(links, item.kind, item.id)}`;

/** The first three clients open their dossier. */
const recordButtons = (items: RecordItem[]): Button[][] =>
  items
    .slice(0, 3)
    .map((item) => [
      item.kind === 'company'
        ? showButton('🏢 ', item.label, { scenario: 'dossier', companyId: item.id })
        : showButton('👤 ', item.label, { scenario: 'dossier', contactId: item.id }),
    ]);

const showButton = (icon: string, label: string, request: ScenarioRequest): Button => ({
  text: buttonLabel(icon, label),
  action: { kind: 'show', request },
});

/** A page's parts, as `sections` takes them: each part a paragraph of its own. */
type Part = string[] | string;

function conversionParts(
  view: QueryView,
  result: Extract<QueryResult, { kind: 'conversion' }>,
  language: Language,
): Part[] {
  const closed = result.won + result.lost;
  const by = result.rows ? say(language, ' по менеджерам', ' by manager') : '';
  const header = `📈 ${say(language, 'Конверсия', 'Conversion')}${filterWords(view, language)}${by}`;
  if (closed === 0) return [`${header}: ${say(language, 'закрытых сделок нет', 'no deals closed')}`];
  const percent = (won: number, lost: number) => `${Math.round((won / (won + lost)) * 100)}%`;
  return [
    `${header}: ${percent(result.won, result.lost)}`,
    say(
      language,
      `Выиграно ${result.won} из ${closed} закрытых (проиграно ${result.lost}).`,
      `Won ${result.won} of ${closed} closed (lost ${result.lost}).`,
    ),
    ...(result.rows
      ? [
          result.rows.map(
            (row, index) =>
              `${index + 1}. ${portalText(row.label)} — ${percent(row.won, row.lost)} ` +
              say(language, `(${row.won} из ${row.won + row.lost})`, `(${row.won} of ${row.won + row.lost})`),
          ),
        ]
      : []),
  ];
}

function groupParts(view: QueryView, result: Extract<QueryResult, { kind: 'groups' }>, language: Language): Part[] {
  const { query } = view;
  const by = {
    // Deals and leads have managers; tasks and calls have the people doing them.
    manager:
      query.subject === 'deals' || query.subject === 'leads'
        ? say(language, 'по менеджерам', 'by manager')
        : say(language, 'по сотрудникам', 'by person'),
    stage:
      query.subject === 'leads' ? say(language, 'по статусам', 'by status') : say(language, 'по стадиям', 'by stage'),
    source: say(language, 'по источникам', 'by source'),
    week: say(language, 'по неделям', 'by week'),
    month: say(language, 'по месяцам', 'by month'),
  }[query.groupBy ?? 'manager'];
  return [
    `📊 ${queryTitle(view, language)} ${by}: ${view.total}`,
    result.rows.length
      ? result.rows.map((row, index) => groupLine(row, index, query, language))
      : say(language, 'Ничего не нашлось.', 'Nothing found.'),
  ];
}

function totalLines(view: QueryView, title: string, language: Language): string[] {
  const { query } = view;
  if (view.result.kind !== 'total') return [];
  const { count: n, sums, averages } = view.result;
  const won =
    query.status === 'won' ? say(language, 'Выигранных сделок', 'Deals won') : say(language, 'Сделок', 'Deals');
  // Earned: the sum of the deals won in the period, per currency.
  if (query.measure === 'sum')
    return [
      `💰 ${query.status === 'won' ? say(language, 'Выручка', 'Revenue') : say(language, 'Сумма сделок', 'Deals total')}${filterWords(view, language)}: ${n > 0 ? sumsText(sums, language) : money(0, 'RUB', language)}`,
      `${won}: ${n}`,
    ];
  if (query.measure === 'average')
    return [
      `💰 ${say(language, 'Средний чек', 'Average deal')}${filterWords(view, language)}: ${n > 0 ? sumsText(averages, language) : '—'}`,
      `${won}: ${n}`,
    ];
  const sum = sums.length ? say(language, ' на ', ' for ') + sumsText(sums, language) : '';
  return [`${SUBJECT_ICONS[query.subject]} ${title}: ${n}${sum}`];
}

function eventsByDay(
  events: Extract<QueryView['result'], { kind: 'events' }>['items'],
  at: Moment,
  language: Language,
  links: RecordLinks | undefined,
): string[] {
  const lines: string[] = [];
  let day = '';
  for (const event of events) {
    const date = event.from.slice(0, 10);
    if (date !== day) {
      day = date;
      lines.push(`<b>${dayHeading(date, at.today, language)}</b>`);
    }
    lines.push(`• ${eventLine(event, language, links)}`);
  }
  return lines;
}

// ─── a pick list, and a name that fits nobody ────────────────────────────

export function renderQueryChoice(view: Extract<ViewModel, { view: 'queryChoice' }>, language: Language): Page {
  const name = quoted(portalText(view.name), language);
  const header = view.near
    ? say(language, `Не нашёл ${name}. Может быть, вы имели в виду:`, `I found no ${name}. Did you mean:`)
    : view.about === 'person'
      ? say(
          language,
          `Под ${name} подходят несколько сотрудников — кого вы имели в виду?`,
          `Several people match ${name} — which one?`,
        )
      : say(
          language,
          `Под ${name} подходят несколько клиентов — какого вы имели в виду?`,
          `Several clients match ${name} — which one?`,
        );
  return {
    lines: [header],
    buttons: view.options.map((option, index) => [
      {
        // A company gets its building; an employee or a contact (a client who is a person) their figure.
        text: buttonLabel(option.query.client?.startsWith('#co') ? '🏢 ' : '👤 ', option.label),
        action: { kind: 'queryPick', option: index },
      },
    ]),
  };
}

export function renderQueryNotFound(view: Extract<ViewModel, { view: 'queryNotFound' }>, language: Language): Page {
  const name = quoted(portalText(view.name), language);
  const what = {
    person: say(language, `Не нашёл сотрудника ${name}.`, `I found no employee ${name}.`),
    client: say(language, `Не нашёл клиента ${name}.`, `I found no client ${name}.`),
    someone: say(
      language,
      `Не нашёл ${name} ни среди сотрудников, ни среди клиентов.`,
      `I found ${name} neither among employees nor among clients.`,
    ),
    stage: say(language, `Не нашёл стадию ${name}.`, `I found no stage ${name}.`),
    pipeline: say(language, `Не нашёл воронку ${name}.`, `I found no pipeline ${name}.`),
  }[view.about];
  return {
    lines: sections(
      `🔎 ${what}`,
      hintLine(
        say(
          language,
          'Проверьте, как записано имя, или напишите его полностью.',
          'Check the spelling, or write the full name.',
        ),
      ),
    ),
  };
}
