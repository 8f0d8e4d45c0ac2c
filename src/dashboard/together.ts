// The dashboard asks several questions at once; each scenario sends its reads as one batch. Batches started in
// the same turn of the event loop go to the portal as one request (up to the portal's 50 commands), so the
// whole dashboard costs about as much as one view.
import type { BatchCommand, BatchOptions, BatchResult, ListOptions, Params, PortalClient } from '../portal/port.ts';

/** Commands in one batch request (the portal refuses more). */
const BATCH_LIMIT = 50;

interface Waiting {
  commands: Record<string, BatchCommand>;
  resolve(result: BatchResult): void;
  reject(error: unknown): void;
}

/** `$result[name]` references inside a command follow its renamed neighbours. */
function renamed(value: unknown, prefix: string, names: Set<string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\$result\[([^\]]+)\]/g, (whole, name: string) =>
      names.has(name) ? `$result[${prefix}${name}]` : whole,
    );
  if (Array.isArray(value)) return value.map((item) => renamed(item, prefix, names));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renamed(item, prefix, names)]));
  return value;
}

/** One caller's share of the merged reply, under its own names again. */
function shareOf(reply: BatchResult, prefix: string): BatchResult {
  const own = <T>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, value]) => [name.slice(prefix.length), value]),
    );
  return { results: own(reply.results), errors: own(reply.errors), totals: own(reply.totals), nexts: own(reply.nexts) };
}

async function sendMerged(portal: PortalClient, group: Waiting[]): Promise<void> {
  if (group.length === 1) {
    const [only] = group as [Waiting];
    return portal.batch(only.commands).then(only.resolve, only.reject);
  }
  const merged: Record<string, BatchCommand> = {};
  group.forEach((waiting, index) => {
    const names = new Set(Object.keys(waiting.commands));
    for (const [name, command] of Object.entries(waiting.commands))
      merged[`q${index}_${name}`] = {
        method: command.method,
        params: renamed(command.params ?? {}, `q${index}_`, names) as Params,
      };
  });
  try {
    const reply = await portal.batch(merged);
    for (const [index, waiting] of group.entries()) waiting.resolve(shareOf(reply, `q${index}_`));
  } catch (error) {
    for (const waiting of group) waiting.reject(error);
  }
}

/** The same portal, its batches of one moment merged into as few requests as the portal allows. */
export function batchedTogether(portal: PortalClient): PortalClient {
  let waiting: Waiting[] = [];
  const flush = () => {
    const all = waiting;
    waiting = [];
    // A caller's commands stay in one request: their references point at each other.
    const groups: Waiting[][] = [];
    let size = BATCH_LIMIT;
    for (const one of all) {
      const count = Object.keys(one.commands).length;
      if (size + count > BATCH_LIMIT) groups.push([]);
      size = size + count > BATCH_LIMIT ? count : size + count;
      groups.at(-1)!.push(one);
    }
    for (const group of groups) void sendMerged(portal, group);
  };
  const batch = (commands: Record<string, BatchCommand>, options?: BatchOptions): Promise<BatchResult> => {
    if (options?.halt || Object.keys(commands).length >= BATCH_LIMIT) return portal.batch(commands, options);
    return new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ commands, resolve, reject });
    });
  };
  return {
    call: <T>(method: string, params?: Params) => portal.call<T>(method, params),
    batch,
    list: <T>(method: string, params?: Params, options?: ListOptions) => portal.list<T>(method, params, options),
    toString: () => portal.toString(),
    ...(portal.origin ? { origin: portal.origin } : {}),
  };
}
