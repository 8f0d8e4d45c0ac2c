// The dashboard's answers, kept a minute per director and filters: reopening the page or going back to a filter
// costs the portal nothing. Kept in memory only, and only the director who asked is ever served from it.
import type { DirectorRecord } from '../storage/directors.ts';
import type { DashboardFilters } from './data.ts';
import type { DashboardPayload } from './page/payload.ts';

export const DASHBOARD_CACHE_MS = 60_000;

export function createDashboardCache(now: () => Date, ttlMs = DASHBOARD_CACHE_MS) {
  const kept = new Map<string, { at: number; payload: Promise<DashboardPayload> }>();
  return {
    async get(
      director: DirectorRecord,
      filters: DashboardFilters,
      read: () => Promise<DashboardPayload>,
    ): Promise<DashboardPayload> {
      const at = now().getTime();
      for (const [key, entry] of kept) if (at - entry.at >= ttlMs) kept.delete(key);
      // The portal user and language are part of the key: a changed mapping or language is a new answer.
      const key = JSON.stringify([director.telegramUserId, director.portalUserId, director.language, filters]);
      const entry = kept.get(key);
      if (entry) return entry.payload;
      const payload = read();
      kept.set(key, { at, payload });
      // A failed read is not kept: the next request tries the portal again.
      payload.catch(() => kept.delete(key));
      return payload;
    },
  };
}
