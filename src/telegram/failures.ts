// What can go wrong between the bot and Telegram, and how patient to be: a time limit on every call, network
// failures retried with a back-off that never grows past about a minute, and the two failures that mean the
// bot must stop (409: a second copy polls with the same token; 401: the token was revoked).
import { GrammyError, HttpError, type Transformer } from 'grammy';

/** The one log line for a failure that stops the bot, or undefined when it is not one of those. */
export function fatalTelegramLine(error: unknown): string | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  if (error.error_code === 409) return 'another copy of this bot is running';
  if (error.error_code === 401) return 'the bot token was revoked';
  return undefined;
}

export interface TelegramPatience {
  /** One call's time limit (default 30 s); a long poll gets its own `timeout` on top. */
  callTimeoutMs?: number;
  /** The first wait after a network failure (default 1 s); it doubles up to `maxBackoffMs`. */
  firstBackoffMs?: number;
  /** The longest wait between two tries (default 60 s): after an outage the bot hears again within a minute. */
  maxBackoffMs?: number;
  /** Tries after a network failure for calls other than polling (default 2); polling tries for ever. */
  retries?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Innermost: every call is cut off after its time limit (grammY's own default is 500 s). */
export function timeLimit(options: TelegramPatience = {}): Transformer {
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  return async (prev, method, payload, signal) => {
    const poll = method === 'getUpdates' ? Number((payload as { timeout?: number }).timeout ?? 0) * 1000 : 0;
    // One controller for both the caller's signal (stopping) and the limit. grammY's signals come from a shim
    // that AbortSignal.any does not follow, so the caller's is listened to by hand.
    const limit = new AbortController();
    const timer = setTimeout(() => limit.abort(), callTimeoutMs + poll);
    const abort = () => limit.abort();
    signal?.addEventListener('abort', abort);
    if (signal?.aborted) limit.abort();
    try {
      return await prev(method, payload, limit.signal as unknown as typeof signal);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  };
}

/** Outermost: a network failure is tried again, waiting 1 s, 2 s, 4 s … never more than about a minute. */
export function cappedRetry(options: TelegramPatience = {}): Transformer {
  const first = options.firstBackoffMs ?? 1_000;
  const cap = options.maxBackoffMs ?? 60_000;
  const retries = options.retries ?? 2;
  const sleep = options.sleep ?? wait;
  return async (prev, method, payload, signal) => {
    let delay = first;
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        const polling = method === 'getUpdates';
        if (!(error instanceof HttpError) || signal?.aborted || (!polling && attempt >= retries)) throw error;
        await sleep(delay, signal as unknown as AbortSignal | undefined);
        delay = Math.min(cap, delay * 2);
      }
    }
  };
}
