// What the page receives: every text already written (money, plurals, dates) and guarded on the server, plus
// the plain numbers its charts need. Shared by the server (present.ts) and the page (types only).

/** A question the page sends back to list what a number counts; opaque to the page. */
export type ListAsk = Record<string, unknown>;

export interface Figure {
  label: string;
  value: string;
  detail?: string;
  list?: ListAsk;
}

export interface StageBar {
  name: string;
  count: number;
  /** The stage's sum in the main currency, for the chart. */
  sum: number;
  countText: string;
  sumText: string;
  list: ListAsk;
}

export interface PersonRow {
  name: string;
  value: string;
  detail?: string;
  /** The manager's fact against their own plan, when one is set: «38% плана 12 000 000 ₽». */
  plan?: string;
  amount: number;
  list: ListAsk;
  chosen?: boolean;
}

export interface LinkRow {
  label: string;
  detail?: string;
  href?: string;
}

export type PeriodChoice = 'month' | 'lastMonth' | 'quarter' | 'custom';

export interface DashboardPayload {
  language: 'ru' | 'en';
  texts: Record<string, string>;
  periodText: string;
  filters: {
    period: PeriodChoice;
    from: string;
    to: string;
    managerId?: number;
    managers: { id: number; name: string }[];
  };
  earned: Figure;
  /** The note says when no plan is set; the forecast may still stand. */
  plan: { figures: Figure[]; note?: string };
  funnel: { total: string; stages: StageBar[] };
  leaders: PersonRow[];
  overdue: PersonRow[];
  meetings: LinkRow[];
  /** The heaviest few, under how many there are in all and their sum. */
  atRisk?: { total: string; deals: LinkRow[] };
  alerts?: LinkRow[];
  /** The parts still being read (a big portal's whole lists of deals): the page shows the rest meanwhile. */
  pending: ('funnel' | 'plan' | 'atRisk')[];
}

/** The list behind a number: the chat's own answer, as guarded Telegram HTML. */
export interface ListPayload {
  html: string;
  /** Where the next part starts, when there is one. */
  next?: number;
}

/** A refusal or a failure: one sentence, no data. */
export interface Refusal {
  message: string;
}
