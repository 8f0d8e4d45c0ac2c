// The real portal adapter: one HTTP request per call or batch, through the shared leaky bucket,
// with retries that never repeat a write the portal may already have done.
import pRetry, { AbortError } from 'p-retry';
import { request } from 'undici';
import { cappedText } from '../capped-body.ts';
import { type Logger, redact, silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { LeakyBucket, RateLimit } from '../storage/instances.ts';
import { commandOfQuery, emptyBatchResult, mergeBatchReply, planBatch } from './batch.ts';
import { type BucketSource, DEFAULT_RATE_LIMIT, paced, sharedBucket } from './bucket.ts';
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
  /** A reply longer than this is refused while it arrives (default MAX_REPLY_BYTES). */
  maxReplyBytes?: number;
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
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const note = maskedNotes((options.logger ?? silentLogger).child({ portal: target.shown }), target.secrets);
  const request = requestsTo(
    target,
    { limit, timeoutMs: options.timeoutMs ?? 30_000, maxReplyBytes: options.maxReplyBytes ?? MAX_REPLY_BYTES },
    note,
  );
  const send = retriedSends(
    (options.buckets ?? sharedBucket)(target.bucketKey, paced(limit)),
    signedRequests(target.tokens, request, note),
    { retries: options.retries ?? 4, retryDelayMs: options.retryDelayMs ?? 500 },
    note,
  );
  return clientOver(target, send);
}

type Note = (level: 'debug' | 'warn', message: string, fields: Record<string, string | number>) => void;
/** One HTTP request; a refusal or a failure comes back as a PortalError, never thrown. */
type Request = (method: string, body: Params, token?: string) => Promise<CallResult | PortalError>;
/** A call through the bucket, retried as far as it is safe. */
type Send = (method: string, body: Params, safety: Safety) => Promise<CallResult>;

/** The logger masks webhook addresses; a method name or a portal's text could still hold the bare secret. */
function maskedNotes(logger: Logger, secrets: string[]): Note {
  return (level, message, fields) =>
    logger[level](
      message,
      Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? redact(value, secrets) : value]),
      ),
    );
}

const withoutSecrets = (error: PortalError, secrets: string[], token?: string) =>
  new PortalError(error.kind, error.code, redact(error.message, token ? [...secrets, token] : secrets), error.details);

function checkName(method: string, secrets: string[]): void {
  if (!methodName.test(method)) {
    throw new PortalError('unknownMethod', 'BAD_METHOD_NAME', `"${redact(method, secrets)}" is not a method name`, {
      method: redact(method, secrets),
    });
  }
}

// A batch handed in whole (the model's reads, the CLI) carries its commands as `method?query` text.
function checkBatchText(method: string, params: Params, secrets: string[]): void {
  if (method.trim().toLowerCase() !== 'batch' || typeof params.cmd !== 'object' || params.cmd === null) return;
  for (const text of Object.values(params.cmd)) {
    if (typeof text === 'string') checkName(commandOfQuery(text).method, secrets);
  }
}

/** Requests to the portal's address, counted in the metrics, with the operating-time resets it announced. */
function requestsTo(
  target: Target,
  { limit, timeoutMs, maxReplyBytes }: { limit: RateLimit; timeoutMs: number; maxReplyBytes: number },
  note: Note,
): Request {
  const operatingResetAt = new Map<string, number>();
  const once: Request = async (method, body, token) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const startedAt = Date.now();
    try {
      const response = await request(`${target.base}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(token === undefined ? body : { ...body, auth: token }),
        signal,
      });
      const text = await cappedText(response, maxReplyBytes);
      if (text === undefined) {
        const message = `${method}: the portal's reply is longer than ${maxReplyBytes} bytes`;
        note('warn', 'portal reply refused: too long', { method, maxReplyBytes });
        return new PortalError('unavailable', REPLY_TOO_LONG, message, { method, status: response.statusCode });
      }
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
      return reply instanceof PortalError ? withoutSecrets(reply, target.secrets, token) : reply;
    } catch (error) {
      if (signal.aborted) {
        const message = `${method}: the portal did not answer within ${timeoutMs} ms`;
        return new PortalError('unavailable', 'TIMEOUT', message, { method });
      }
      const code = String((error as { code?: unknown }).code ?? 'NETWORK');
      return new PortalError('unavailable', code, `${method}: could not reach ${target.origin} (${code})`, { method });
    }
  };
  return async (method, body, token) => {
    metrics.portalRequests.inc();
    const reply = await once(method, body, token);
    if (reply instanceof PortalError) metrics.portalErrors.inc({ kind: reply.kind });
    return reply;
  };
}

