// What got done: the weekly report and the day results (also the evening digest).

import { dateInWords, dayInWords, moneyTotals } from '../../views/format.ts';
import { closedTaskLine, eventLine, moveLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import {
  DAY_RESULTS,
  DAY_RESULTS_HINT,
  DEAL_MOVEMENTS,
  MEETINGS_HELD,
  NO_DEALS_MOVED,
  NO_MEETINGS_HELD,
  NO_TASKS_CLOSED,
  NOTHING_DONE_THIS_WEEK,
  NOTHING_DONE_TODAY,
  TASKS_CLOSED,
  TOMORROW_SCHEDULE_BUTTON,
  WEEK_IN_REVIEW,
  WEEKLY_HINT,
} from '../../views/messages-reports.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { planSummaryLine } from '../plan/plan-view.ts';
import { shiftDay } from '../schedule/day-window.ts';

export function renderWeeklyReport(view: Extract<ViewModel, { view: 'weeklyReport' }>, language: Language): Page {
  const header = `📈 ${WEEK_IN_REVIEW[language]}: ${spanOf(view.from, view.to, language)}`;
  const closed = totalOf(view.closedTasks);
  const moved = totalOf(view.moves);
  if (closed === 0 && moved === 0) {
    return {
      lines: sections(
        header,
        NOTHING_DONE_THIS_WEEK[language],
        view.plan && planSummaryLine(view.plan, language),
        hintLine(WEEKLY_HINT[language]),
      ),
    };
  }
  const wonCount = new Set(view.moves.items.filter((move) => move.outcome === 'success').map((move) => move.dealId))
    .size;
  return {
    lines: sections(
      header,
      closedSection(view, closed, language),
      movesSection(view, moved, language),
      wonCount > 0 && view.won.length > 0
        ? `🏆 ${say(language, 'Выиграно', 'Won')}: ${count(wonCount, 'deal', language)} ${say(language, 'на', 'worth')} ${moneyTotals(view.won, language)}`
        : undefined,
      view.plan && planSummaryLine(view.plan, language),
      hintLine(WEEKLY_HINT[language]),
    ),
  };
}

export function renderDayResults(view: Extract<ViewModel, { view: 'dayResults' }>, language: Language): Page {
  const day = dayInWords(view.date, language, view.at.today);
  const header = `🌙 ${DAY_RESULTS[language]} — ${day}`;
  const closed = totalOf(view.closedTasks);
  const moved = totalOf(view.moves);
  const hint = hintLine(DAY_RESULTS_HINT[language]);
  const tomorrow = [
    [
      {
        text: TOMORROW_SCHEDULE_BUTTON[language],
        action: { kind: 'show' as const, request: { scenario: 'schedule' as const, date: shiftDay(view.at.today, 1) } },
      },
    ],
  ];
  if (closed === 0 && moved === 0 && view.meetingsHeld.length === 0) {
    return {
      lines: sections(header, NOTHING_DONE_TODAY[language], hint),
      buttons: tomorrow,
    };
  }
  return {
    lines: sections(
      header,
      closedSection(view, closed, language),
      view.meetingsHeld.length > 0
        ? [
            `🤝 ${MEETINGS_HELD[language]}: ${view.meetingsHeld.length}`,
            ...listLines(view.meetingsHeld, (event) => eventLine(event, language, view.links), 'meeting', language, 15),
          ]
        : `🤝 ${NO_MEETINGS_HELD[language]}`,
      movesSection(view, moved, language),
      hint,
    ),
    buttons: tomorrow,
  };
}

type Report = Extract<ViewModel, { view: 'weeklyReport' | 'dayResults' }>;

function closedSection(view: Report, closed: number, language: Language): string | string[] {
  if (closed === 0) return `✅ ${NO_TASKS_CLOSED[language]}`;
  return [
    `✅ ${TASKS_CLOSED[language]}: ${closed}`,
    ...listLines(view.closedTasks, (task) => closedTaskLine(task, view.at, language, view.links), 'task', language, 15),
  ];
}

function movesSection(view: Report, moved: number, language: Language): string | string[] {
  if (moved === 0) return `🔀 ${NO_DEALS_MOVED[language]}`;
  return [
    `🔀 ${DEAL_MOVEMENTS[language]}: ${moved}`,
    ...listLines(view.moves, (move) => moveLine(move, view.at, language, view.links), 'record', language, 15),
  ];
}

/** «23–29 ноября», «30 ноября — 6 декабря». */
function spanOf(from: string, to: string, language: Language): string {
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))}–${dateInWords(to, language)}`;
  return `${dateInWords(from, language)} — ${dateInWords(to, language)}`;
}
