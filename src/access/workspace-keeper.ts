// Directors' own workspaces (a portal client, name caches, an assistant) kept in memory while they are used: one
// idle for half an hour is let go, and at most a fixed number stay, the least recently used going first. The next
// message simply builds the workspace again. The map's order is the order of last use.
import { metrics } from '../ops/metrics.ts';

/** A director's own workspace unused this long is let go. */
export const IDLE_WORKSPACE_MS = 30 * 60_000;
/** However busy, no more directors' own workspaces than this are kept at once. */
export const CONNECTED_WORKSPACES_KEPT = 500;

export interface WorkspaceKeeper<T> {
  /** The kept one for `key`, or a new one from `make`; either way it counts as used now. */
  use(key: string, make: () => T): T;
  /** Lets go of every workspace whose key starts with `prefix`. */
  forget(prefix: string): void;
}

export function keepWhileUsed<T>(now: () => Date, kept = CONNECTED_WORKSPACES_KEPT): WorkspaceKeeper<T> {
  const entries = new Map<string, { value: T; usedAt: number }>();
  const letIdleGo = (at: number) => {
    for (const [key, entry] of entries) {
      if (at - entry.usedAt < IDLE_WORKSPACE_MS && entries.size <= kept) break;
      entries.delete(key);
    }
    metrics.connectedWorkspaces.set(entries.size);
  };
  return {
    use(key, make) {
      const at = now().getTime();
      const value = entries.get(key)?.value ?? make();
      entries.delete(key);
      entries.set(key, { value, usedAt: at });
      letIdleGo(at);
      return value;
    },
    forget(prefix) {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
      metrics.connectedWorkspaces.set(entries.size);
    },
  };
}
