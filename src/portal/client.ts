// The real portal adapter: one HTTP request per call or batch, through the shared leaky bucket,
// with retries that never repeat a write the portal may already have done.
import pRetry, { AbortError } from 'p-retry';
import { request } from 'undici';
import { type Logger, redact, silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import { commandOfQuery, emptyBatchResult, mergeBatchReply, planBatch } from './batch.ts';
import { type BucketSource, DEFAULT_RATE_LIMIT, type RateLimit, sharedBucket } from './bucket.ts';
import { PortalError } from './errors.ts';
import { listAll } from './list.ts';
import type { BatchCommand, BatchOptions, BatchResult, CallResult, Params, PortalClient } from './port.ts';
import { batchCommandError, readReply } from './reply.ts';
import { type Safety, safetyOf } from './safety.ts';
import type { TokenSource } from './tokens.ts';
import { maskedAddress, parseWebhookAddress } from './webhook-address.ts';

interface ClientSettings {
  /** Our side of the portal's request limit (default 2 a second, burst 50). */
  rateLimit?: RateLimit;
  /** Where that limit is counted: in this process (default), or in the database all instances share. */
  buckets?: BucketSource;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  logger?: Logger;
  /** First backoff delay (default 500 ms); it doubles with each retry, with jitter. */
  retryDelayMs?: number;
}

export interface PortalClientOptions extends ClientSettings {
  webhookUrl: string;
}

/** A director's own connection (the Bitrix24 application): their portal's REST address and their tokens. */
export interface ConnectedPortalOptions extends ClientSettings {
  /** `client_endpoint` from the authorization server, e.g. `https://company.bitrix24.ru/rest/`. */
  endpoint: string;
  /** The portal user the tokens act for (shown in logs; the secret never is). */
  portalUserId: number;
  tokens: TokenSource;
}

/** How requests reach one portal: the address a method name is appended to, and what signs them. */
interface Target {
  base: string;
  origin: string;
  /** Safe to log and show. */
  shown: string;
  description: string;
  /** The portal limits each webhook, and each application, on its own. */
  bucketKey: string;
  /** The webhook's secret; for a connection the tokens, which change, are masked as they are used. */
  secrets: string[];
  tokens?: TokenSource;
}

/** Exactly what a call would send, the secret masked: for dry runs and refusals. */
export interface RequestPreview {
  safety: Safety;
  httpMethod: 'POST';
  url: string;
  body: Params;
}

export interface WebhookPortalClient extends PortalClient {
  preview(method: string, params?: Params): RequestPreview;
  previewBatch(commands: Record<string, BatchCommand>, options?: BatchOptions): RequestPreview[];
}

// Failures that happen before a single byte reaches the portal: safe to repeat even for a write.
const neverSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

// A rate-limit reset further away than this is not waited for: the caller hears at once.
const maxRetryWaitMs = 30_000;

const methodName = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPortalClient(options: PortalClientOptions): WebhookPortalClient {
  const address = parseWebhookAddress(options.webhookUrl);
  return buildClient(
    {
      base: address.base,
      origin: address.origin,
      shown: maskedAddress(address),
      description: `Bitrix24 portal ${address.origin}, webhook user ${address.userId}`,
      bucketKey: `${address.origin}|${address.userId}`,
      secrets: [address.secret],
    },
    options,
  );
}

/** The client of one director's own connection: every call signed with their access token, renewed as needed. */
export function createConnectedPortalClient(options: ConnectedPortalOptions): PortalClient {
  const endpoint = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
  const origin = new URL(endpoint).origin;
  return buildClient(
    {
      base: endpoint,
      origin,
      shown: endpoint,
      description: `Bitrix24 portal ${origin}, connected user ${options.portalUserId}`,
      bucketKey: `${origin}|application`,
      secrets: [],
      tokens: options.tokens,
    },
    options,
  );
}

function buildClient(target: Target, options: ClientSettings): WebhookPortalClient {
  const shown = target.shown;
  const secrets = target.secrets;
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const bucket = (options.buckets ?? sharedBucket)(target.bucketKey, limit);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const logger = (options.logger ?? silentLogger).child({ portal: shown });
  // The logger masks webhook addresses; a method name or a portal's text could still hold the bare secret.
  const note = (level: 'debug' | 'warn', message: string, fields: Record<string, string | number>) =>
    logger[level](
      message,
      Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? redact(value, secrets) : value]),
      ),
    );
  const operatingResetAt = new Map<string, number>();

  const clean = (error: PortalError, token?: string) =>
    new PortalError(
      error.kind,
      error.code,
      redact(error.message, token ? [...secrets, token] : secrets),
      error.details,
    );

  function checkName(method: string): void {
    if (!methodName.test(method)) {
      throw new PortalError('unknownMethod', 'BAD_METHOD_NAME', `"${redact(method, secrets)}" is not a method name`, {
        method: redact(method, secrets),
      });
    }
  }

  // A batch handed in whole (the model's reads, the CLI) carries its commands as `method?query` text.
  function checkBatchText(method: string, params: Params): void {
    if (method.trim().toLowerCase() !== 'batch' || typeof params.cmd !== 'object' || params.cmd === null) return;
    for (const text of Object.values(params.cmd)) if (typeof text === 'string') checkName(commandOfQuery(text).method);
  }

  async function attempt(method: string, body: Params, token?: string): Promise<CallResult | PortalError> {
    metrics.portalRequests.inc();
    const reply = await attemptOnce(method, body, token);
    if (reply instanceof PortalError) metrics.portalErrors.inc({ kind: reply.kind });
    return reply;
  }

  async function attemptOnce(method: string, body: Params, token?: string): Promise<CallResult | PortalError> {
    const signal = AbortSignal.timeout(timeoutMs);
    const startedAt = Date.now();
    try {
      const response = await request(`${target.base}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(token === undefined ? body : { ...body, auth: token }),
        signal,
      });
      const text = await response.body.text();
      note('debug', 'portal reply', { method, status: response.statusCode, ms: Date.now() - startedAt });
      const reply = readReply(response.statusCode, text, {
        method,
        status: response.statusCode,
        now: Date.now(),
        operatingResetAt: operatingResetAt.get(method),
        rateRetryMs: Math.ceil(1000 / limit.perSecond),
      });
      if (!(reply instanceof PortalError) && reply.time?.operating_reset_at) {
        operatingResetAt.set(method, reply.time.operating_reset_at);
      }
      return reply instanceof PortalError ? clean(reply, token) : reply;
    } catch (error) {
      if (signal.aborted) {
        const message = `${method}: the portal did not answer within ${timeoutMs} ms`;
        return new PortalError('unavailable', 'TIMEOUT', message, { method });
      }
      const code = String((error as { code?: unknown }).code ?? 'NETWORK');
      return new PortalError('unavailable', code, `${method}: could not reach ${target.origin} (${code})`, { method });
    }
  }

  function worthRetrying(error: PortalError, safety: Safety): boolean {
    if (error.kind === 'rateLimited') return (error.details.retryAfterMs ?? 0) <= maxRetryWaitMs;
    if (neverSent.has(error.code)) return true;
    // A fault after the request went out may mean the write happened: only reads are repeated.
    return safety === 'read' && error.kind === 'unavailable';
  }

  /**
   * One attempt; for a connection, signed with the director's token, and once more with a renewed token when the
   * portal refuses the first (expired_token): a refused authorization means the method did not run.
   */
  async function signedAttempt(method: string, body: Params): Promise<CallResult | PortalError> {
    const tokens = target.tokens;
    if (!tokens) return attempt(method, body);
    try {
      const token = await tokens.current();
      const reply = await attempt(method, body, token);
      if (!(reply instanceof PortalError) || reply.kind !== 'authorization') return reply;
      note('debug', 'access token refused, renewing', { method, code: reply.code });
      return await attempt(method, body, await tokens.renew(token));
    } catch (error) {
      // The authorization server down, or the connection ended: the caller decides, as for any refusal.
      if (error instanceof PortalError) return error;
      throw error;
    }
  }

  async function send(method: string, body: Params, safety: Safety): Promise<CallResult> {
    return pRetry(
      async () => {
        await bucket.take();
        const reply = await signedAttempt(method, body);
        if (!(reply instanceof PortalError)) return reply;
        if (reply.code === 'QUERY_LIMIT_EXCEEDED') bucket.fill();
        // A refusal by rate limit means the portal did not run the method, so even a write may go again.
        if (!worthRetrying(reply, safety)) throw new AbortError(reply);
        throw reply;
      },
      {
        retries,
        factor: 2,
        minTimeout: retryDelayMs,
        maxTimeout: 15_000,
        randomize: true,
        onFailedAttempt: async (error) => {
          const wait = error instanceof PortalError ? (error.details.retryAfterMs ?? 0) : 0;
          if (error.retriesLeft <= 0) return;
          note('warn', 'portal call failed, retrying', {
            method,
            error: error.message,
            retriesLeft: error.retriesLeft,
          });
          if (wait > 0) await sleep(wait);
        },
      },
    );
  }

  function previewOf(method: string, params: Params): RequestPreview {
    return { safety: safetyOf(method, params), httpMethod: 'POST', url: `${shown}${method}`, body: params };
  }

  const client: WebhookPortalClient = {
    async call<T>(method: string, params: Params = {}) {
      checkName(method);
      checkBatchText(method, params);
      return (await send(method, params, safetyOf(method, params))) as CallResult<T>;
    },

    async batch(commands: Record<string, BatchCommand>, batchOptions: BatchOptions = {}): Promise<BatchResult> {
      for (const command of Object.values(commands)) checkName(command.method);
      const requests = planBatch(commands);
      const outcome = emptyBatchResult();
      for (const cmd of requests) {
        const body = { halt: batchOptions.halt ? 1 : 0, cmd };
        const reply = await send('batch', body, safetyOf('batch', body));
        if (!mergeBatchReply(outcome, reply.result, cmd)) {
          throw new PortalError('unavailable', 'BAD_ENVELOPE', "batch: the portal's answer is not a batch answer", {
            method: 'batch',
          });
        }
        if (batchOptions.halt && Object.keys(outcome.errors).length > 0) break;
      }
      return outcome;
    },

    async list<T>(method: string, params: Params = {}, listOptions: { maxItems?: number } = {}) {
      checkName(method);
      const items = await listAll(
        {
          call: (name, pageParams) => client.call(name, pageParams),
          batch: (commands) => client.batch(commands),
          fail: (name, error) => {
            throw clean(batchCommandError(error, name));
          },
        },
        method,
        params,
        listOptions.maxItems,
      );
      return items as T[];
    },

    preview(method: string, params: Params = {}) {
      checkName(method);
      return previewOf(method, params);
    },

    previewBatch(commands: Record<string, BatchCommand>, batchOptions: BatchOptions = {}) {
      return planBatch(commands).map((cmd) => previewOf('batch', { halt: batchOptions.halt ? 1 : 0, cmd }));
    },

    toString: () => target.description,
    origin: target.origin,
  };
  return client;
}
