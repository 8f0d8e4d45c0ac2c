// What the stage history of the last 12 months says about each open stage.
// Definition: a stage's probability is, of the deals that reached it in the last 12 months and are now closed,
// the share that were won. Fewer than 10 such deals: the default 10 / 25 / 40 / 60 / 80% by the stage's
// position among its pipeline's open stages, and the estimate is rough. The usual time in a stage is the
// median of the finished stays in it (a stay ends with the deal's next move), over the same history.

import type { Stage } from '../names.ts';
import { instantOf } from '../schedule/day-window.ts';

/** Below this many closed deals behind a stage, its probability is the default one. */
export const FEW_DEALS = 10;
export const DEFAULT_PROBABILITIES = [0.1, 0.25, 0.4, 0.6, 0.8] as const;
/** How far back the history is read. */
export const HISTORY_MONTHS = 12;

export interface StageOdds {
  stageId: string;
  /** 0…1. */
  probability: number;
  /** Closed deals that reached the stage: how much the probability stands on. */
  closedDeals: number;
  won: number;
  /** The default by position: too few deals behind it. */
  rough: boolean;
  /** Median days of a finished stay in the stage; undefined when the history has none. */
  usualDays?: number;
}

export type StageOddsTable = Map<string, StageOdds>;

/** The default probability of an open stage by its position among its pipeline's open stages (first 10%, last 80%). */
export function defaultProbability(position: number, openStages: number): number {
  if (openStages <= 1) return DEFAULT_PROBABILITIES[0];
  const last = DEFAULT_PROBABILITIES.length - 1;
  return DEFAULT_PROBABILITIES[Math.round((position * last) / (openStages - 1))] ?? DEFAULT_PROBABILITIES[0];
}

const DAY_MS = 86_400_000;

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** One move of a deal, as the odds need it. */
export interface StageEntry {
  id: number;
  dealId: number;
  stageId: string;
  /** S won, F lost, P in progress. */
  semantic: string;
  /** Epoch ms. */
  at: number;
}

/**
 * The history's rows read straight into moves: a year of a big portal's history is tens of thousands of rows,
 * and a schema check of each took longer than the rest of the forecast. A row without an owner or a time is left out.
 */
export function stageEntriesOf(items: readonly unknown[]): StageEntry[] {
  const entries: StageEntry[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const row = item as Record<string, unknown>;
    const dealId = Number(row.OWNER_ID);
    const at = instantOf(typeof row.CREATED_TIME === 'string' ? row.CREATED_TIME : undefined);
    if (!Number.isInteger(dealId) || !Number.isFinite(at)) continue;
    entries.push({
      id: Number(row.ID) || 0,
      dealId,
      stageId: String(row.STAGE_ID ?? ''),
      semantic: String(row.STAGE_SEMANTIC_ID ?? 'P'),
      at,
    });
  }
  return entries;
}

/** Each deal's moves, oldest first. */
function pathsOf(history: readonly StageEntry[]): Map<number, StageEntry[]> {
  const paths = new Map<number, StageEntry[]>();
  for (const entry of history) listIn(paths, entry.dealId).push(entry);
  for (const entries of paths.values()) entries.sort((a, b) => a.at - b.at || a.id - b.id);
  return paths;
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Probabilities and usual days of every open stage, from the history of the last 12 months. */
export function stageOdds(history: readonly StageEntry[], stages: readonly Stage[]): StageOddsTable {
  const reached = new Map<string, { closed: number; won: number }>();
  const stays = new Map<string, number[]>();
  for (const entries of pathsOf(history).values()) {
    const outcome = entries.at(-1)?.semantic;
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const next = entries[index + 1];
      if (next) {
        listIn(stays, entry.stageId).push((next.at - entry.at) / DAY_MS);
      }
      if (seen.has(entry.stageId)) return;
      seen.add(entry.stageId);
      if (outcome !== 'S' && outcome !== 'F') return;
      const count = reached.get(entry.stageId) ?? { closed: 0, won: 0 };
      count.closed += 1;
      if (outcome === 'S') count.won += 1;
      reached.set(entry.stageId, count);
    });
  }
  const table: StageOddsTable = new Map();
  for (const pipelineStages of byPipeline(stages)) {
    pipelineStages.forEach((stage, position) => {
      const { closed, won } = reached.get(stage.id) ?? { closed: 0, won: 0 };
      const rough = closed < FEW_DEALS;
      const usual = median(stays.get(stage.id) ?? []);
      table.set(stage.id, {
        stageId: stage.id,
        probability: rough ? defaultProbability(position, pipelineStages.length) : won / closed,
        closedDeals: closed,
        won,
        rough,
        ...(usual === undefined ? {} : { usualDays: usual }),
      });
    });
  }
  return table;
}

/** Each pipeline's open stages in their order. */
function byPipeline(stages: readonly Stage[]): Stage[][] {
  const pipelines = new Map<number, Stage[]>();
  for (const stage of stages) {
    if (stage.semantics !== 'process') continue;
    listIn(pipelines, stage.categoryId).push(stage);
  }
  return [...pipelines.values()].map((list) => list.sort((a, b) => a.sort - b.sort));
}
