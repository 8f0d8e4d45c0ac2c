import { dealLine } from '../../views/items.ts';
import { hintLine, type Page, sections, totalOf } from '../../views/lines.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons, stuckSection } from '../deals/deals-view.ts';
import { completeButtons, overdueHint, overdueSection } from '../tasks/tasks-view.ts';

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
