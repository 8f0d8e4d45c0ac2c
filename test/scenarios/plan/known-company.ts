// A company whose sales history is known deal by deal: the demo portal's deals, stage history and activities are
// replaced by it, and the tests compute plan, fact, probabilities and the forecast from this list on their own.
import { addStageHistory, type DemoData, stagesOf } from '../../../src/demo-portal/company.ts';
import type { Row } from '../../../src/demo-portal/filters.ts';

const DAY = 86_400_000;

/** One deal as the test knows it: the open stages it went through (positions), and how it ended. */
export interface KnownDeal {
  id: number;
  title: string;
  manager: number;
  amount: number;
  currency: string;
  /** Positions among the default pipeline's open stages, in order, each with the instant it was entered. */
  path: { position: number; at: number }[];
  outcome: 'won' | 'lost' | 'open';
  /** When it was won or lost. */
  closedAt?: number;
  /** The expected close date, `YYYY-MM-DD` (Moscow). */
  closeDate: string;
  /** Has an activity not yet done. */
  planned?: boolean;
  /** Its latest activity. */
  lastActivity?: number;
}

const OPEN = stagesOf(0).filter((stage) => stage.semantics === 'process');
const WON = stagesOf(0).find((stage) => stage.semantics === 'success')!;
const LOST = stagesOf(0).find((stage) => stage.semantics === 'failure')!;

const moscowDay = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');

/**
 * The history, around `now` (Wednesday 16 December 2026 in the tests): 40 deals closed over the year, each
 * through the first `j % 5 + 1` stages, lost when `j % 4 == 0`; five won this month (one in dollars); one won
 * thirteen months ago (outside the history's year); open deals due this month, later, and already past due.
 */
export function knownDeals(now: number): KnownDeal[] {
  const deals: KnownDeal[] = [];
  let id = 1000;
  const add = (deal: Omit<KnownDeal, 'id' | 'title'>) => {
    id += 1;
    deals.push({ id, title: `Сделка ${id}`, ...deal });
  };
  for (let j = 0; j < 40; j++) {
    const created = now - (60 + 6 * j) * DAY;
    const reach = j % 5;
    const path = Array.from({ length: reach + 1 }, (_, position) => ({
      position,
      at: created + position * (2 + position + (j % 3)) * DAY,
    }));
    const closedAt = path.at(-1)!.at + (3 + (j % 4)) * DAY;
    add({
      manager: j % 2 === 0 ? 3 : 4,
      amount: 100_000 * (1 + (j % 7)),
      currency: 'RUB',
      path,
      outcome: j % 4 === 0 ? 'lost' : 'won',
      closedAt,
      closeDate: moscowDay(closedAt),
    });
  }
  // Won this month (1–16 December), by managers 3 and 4; one in dollars.
  const december = Date.parse('2026-11-30T21:00:00Z');
  const wonNow: [number, number, string, number][] = [
    [3, 1_000_000, 'RUB', 2],
    [3, 2_500_000, 'RUB', 7],
    [4, 700_000, 'RUB', 9],
    [4, 300_000, 'RUB', 15.5],
    [3, 10_000, 'USD', 10],
  ];
  for (const [manager, amount, currency, day] of wonNow) {
    const closedAt = december + day * DAY;
    add({
      manager,
      amount,
      currency,
      path: [{ position: 0, at: closedAt - 20 * DAY }],
      outcome: 'won',
      closedAt,
      closeDate: moscowDay(closedAt),
    });
  }
  // Won thirteen months ago: outside the year the probabilities are learned from.
  const longAgo = now - 400 * DAY;
  add({
    manager: 4,
    amount: 900_000,
    currency: 'RUB',
    path: [{ position: 3, at: longAgo }],
    outcome: 'won',
    closedAt: longAgo + DAY,
    closeDate: moscowDay(longAgo + DAY),
  });
  // Open: due in the rest of December (counted), later or already past (not counted).
  const open: [number, number, string, number, string, boolean][] = [
    [3, 4_000_000, 'RUB', 3, '2026-12-25', true],
    [3, 1_500_000, 'RUB', 1, '2026-12-18', false],
    [4, 2_000_000, 'RUB', 4, '2026-12-31', true],
    [4, 600_000, 'RUB', 0, '2026-12-16', false],
    [3, 800_000, 'RUB', 2, '2026-12-28', true],
    [4, 5_000, 'USD', 2, '2026-12-20', true],
    [3, 3_000_000, 'RUB', 3, '2027-01-15', true],
    [4, 1_200_000, 'RUB', 2, '2026-12-10', false],
  ];
  for (const [manager, amount, currency, position, closeDate, planned] of open) {
    const entered = now - (position === 2 ? 40 : 5) * DAY;
    add({
      manager,
      amount,
      currency,
      path: [...(position > 0 ? [{ position: 0, at: entered - 10 * DAY }] : []), { position, at: entered }],
      outcome: 'open',
      closeDate,
      planned,
      lastActivity: now - (planned ? 2 : 20) * DAY,
    });
  }
  return deals;
}

/** Puts the known deals into the demo portal in place of its own. */
export function plantKnownDeals(data: DemoData, deals: KnownDeal[]): void {
  const template = data.deals[0]!;
  data.deals.length = 0;
  data.stageHistory.length = 0;
  data.activities = data.activities.filter((activity) => String(activity.OWNER_TYPE_ID) !== '2');
  for (const known of deals) {
    const final = known.outcome === 'won' ? WON : known.outcome === 'lost' ? LOST : undefined;
    const current = final ?? OPEN[known.path.at(-1)!.position]!;
    const lastMove = known.closedAt ?? known.path.at(-1)!.at;
    const deal: Row = {
      ...template,
      ID: String(known.id),
      TITLE: known.title,
      CATEGORY_ID: '0',
      STAGE_ID: current.statusId,
      STAGE_SEMANTIC_ID: final ? (known.outcome === 'won' ? 'S' : 'F') : 'P',
      CLOSED: final ? 'Y' : 'N',
      OPPORTUNITY: `${known.amount}.00`,
      CURRENCY_ID: known.currency,
      ASSIGNED_BY_ID: String(known.manager),
      DATE_CREATE: iso(known.path[0]!.at),
      DATE_MODIFY: iso(lastMove),
      MOVED_TIME: iso(lastMove),
      CLOSEDATE: `${known.closeDate}T00:00:00+03:00`,
      LAST_ACTIVITY_TIME: iso(known.lastActivity ?? lastMove),
    };
    data.deals.push(deal);
    for (const [index, { position, at }] of known.path.entries()) {
      addStageHistory(data, deal, OPEN[position]!, index === 0 ? 1 : 2, iso(at));
    }
    if (final && known.closedAt !== undefined) addStageHistory(data, deal, final, 3, iso(known.closedAt));
    if (known.planned) {
      data.activities.push({
        ...(data.activities[0] ?? {}),
        ID: String(90_000 + known.id),
        OWNER_TYPE_ID: '2',
        OWNER_ID: String(known.id),
        COMPLETED: 'N',
        CREATED: iso(known.lastActivity ?? lastMove),
        SUBJECT: 'Звонок клиенту',
      });
    }
  }
}
