import { dealLine } from '../../views/items.ts';
import { hintLine, type Page, sections, totalOf } from '../../views/lines.ts';
import { NEEDS_ATTENTION, OVERDUE_HINT } from '../../views/messages-reports.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons, stuckSection } from '../deals/deals-view.ts';
import { completeButtons, overdueHint, overdueSection } from '../tasks/tasks-view.ts';

export function renderOverdueAlert(view: Extract<ViewModel, { view: 'overdueAlert' }>, language: Language): Page {
  const overdue = totalOf(view.overdue);
  return {
    lines: sections(
      `⏰ ${NEEDS_ATTENTION[language]}`,
      overdueSection(view.overdue, view.at, language, view.links),
      stuckSection(view.stuck, language, 10, (deal) => dealLine(deal, language, { links: view.links })),
      hintLine(overdue > 0 ? overdueHint(language) : OVERDUE_HINT[language]),
    ),
    buttons: [...completeButtons(view.overdue.items, language, 3), ...dealButtons(view.stuck.items, 2)],
  };
}
