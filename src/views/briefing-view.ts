import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { dealButtons, stuckLine } from './deals-view.ts';
import { dayInWords, moneyTotals } from './format.ts';
import { clashLine, dealLine, eventLine, leadLine, taskLine } from './items.ts';
import { hintLine, listLines, type Page, sections, totalOf } from './lines.ts';
import { completeButtons, overdueHint, overdueSection } from './tasks-view.ts';
import { say } from './words.ts';

type Briefing = Extract<ViewModel, { view: 'briefing' }>;

function headerOf(view: Briefing, language: Language): string {
  const day = dayInWords(view.at.today, language, view.at.today);
  if (view.digest === 'dayPlan') return `🗓 ${say(language, 'План на день', 'Plan for the day')} — ${day}`;
  if (view.digest === 'morningDigest')
    return `☀️ ${say(language, 'Доброе утро! Утренний брифинг', 'Good morning! Your briefing')} — ${day}`;
  return `☀️ ${say(language, 'Сводка на сегодня', 'Today')} — ${day}`;
}

export function renderBriefing(view: Briefing, language: Language): Page {
  const meetings =
    view.events.length > 0
      ? [
          `🗓 ${say(language, 'Встречи', 'Meetings')} (${view.events.length}):`,
          ...listLines(view.events, (event) => eventLine(event, language, view.links), 'meeting', language),
          ...view.clashes.map((clash) => clashLine(clash, language)),
        ]
      : [`🗓 ${say(language, 'Встреч сегодня нет.', 'No meetings today.')}`];
  const dueToday =
    view.dueToday.length > 0
      ? [
          `✅ ${say(language, 'Задачи на сегодня', 'Due today')} (${view.dueToday.length}):`,
          ...listLines(view.dueToday, (task) => taskLine(task, view.at, language, view.links), 'task', language),
        ]
      : [`✅ ${say(language, 'Задач со сроком на сегодня нет.', 'No tasks due today.')}`];
  const overdue = overdueSection(view.overdue, view.at, language, view.links);
  let deals: string[] | undefined;
  const stuckFirst = <T extends { stuckDays?: number }>(items: T[]) => [
    ...items.filter((deal) => deal.stuckDays !== undefined),
    ...items.filter((deal) => deal.stuckDays === undefined),
  ];
  if (view.deals) {
    const total = totalOf(view.deals.deals);
    deals =
      total > 0
        ? [
            `💼 ${say(language, 'Сделки в работе', 'Active deals')}: ${total} ${say(language, 'на', 'worth')} ${moneyTotals(view.deals.sums, language)}`,
            ...(view.deals.stuck > 0 ? [stuckLine(view.deals.stuck, language)] : []),
            // The stuck ones first: they are what the line above warns about.
            ...listLines(
              { ...view.deals.deals, items: stuckFirst(view.deals.deals.items) },
              (deal) => dealLine(deal, language, { links: view.links }),
              'deal',
              language,
              5,
            ),
          ]
        : [`💼 ${say(language, 'Открытых сделок нет.', 'No open deals.')}`];
  }
  let leads: string[] | undefined;
  if (view.newLeads) {
    const total = totalOf(view.newLeads);
    leads =
      total > 0
        ? [
            `🆕 ${say(language, 'Новые лиды за вчера', 'New leads yesterday')}: ${total}`,
            ...listLines(view.newLeads, (lead) => leadLine(lead, view.at, language, view.links), 'lead', language, 10),
          ]
        : [`🆕 ${say(language, 'Новых лидов за вчера нет.', 'No new leads yesterday.')}`];
  }
  const hint = overdue
    ? overdueHint(language)
    : say(
        language,
        'Скажите «расписание на завтра» или «воронка», чтобы посмотреть подробнее.',
        'Say “schedule for tomorrow” or “pipeline” for more.',
      );
  return {
    lines: sections(headerOf(view, language), meetings, dueToday, overdue, deals, leads, hintLine(hint)),
    buttons: [
      ...completeButtons([...view.overdue.items, ...view.dueToday], language, 3),
      ...(view.deals && view.deals.stuck > 0
        ? dealButtons(
            view.deals.deals.items.filter((deal) => deal.stuckDays !== undefined),
            2,
          )
        : []),
    ],
  };
}
