import { dayInWords, moneyTotals } from '../../views/format.ts';
import { clashLine, dealLine, eventLine, leadLine, taskLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import { NO_OPEN_DEALS } from '../../views/messages-deals.ts';
import {
  ACTIVE_DEALS,
  BRIEFING_HINT,
  DUE_TODAY,
  GOOD_MORNING,
  NEW_LEADS_YESTERDAY,
  NO_MEETINGS_TODAY,
  NO_NEW_LEADS,
  NO_TASKS_DUE_TODAY,
  PLAN_FOR_DAY,
  TODAY_SUMMARY,
} from '../../views/messages-reports.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons, stuckLine } from '../deals/deals-view.ts';
import { planSummaryLine } from '../plan/plan-view.ts';
import { completeButtons, overdueHint, overdueSection } from '../tasks/tasks-view.ts';

type Briefing = Extract<ViewModel, { view: 'briefing' }>;

function headerOf(view: Briefing, language: Language): string {
  const day = dayInWords(view.at.today, language, view.at.today);
  if (view.digest === 'dayPlan') return `🗓 ${PLAN_FOR_DAY[language]} — ${day}`;
  if (view.digest === 'morningDigest') return `☀️ ${GOOD_MORNING[language]} — ${day}`;
  return `☀️ ${TODAY_SUMMARY[language]} — ${day}`;
}

export function renderBriefing(view: Briefing, language: Language): Page {
  const overdue = overdueSection(view.overdue, view.at, language, view.links);
  const hint = overdue ? overdueHint(language) : BRIEFING_HINT[language];
  return {
    lines: sections(
      headerOf(view, language),
      meetingsSection(view, language),
      dueTodaySection(view, language),
      overdue,
      view.deals && dealsSection(view.deals, view, language),
      view.newLeads && leadsSection(view.newLeads, view, language),
      view.plan && planSummaryLine(view.plan, language),
      hintLine(hint),
    ),
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

function meetingsSection(view: Briefing, language: Language): string[] {
  if (view.events.length === 0) return [`🗓 ${NO_MEETINGS_TODAY[language]}`];
  return [
    `🗓 ${say(language, 'Встречи', 'Meetings')} (${view.events.length}):`,
    ...listLines(view.events, (event) => eventLine(event, language, view.links), 'meeting', language),
    ...view.clashes.map((clash) => clashLine(clash, language)),
  ];
}

function dueTodaySection(view: Briefing, language: Language): string[] {
  if (view.dueToday.length === 0) return [`✅ ${NO_TASKS_DUE_TODAY[language]}`];
  return [
    `✅ ${DUE_TODAY[language]} (${view.dueToday.length}):`,
    ...listLines(view.dueToday, (task) => taskLine(task, view.at, language, view.links), 'task', language),
  ];
}

function dealsSection(deals: NonNullable<Briefing['deals']>, view: Briefing, language: Language): string[] {
  const total = totalOf(deals.deals);
  if (total === 0) return [`💼 ${NO_OPEN_DEALS[language]}`];
  // The stuck ones first: they are what the line above the list warns about.
  const items = [
    ...deals.deals.items.filter((deal) => deal.stuckDays !== undefined),
    ...deals.deals.items.filter((deal) => deal.stuckDays === undefined),
  ];
  return [
    `💼 ${ACTIVE_DEALS[language]}: ${total} ${say(language, 'на', 'worth')} ${moneyTotals(deals.sums, language)}`,
    ...(deals.stuck > 0 ? [stuckLine(deals.stuck, language)] : []),
    ...listLines(
      { ...deals.deals, items },
      (deal) => dealLine(deal, language, { links: view.links }),
      'deal',
      language,
      5,
    ),
  ];
}

function leadsSection(leads: NonNullable<Briefing['newLeads']>, view: Briefing, language: Language): string[] {
  const total = totalOf(leads);
  if (total === 0) return [`🆕 ${NO_NEW_LEADS[language]}`];
  return [
    `🆕 ${NEW_LEADS_YESTERDAY[language]}: ${total}`,
    ...listLines(leads, (lead) => leadLine(lead, view.at, language, view.links), 'lead', language, 10),
  ];
}
