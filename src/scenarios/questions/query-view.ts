// A typed question's answer. Its header states every filter applied («Задачи Марии Орловой: 2»,
// «Выигранные сделки за ноябрь: 3 на 2 100 000 ₽»), so an answer never passes for another question's.
import { DateTime } from 'luxon';
import { countOf, dayHeading, money, moneyTotals, plural } from '../../views/format.ts';
import { activityLine, closedTaskLine, dealLine, eventLine, leadLine, taskLine } from '../../views/items.ts';
import { buttonLabel, hintLine, opens, type Page, portalText, quoted, sections } from '../../views/lines.ts';
import { NOTHING_TO_AVERAGE, SUM_OF_DEALS } from '../../views/messages-abilities.ts';
import { GROUPS } from '../../views/messages-files.ts';
import {
  AVERAGE_DEAL,
  BY_PERSON,
  BY_STATUS,
  DEALS_WON,
  didYouMean,
  firstOnes,
  GROUPED_BY_MANAGER,
  LEADS_COUNT_HINT,
  moreToShow,
  NO_CLIENT,
  NO_DEADLINE,
  NO_DEALS_CLOSED,
  NOTHING_FOUND,
  noSuchClient,
  noSuchColleague,
  noSuchDepartment,
  noSuchPersonOrClient,
  noSuchPipeline,
  noSuchStage,
  noSuchTopic,
  ON_AVERAGE,
  PERSON_NOT_FOUND_HINT,
  QUERY_HINTS,
  TOPIC_NOT_FOUND_HINT,
  whichClient,
  whichColleague,
  wonOfClosed,
  YOUR_AVERAGE_DEAL,
  YOUR_CONVERSION,
  YOUR_DEALS_TOTAL,
  YOUR_REVENUE,
} from '../../views/messages-questions.ts';
import type { Button } from '../../views/reply.ts';
import { count, nouns, say } from '../../views/words.ts';
import type { ScenarioRequest } from '../../vocabulary/catalogue.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { Amount, GroupRow, Moment, QueryResult, RecordItem, ViewModel } from '../../vocabulary/view-models.ts';
import { filterWords, queryTitle } from './query-title.ts';

export { periodWords, whose } from './query-title.ts';

type QueryView = Extract<ViewModel, { view: 'query' }>;

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

const sumsText = (sums: Amount[], language: Language) => moneyTotals(sums, language);

function groupLine(row: GroupRow, index: number, query: Query, language: Language): string {
  const label =
    (query.groupBy === 'week' || query.groupBy === 'month') && !row.key
      ? NO_DEADLINE[language]
      : query.groupBy === 'client' && !row.key
        ? NO_CLIENT[language]
        : query.groupBy === 'week' || query.groupBy === 'month'
          ? periodLabel(row.key, query.groupBy, language)
          : portalText(row.label);
  const parts = [`${index + 1}. ${label}`];
  if (row.sums.length) parts.push(sumsText(row.sums, language));
  parts.push(count(row.count, NOUNS[query.subject], language));
  if (row.averages.length) parts.push(ON_AVERAGE[language] + sumsText(row.averages, language));
  return parts.join(' — ');
}

function periodLabel(key: string, by: 'week' | 'month', language: Language): string {
  const start = DateTime.fromISO(key).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  return by === 'month'
    ? start.toFormat('LLLL yyyy')
    : `${start.toFormat('d MMM')}–${start.plus({ days: 6 }).toFormat('d MMM')}`;
}

