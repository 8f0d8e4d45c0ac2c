// What got done: the weekly report and the day results (also the evening digest).

import { dateInWords, dayInWords, moneyTotals } from '../../views/format.ts';
import { closedTaskLine, eventLine, moveLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { planSummaryLine } from '../plan/plan-view.ts';
import { shiftDay } from '../schedule/day-window.ts';

export function renderWeeklyReport(view: Extract<ViewModel, { view: 'weeklyReport' }>, language: Language): Page {
  const header = `📈 ${say(language, 'Итоги недели', 'Week in review')}: ${spanOf(view.from, view.to, language)}`;
  const closed = totalOf(view.closedTasks);
  const moved = totalOf(view.moves);
  if (closed === 0 && moved === 0) {
    return {
      lines: sections(
        header,
        say(
          language,
          'На этой неделе закрытых задач и движения по сделкам нет.',
          'No tasks closed and no deals moved this week.',
        ),
        view.plan && planSummaryLine(view.plan, language),
        hintLine(
          say(language, 'Могу показать воронку или статус команды.', 'I can show the pipeline or the team status.'),
        ),
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
      hintLine(
        say(language, 'Могу показать воронку или статус команды.', 'I can show the pipeline or the team status.'),
      ),
    ),
  };
}

export function renderDayResults(view: Extract<ViewModel, { view: 'dayResults' }>, language: Language): Page {
  const day = dayInWords(view.date, language, view.at.today);
  const header = `🌙 ${say(language, 'Итоги дня', 'Day results')} — ${day}`;
  const closed = totalOf(view.closedTasks);
  const moved = totalOf(view.moves);
  const hint = hintLine(say(language, 'Могу показать расписание на завтра.', 'I can show tomorrow’s schedule.'));
  const tomorrow = [
    [
      {
        text: say(language, '📅 Расписание на завтра', '📅 Tomorrow’s schedule'),
        action: { kind: 'show' as const, request: { scenario: 'schedule' as const, date: shiftDay(view.at.today, 1) } },
      },
    ],
  ];
  if (closed === 0 && moved === 0 && view.meetingsHeld.length === 0) {
    return {
      lines: sections(
        header,
        say(
          language,
          'Закрытых задач, встреч и движения по сделкам за день нет.',
          'No tasks closed, no meetings held, no deals moved.',
        ),
        hint,
      ),
      buttons: tomorrow,
    };
  }
  return {
    lines: sections(
      header,
      closedSection(view, closed, language),
      view.meetingsHeld.length > 0
        ? [
            `🤝 ${say(language, 'Проведено встреч', 'Meetings held')}: ${view.meetingsHeld.length}`,
            ...listLines(view.meetingsHeld, (event) => eventLine(event, language, view.links), 'meeting', language, 15),
          ]
        : `🤝 ${say(language, 'Встреч не было.', 'No meetings held.')}`,
      movesSection(view, moved, language),
      hint,
    ),
    buttons: tomorrow,
  };
}

type Report = Extract<ViewModel, { view: 'weeklyReport' | 'dayResults' }>;

function closedSection(view: Report, closed: number, language: Language): string | string[] {
  if (closed === 0) return `✅ ${say(language, 'Ваших закрытых задач нет.', 'None of your tasks closed.')}`;
  return [
    `✅ ${say(language, 'Закрыто ваших задач', 'Your tasks closed')}: ${closed}`,
    ...listLines(view.closedTasks, (task) => closedTaskLine(task, view.at, language, view.links), 'task', language, 15),
  ];
}

function movesSection(view: Report, moved: number, language: Language): string | string[] {
  if (moved === 0) return `🔀 ${say(language, 'Сделки компании не двигались.', 'No deals moved in the company.')}`;
  return [
    `🔀 ${say(language, 'Движение сделок по компании', 'Deal movements, whole company')}: ${moved}`,
    ...listLines(view.moves, (move) => moveLine(move, view.at, language, view.links), 'record', language, 15),
  ];
}

/** «23–29 ноября», «30 ноября — 6 декабря». */
function spanOf(from: string, to: string, language: Language): string {
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))}–${dateInWords(to, language)}`;
  return `${dateInWords(from, language)} — ${dateInWords(to, language)}`;
}
