// The deal alerts that need what was seen before: a watched client's deal moved back to an earlier stage or
// stalled (no stage change for two weeks), and a hot deal's close date moved again. What was seen is kept per
// portal and deal (DealState); a deal seen for the first time is only kept, never told.
import type { DealState } from '../storage/alerts.ts';
import type { AlertFacts } from './decisions.ts';
import { type AlertSettings, wants } from './settings.ts';
import type { Stage } from './stages.ts';

/** What a deal rule knows beside the deal: what was seen of it before, and its pipeline's stages. */
export interface DealHistory {
  earlier: DealState | undefined;
  stages: ReadonlyMap<string, Stage>;
}

export interface DealMove {
  kind: 'dealSlipped' | 'closeDateMoved';
  change: string;
  facts: Partial<AlertFacts>;
}

/** A deal without a stage change this long has stalled; it is told when it crosses the line, not days later. */
export const STALL_DAYS = 14;
const DAY_MS = 24 * 60 * 60_000;
const CROSSED_MS = 2 * 60 * 60_000;
/** A deal this likely to close is hot whatever its stage. */
const HOT_PROBABILITY = 70;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const dayOf = (value: unknown) => text(value).slice(0, 10);

/** A watched client: one with a deal at or over the sum the director hears deals from (a key client). */
function watched(row: Record<string, unknown>, settings: AlertSettings): boolean {
  const client = Number(row.COMPANY_ID ?? 0) > 0 || Number(row.CONTACT_ID ?? 0) > 0;
  return client && Number(row.OPPORTUNITY ?? 0) >= settings.wonFrom;
}

function slipped(row: Record<string, unknown>, history: DealHistory, now: Date): DealMove | undefined {
  const stage = history.stages.get(text(row.STAGE_ID));
  const before = history.earlier && history.stages.get(history.earlier.stageId);
  if (stage && before && before.sort > stage.sort) {
    return {
      kind: 'dealSlipped',
      change: `back:${stage.id}:${text(row.MOVED_TIME)}`,
      facts: { from: before.name, to: stage.name },
    };
  }
  const still = now.getTime() - Date.parse(text(row.MOVED_TIME));
  if (still >= STALL_DAYS * DAY_MS && still - STALL_DAYS * DAY_MS <= CROSSED_MS) {
    return {
      kind: 'dealSlipped',
      change: `stalled:${text(row.MOVED_TIME)}`,
      facts: { to: stage?.name ?? '', days: Math.floor(still / DAY_MS) },
    };
  }
  return undefined;
}

function closeMovedAgain(row: Record<string, unknown>, history: DealHistory): DealMove | undefined {
  const { earlier } = history;
  const close = dayOf(row.CLOSEDATE);
  if (!earlier || close === '' || close === earlier.closeDate || earlier.closeMoves < 1) return undefined;
  const hot = Number(row.PROBABILITY ?? 0) >= HOT_PROBABILITY || history.stages.get(text(row.STAGE_ID))?.late === true;
  if (!hot) return undefined;
  return { kind: 'closeDateMoved', change: `close:${close}`, facts: { at: close, from: earlier.closeDate } };
}

/** What an open deal's change is to this director: at most one move of each kind. */
export function dealMoves(
  row: Record<string, unknown>,
  history: DealHistory,
  settings: AlertSettings,
  now: Date,
): DealMove[] {
  if (text(row.STAGE_SEMANTIC_ID) !== 'P') return [];
  const moves: DealMove[] = [];
  const slide = wants(settings, 'dealSlipped') && watched(row, settings) ? slipped(row, history, now) : undefined;
  if (slide) moves.push(slide);
  const close = wants(settings, 'closeDateMoved') ? closeMovedAgain(row, history) : undefined;
  if (close) moves.push(close);
  return moves;
}

/** What is kept of the deal now: its stage's place, and its close date with one more move when it moved. */
export function dealStateOf(row: Record<string, unknown>, history: DealHistory): DealState {
  const { earlier } = history;
  const stageId = text(row.STAGE_ID);
  const closeDate = dayOf(row.CLOSEDATE);
  const moved = earlier !== undefined && closeDate !== earlier.closeDate;
  return {
    dealId: Number(row.ID),
    stageId,
    stageSort: history.stages.get(stageId)?.sort ?? earlier?.stageSort ?? 0,
    closeDate,
    closeMoves: (earlier?.closeMoves ?? 0) + (moved ? 1 : 0),
  };
}
