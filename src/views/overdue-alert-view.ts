import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { dealButtons, stuckSection } from './deals-view.ts';
import { dealLine } from './items.ts';
import { hintLine, type Page, sections, totalOf } from './lines.ts';
import { completeButtons, overdueHint, overdueSection } from './tasks-view.ts';
import { say } from './words.ts';

export function renderOverdueAlert(view: Extract<ViewModel, { view: 'overdueAlert' }>, language: Language): Page {
  const overdue = totalOf(view.overdue);
  return {
    lines: sections(
      `⏰ ${say(language, 'Требует внимания', 'Needs attention')}`,
      overdueSection(view.overdue, view.at, language, view.links),
      stuckSection(view.stuck, language, 10, (deal) => dealLine(deal, language, { links: view.links })),
      hintLine(
        overdue > 0
          ? overdueHint(language)
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
