// The one metrics registry (Prometheus, prom-client). Each part increments the named counter it owns; the
// operator listener's /metrics reads them all. Counters are process-wide, like the process they describe.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RouteHandler } from './listener.ts';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const counter = (name: string, help: string, labelNames: string[] = []) =>
  new Counter({ name, help, labelNames, registers: [registry] });

export const metrics = {
  /** Telegram updates the bot finished, by kind (message, callback_query, …). */
  updatesHandled: counter('assistant_updates_handled_total', 'Telegram updates handled', ['kind']),
  /** From an update's arrival to the bot being done with it. */
  answerSeconds: new Histogram({
    name: 'assistant_answer_seconds',
    help: 'Time from a Telegram update to the answer sent',
    labelNames: ['kind'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 60],
    registers: [registry],
  }),
  portalRequests: counter('assistant_portal_requests_total', 'HTTP requests to Bitrix24 portals'),
  /** By the portal error's kind (unavailable, rateLimited, authorization, …). */
  portalErrors: counter('assistant_portal_errors_total', 'Failed portal requests, by kind', ['kind']),
  /** outcome: ok or failed. */
  modelCalls: counter('assistant_model_calls_total', 'Chat-completion requests to the model', ['outcome']),
  /** type: prompt or completion, as the model service reports them. */
  modelTokens: counter('assistant_model_tokens_total', 'Tokens the model service reported', ['type']),
  /** outcome: sent, skipped (nothing to say), failed, missed. */
  digests: counter('assistant_digests_total', 'Digest slots finished, by outcome', ['outcome']),
  /** outcome: confirmed (the write ran after a tap), expired (tapped too late). */
  proposals: counter('assistant_proposals_total', 'Write proposals answered, by outcome', ['outcome']),
  telegramRetries: counter('assistant_telegram_retries_total', 'Telegram Bot API calls repeated after a 429 or 5xx'),
  /** Directors' own workspaces (portal client, name caches) held in memory now; idle ones are let go. */
  connectedWorkspaces: new Gauge({
    name: 'assistant_connected_workspaces',
    help: 'Directors’ own portal workspaces kept in memory',
    registers: [registry],
  }),
};

/** GET /metrics in Prometheus' text format. */
export const metricsRoute: RouteHandler = async (_request, response) => {
  const body = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType }).end(body);
};
