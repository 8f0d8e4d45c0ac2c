// A typed question's answer. Its header states every filter applied («Задачи Марии Орловой: 2»,
// «Выигранные сделки за ноябрь: 3 на 2 100 000 ₽»), so an answer never passes for another question's.
import { DateTime } from 'luxon';
import { countOf, dayHeading, money, moneyTotals, plural } from '../../views/format.ts';
import { activityLine, dealLine, eventLine, leadLine, taskLine } from '../../views/items.ts';
import { buttonLabel, hintLine, opens, type Page, portalText, quoted, sections } from '../../views/lines.ts';
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
      ? say(language, 'без срока', 'no date')
      : query.groupBy === 'client' && !row.key
        ? say(language, 'без клиента', 'no client')
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
  const title =
    view.filters.person?.kind === 'me'
      ? say(language, 'Ваша конверсия', 'Your conversion')
      : say(language, 'Конверсия', 'Conversion');
  const header = `📈 ${title}${filterWords(view, language)}${by}`;
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
    client: say(language, 'по клиентам', 'by client'),
    source: say(language, 'по источникам', 'by source'),
    week: say(language, 'по неделям', 'by week'),
    month: say(language, 'по месяцам', 'by month'),
  }[query.groupBy ?? 'manager'];
  // «топ-3 клиента»: the limit is on the groups, said after them; the deals inside are all counted.
  const unordered = { ...view, query: { ...query, sort: undefined, limit: undefined } };
  const first = query.limit ? say(language, `, первые ${query.limit}`, `, top ${query.limit}`) : '';
  return [
    `📊 ${queryTitle(unordered, language)} ${by}${first}: ${view.total}`,
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
  // «моя выручка»: the director's own, and the header says so.
  const mine = view.filters.person?.kind === 'me';
  const revenue = mine ? say(language, 'Ваша выручка', 'Your revenue') : say(language, 'Выручка', 'Revenue');
  const total = mine
    ? say(language, 'Сумма ваших сделок', 'Your deals total')
    : say(language, 'Сумма сделок', 'Deals total');
  // Earned: the sum of the deals won in the period, per currency.
  if (query.measure === 'sum')
    return [
      `💰 ${query.status === 'won' ? revenue : total}${filterWords(view, language)}: ${n > 0 ? sumsText(sums, language) : money(0, 'RUB', language)}`,
      `${won}: ${n}`,
    ];
  if (query.measure === 'average')
    return [
      `💰 ${mine ? say(language, 'Ваш средний чек', 'Your average deal') : say(language, 'Средний чек', 'Average deal')}${filterWords(view, language)}: ${n > 0 ? sumsText(averages, language) : '—'}`,
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
    department: say(language, `Не нашёл такого отдела: ${name}.`, `I found no such department: ${name}.`),
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
