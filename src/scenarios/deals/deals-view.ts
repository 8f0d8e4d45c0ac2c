import { moneyTotals } from '../../views/format.ts';
import { dealLine } from '../../views/items.ts';
import { buttonLabel, hintLine, listLimit, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import { DEALS_HINT, NO_DEALS_HINT, NO_OPEN_DEALS, OPEN_DEALS, STUCK_14_DAYS } from '../../views/messages-deals.ts';
import type { Button } from '../../views/reply.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { DealItem, Listed, ViewModel } from '../../vocabulary/view-models.ts';
import { moreButton } from '../questions/query-view.ts';

/** «💤 2 сделки без движения 14+ дней». */
export const stuckLine = (n: number, language: Language): string =>
  `💤 ${count(n, 'deal', language)} ${STUCK_14_DAYS[language]}`;

/** The warning line with the stuck deals under it; nothing when no deal is stuck. */
export function stuckSection(
  stuck: Listed<DealItem>,
  language: Language,
  limit = listLimit,
  line = (deal: DealItem) => dealLine(deal, language),
): string[] | undefined {
  const total = totalOf(stuck);
  return total > 0 ? [`${stuckLine(total, language)}:`, ...listLines(stuck, line, 'deal', language, limit)] : undefined;
}

/** Buttons opening the cards of a few deals. */
export function dealButtons(deals: DealItem[], limit = 3): Button[][] {
  return deals.slice(0, limit).map((deal) => [
    {
      text: buttonLabel('💼 ', deal.title),
      action: { kind: 'show', request: { scenario: 'dealCard', dealId: deal.id } },
    },
  ]);
}

/** The stuck deals get their own section under the line that warns of them; the rest follow by amount. */
const stuckFirst = (deals: DealItem[]) => ({
  stuck: deals.filter((deal) => deal.stuckDays !== undefined),
  rest: deals.filter((deal) => deal.stuckDays === undefined),
});

/** The open deals in the order the list shows them («открой вторую» opens the second line the director saw). */
export function dealsAsShown(deals: DealItem[]): DealItem[] {
  const { stuck, rest } = stuckFirst(deals);
  return [...stuck.slice(0, listLimit), ...rest.slice(0, listLimit)];
}

export function renderDeals(view: Extract<ViewModel, { view: 'deals' }>, language: Language): Page {
  const total = totalOf(view.deals);
  if (total === 0) {
    return {
      lines: sections(`💼 ${NO_OPEN_DEALS[language]}`, hintLine(NO_DEALS_HINT[language])),
    };
  }
  const line = (deal: DealItem) => dealLine(deal, language, { pipeline: true, links: view.links });
  const { stuck, rest } = stuckFirst(view.deals.items);
  const others = { items: rest, total: total - stuck.length };
  return {
    lines: sections(
      `💼 ${OPEN_DEALS[language]}: ${total} ${say(language, 'на', 'worth')} ${moneyTotals(view.sums, language)}`,
      stuckSection({ items: stuck, total: view.stuck }, language, listLimit, line),
      others.total > 0 ? listLines(others, line, 'deal', language) : undefined,
      hintLine(DEALS_HINT[language]),
    ),
    // The deals not shown go on by sum, from the first of the others not shown.
    buttons: [
      ...dealButtons(stuck.length > 0 ? stuck : view.deals.items),
      ...moreButton(others.total - Math.min(others.items.length, listLimit), language),
    ],
  };
}