/**
 * For a connection, each request signed with the director's token, and once more with a renewed token when the
 * portal refuses the first (expired_token): a refused authorization means the method did not run.
 */
function signedRequests(tokens: TokenSource | undefined, request: Request, note: Note): Request {
  if (!tokens) return request;
  return async (method, body) => {
    try {
      const token = await tokens.current();
      const reply = await request(method, body, token);
      if (!(reply instanceof PortalError) || reply.kind !== 'authorization') return reply;
      note('debug', 'access token refused, renewing', { method, code: reply.code });
      return await request(method, body, await tokens.renew(token));
    } catch (error) {
      // The authorization server down, or the connection ended: the caller decides, as for any refusal.
      if (error instanceof PortalError) return error;
      throw error;
    }
  };
}

/**
 * A reply past this is a fault (a proxy's endless page, a hostile server), far above any the product asks for (50
 * records a page, a batch of 50 pages); asking again would only bring the same flood.
 */
export const MAX_REPLY_BYTES = 32 * 1024 * 1024;
const REPLY_TOO_LONG = 'REPLY_TOO_LONG';

function worthRetrying(error: PortalError, safety: Safety): boolean {
  if (error.code === REPLY_TOO_LONG) return false;
  if (error.kind === 'rateLimited') return (error.details.retryAfterMs ?? 0) <= maxRetryWaitMs;
  if (neverSent.has(error.code)) return true;
  // A fault after the request went out may mean the write happened: only reads are repeated.
  return safety === 'read' && error.kind === 'unavailable';
}

function retriedSends(
  bucket: LeakyBucket,
  request: Request,
  { retries, retryDelayMs }: { retries: number; retryDelayMs: number },
  note: Note,
): Send {
  return (method, body, safety) =>
    pRetry(
      async () => {
        await bucket.take();
        const reply = await request(method, body);
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

/** A batch of any size as requests of 50 commands, merged into one result; with `halt`, it stops at an error. */
async function sendBatch(
  send: Send,
  commands: Record<string, BatchCommand>,
  options: BatchOptions,
): Promise<BatchResult> {
  const outcome = emptyBatchResult();
  for (const cmd of planBatch(commands)) {
    const body = { halt: options.halt ? 1 : 0, cmd };
    const reply = await send('batch', body, safetyOf('batch', body));
    if (!mergeBatchReply(outcome, reply.result, cmd)) {
      throw new PortalError('unavailable', 'BAD_ENVELOPE', "batch: the portal's answer is not a batch answer", {
        method: 'batch',
      });
    }
    if (options.halt && Object.keys(outcome.errors).length > 0) break;
  }
  return outcome;
}

function clientOver(target: Target, send: Send): WebhookPortalClient {
  const { secrets, shown } = target;
  const previewOf = (method: string, params: Params): RequestPreview => ({
    safety: safetyOf(method, params),
    httpMethod: 'POST',
    url: `${shown}${method}`,
    body: params,
  });
  const client: WebhookPortalClient = {
    async call<T>(method: string, params: Params = {}) {
      checkName(method, secrets);
      checkBatchText(method, params, secrets);
      return (await send(method, params, safetyOf(method, params))) as CallResult<T>;
    },
    async batch(commands: Record<string, BatchCommand>, batchOptions: BatchOptions = {}): Promise<BatchResult> {
      for (const command of Object.values(commands)) checkName(command.method, secrets);
      return sendBatch(send, commands, batchOptions);
    },
    async list<T>(method: string, params: Params = {}, listOptions: { maxItems?: number } = {}) {
      checkName(method, secrets);
      const items = await listAll(
        {
          call: (name, pageParams) => client.call(name, pageParams),
          batch: (commands) => client.batch(commands),
          fail: (name, error) => {
            throw withoutSecrets(batchCommandError(error, name), secrets);
          },
        },
        method,
        params,
        listOptions.maxItems,
      );
      return items as T[];
    },
    preview(method: string, params: Params = {}) {
      checkName(method, secrets);
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
