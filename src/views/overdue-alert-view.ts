import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { dealButtons, stuckLine } from './deals-view.ts';
import { dealLine, taskLine } from './items.ts';
import { hintLine, listLines, type Page, sections } from './lines.ts';
import { completeButtons, overdueLine } from './tasks-view.ts';
import { say } from './words.ts';

export function renderOverdueAlert(view: Extract<ViewModel, { view: 'overdueAlert' }>, language: Language): Page {
  const overdue = Math.max(view.overdue.total, view.overdue.items.length);
  const stuck = Math.max(view.stuck.total, view.stuck.items.length);
  return {
    lines: sections(
      `⏰ ${say(language, 'Требует внимания', 'Needs attention')}`,
      overdue > 0
        ? [
            `${overdueLine(overdue, language)}:`,
            ...listLines(view.overdue, (task) => taskLine(task, view.at, language), 'task', language, 10),
          ]
        : undefined,
      stuck > 0
        ? [
            `${stuckLine(stuck, language)}:`,
            ...listLines(view.stuck, (deal) => dealLine(deal, language), 'deal', language, 10),
          ]
        : undefined,
      hintLine(
        overdue > 0
          ? say(
              language,
              'Могу отметить задачу выполненной или поставить новую.',
              'I can mark a task done or create a new one.',
            )
          : say(
              language,
              'Могу перевести сделку на другой этап или добавить комментарий.',
              'I can move a deal to another stage or add a comment.',
            ),
      ),
    ),
    buttons: [...completeButtons(view.overdue.items, language, 3), ...dealButtons(view.stuck.items, 2)],
  };
}
