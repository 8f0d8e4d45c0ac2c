// What the operator sees of the Telegram side: one log line and a histogram sample per update, and a count of
// the Bot API calls auto-retry had to repeat.
import type { Context, MiddlewareFn, Transformer } from 'grammy';
import type { Logger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';

const kindOf = (ctx: Context) => Object.keys(ctx.update).find((key) => key !== 'update_id') ?? 'unknown';

/** First in the chain, so the time includes waiting behind the same chat's earlier updates. */
export function timeUpdates(logger: Logger): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round(performance.now() - started);
      const kind = kindOf(ctx);
      metrics.updatesHandled.inc({ kind });
      metrics.answerSeconds.observe({ kind }, ms / 1000);
      logger.info('update handled', { updateId: ctx.update.update_id, kind, ms });
    }
  };
}

/**
 * Installed before auto-retry, so it sees each attempt: auto-retry repeats a call with the same payload object,
 * and a payload seen before is a retry.
 */
export function countRetries(): Transformer {
  const attempted = new WeakSet<object>();
  return (prev, method, payload, signal) => {
    if (payload && typeof payload === 'object') {
      if (attempted.has(payload)) metrics.telegramRetries.inc();
      else attempted.add(payload);
    }
    return prev(method, payload, signal);
  };
}