/** The one next step: never an offer of the answer just given. */
function queryHint(query: Query, language: Language): string {
  if (query.subject === 'leads' && query.groupBy === 'source') return LEADS_COUNT_HINT[language];
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
        // Tasks done are listed by when they were closed, not by a deadline long gone.
        result.items.map((task) =>
          view.query.status === 'done'
            ? `• ${closedTaskLine(task, at, language, links, !onePerson)}`
            : `• ${taskLine(task, at, language, links, !onePerson)}`,
        ),
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
export function moreButton(more: number, language: Language): Button[][] {
  if (more <= 0) return [];
  const next = Math.min(more, 20);
  return [
    [{ text: say(language, `Ещё ${next} из ${more}`, `${next} more of ${more}`), action: { kind: 'queryMore' } }],
  ];
}

function restLine(view: QueryView, more: number, language: Language): string | undefined {
  if (more <= 0) return undefined;
  const noun = nouns[NOUNS[view.query.subject]][language];
  return moreToShow(countOf(more, noun, language), more, language);
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
  const by = result.rows ? GROUPED_BY_MANAGER[language] : '';
  const title =
    view.filters.person?.kind === 'me' ? YOUR_CONVERSION[language] : say(language, 'Конверсия', 'Conversion');
  const header = `📈 ${title}${filterWords(view, language)}${by}`;
  if (closed === 0) return [`${header}: ${NO_DEALS_CLOSED[language]}`];
  const percent = (won: number, lost: number) => `${Math.round((won / (won + lost)) * 100)}%`;
  return [
    `${header}: ${percent(result.won, result.lost)}`,
    wonOfClosed(result.won, closed, result.lost, language),
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
  const group = query.groupBy ?? 'manager';
  // Deals and leads have managers and stages; tasks and calls have the people doing them, leads a status.
  const by =
    group === 'manager' && query.subject !== 'deals' && query.subject !== 'leads'
      ? BY_PERSON[language]
      : group === 'stage' && query.subject === 'leads'
        ? BY_STATUS[language]
        : GROUPS[group].by[language];
  // «топ-3 клиента»: the limit is on the groups, said after them; the deals inside are all counted.
  const unordered = { ...view, query: { ...query, sort: undefined, limit: undefined } };
  const first = query.limit ? firstOnes(query.limit, language) : '';
  return [
    `📊 ${queryTitle(unordered, language)} ${by}${first}: ${view.total}`,
    result.rows.length
      ? result.rows.map((row, index) => groupLine(row, index, query, language))
      : NOTHING_FOUND[language],
  ];
}

function totalLines(view: QueryView, title: string, language: Language): string[] {
  const { query } = view;
  if (view.result.kind !== 'total') return [];
  const { count: n, sums, averages } = view.result;
  const won = query.status === 'won' ? DEALS_WON[language] : say(language, 'Сделок', 'Deals');
  // «моя выручка»: the director's own, and the header says so.
  const mine = view.filters.person?.kind === 'me';
  const revenue = mine ? YOUR_REVENUE[language] : say(language, 'Выручка', 'Revenue');
  const total = mine ? YOUR_DEALS_TOTAL[language] : sumOfWhich(query, language);
  // Earned: the sum of the deals won in the period, per currency.
  if (query.measure === 'sum')
    return [
      `💰 ${query.status === 'won' ? revenue : total}${filterWords(view, language)}: ${n > 0 ? sumsText(sums, language) : money(0, 'RUB', language)}`,
      `${won}: ${n}`,
    ];
  // No deal won: nothing to average, said in words rather than a dash.
  if (query.measure === 'average') {
    const average = mine ? YOUR_AVERAGE_DEAL[language] : AVERAGE_DEAL[language];
    return n > 0
      ? [`💰 ${average}${filterWords(view, language)}: ${sumsText(averages, language)}`, `${won}: ${n}`]
      : [`💰 ${average}${filterWords(view, language)}: ${NOTHING_TO_AVERAGE[language]}`];
  }
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
    ? didYouMean(name, language)
    : view.about === 'person'
      ? whichColleague(name, language)
      : whichClient(name, language);
  return {
    lines: [header],
    buttons: view.options.map((option, index) => [
      {
        // A company gets its building; an employee or a contact (a client who is a person) their figure.
        text: buttonLabel(
          [option.query.client ?? []].flat().some((one) => one.startsWith('#co')) ? '🏢 ' : '👤 ',
          option.label,
        ),
        action: { kind: 'queryPick', option: index },
      },
    ]),
  };
}

export function renderQueryNotFound(view: Extract<ViewModel, { view: 'queryNotFound' }>, language: Language): Page {
  const name = quoted(portalText(view.name), language);
  const what = {
    person: noSuchColleague(name, language),
    client: noSuchClient(name, language),
    someone: noSuchPersonOrClient(name, language),
    stage: noSuchStage(name, language),
    pipeline: noSuchPipeline(name, language),
    topic: noSuchTopic(
      name,
      {
        ru: plural(0, nouns[NOUNS[view.query.subject]].ru, 'ru'),
        en: plural(0, nouns[NOUNS[view.query.subject]].en, 'en'),
      },
      language,
    ),
    department: noSuchDepartment(name, language),
  }[view.about];
  const hint = view.about === 'topic' ? TOPIC_NOT_FOUND_HINT : PERSON_NOT_FOUND_HINT;
  return {
    lines: sections(`🔎 ${what}`, hintLine(hint[language])),
  };
}

/** «Сумма проигранных сделок»: the header says which deals were added up. */
function sumOfWhich(query: Query, language: Language): string {
  const status = query.status && query.status in SUM_OF_DEALS ? (query.status as keyof typeof SUM_OF_DEALS) : 'any';
  return SUM_OF_DEALS[status][language];
}
