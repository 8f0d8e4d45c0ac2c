// The demo portal: a local HTTP server that answers like a Bitrix24 portal's REST interface, webhook and all.
// Its simplifications, so nobody mistakes them for the portal's rules: a bare `to` date of the calendar includes
// that whole day, `crm.deal.update` ignores CATEGORY_ID (the portal moves pipelines elsewhere), and the tasks filter
// on STATUS means the true status (the portal's negative meta-statuses are not emulated).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Params } from '../portal/port.ts';
import { type DemoData, generateCompany } from './company.ts';
import { isoIn } from './dates.ts';
import { createPortalEvents, type PortalEvents } from './events.ts';
import { ListMemo } from './list-memo.ts';
import { createBatch } from './methods/batch.ts';
import { calendarMethods } from './methods/calendar.ts';
import { type Method, type MethodContext, type MethodReply, readsOnly } from './methods/context.ts';
import { crmMethods } from './methods/crm.ts';
import { eventMethods } from './methods/events.ts';
import { systemMethods } from './methods/system.ts';
import { taskMethods } from './methods/tasks.ts';
import { userMethods } from './methods/users.ts';
import {
  createDemoOAuth,
  type DemoOAuth,
  type DemoOAuthOptions,
  type DemoOAuthServer,
  GRANTED_SCOPES,
  grantTokens,
  OAuthGrantError,
} from './oauth.ts';
import { parseQuery } from './params.ts';
import { createLeakyBucket, type RateLimit } from './rate-limit.ts';
import { replyBytes } from './reply-bytes.ts';
import { methodNotFound, queryLimitExceeded, RestError } from './rest-error.ts';
import { ALL_SCOPES, type Caller, requireCrmRole, requireScope, tokenCaller, webhookCaller } from './rights.ts';

export type { DemoData } from './company.ts';

export interface DemoPortalOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The webhook's user (default 1, the director). */
  userId?: number;
  secret?: string;
  /** The webhook's scopes (default: all of them); a method outside them answers 401 insufficient_scope. */
  scopes?: readonly string[];
  /** The portal's and the director's zone (default Europe/Moscow, whatever the server's own zone is). */
  timeZone?: string;
  now?: () => Date;
  /** The request-rate limit (default 2 a second, burst 50); `false` switches it off for benchmarks. */
  rateLimit?: false | RateLimit;
  /** Extra generated records for benchmarks. */
  size?: { deals?: number; tasks?: number; contacts?: number };
  /** A company several portals share (benchmarks with many portals): each keeps its own events and application. */
  company?: DemoData;
  /** The Bitrix24 application installed on this portal (OAuth 2.0): its keys, handler and token lifetime. */
  oauth?: DemoOAuthOptions;
}

export interface DemoFaults {
  /** Every answer waits this long. */
  latencyMs: number;
  /** The next N requests get 503 QUERY_LIMIT_EXCEEDED, as a real portal under load answers. */
  refuseNext: number;
  /** The next N requests get 429 OPERATION_TIME_LIMIT: the method used up its execution-time budget. */
  timeLimitNext: number;
  /** The next N requests get a 502 HTML page from a "proxy": a body that is not JSON. */
  badGatewayNext: number;
  /** Every connection is destroyed without an answer, as if the portal were unreachable. */
  down: boolean;
}

export interface DemoPortal {
  webhookUrl: string;
  port: number;
  close(): Promise<void>;
  faults: DemoFaults;
  /** Every HTTP request received, refused ones included. */
  readonly requestCount: number;
  data: DemoData;
  /** The installed application: who approves it, token lifetime, revoking, refresh count. */
  oauth: DemoOAuth;
  /** The application's event bindings, its offline queue and the calls to its online handlers. */
  events: PortalEvents;
  /** Runs a method as one portal user through the webhook's path: how the company's people change things. */
  actAs(userId: number, method: string, params: Params): unknown;
}

const BAD_GATEWAY_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function randomSecret(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(body: string, contentType: string): Params {
  if (body.trim() === '') return {};
  if (contentType.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new RestError('INVALID_REQUEST', 'Invalid JSON in the request body', 400);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return parsed as Params;
  }
  return parseQuery(body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  // Encoded once: a page of a big batch is megabytes.
  const bytes = replyBytes(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  response.end(bytes);
}

const restPath = /^\/rest\/(?:(\d+)\/([^/]+)\/)?([^/]+?)(?:\.json)?\/?$/;

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const userId = options.userId ?? 1;
  const secret = options.secret ?? randomSecret();
  const timeZone = options.timeZone ?? 'Europe/Moscow';
  const now = options.now ?? (() => new Date());
  const data = options.company ?? generateCompany({ now: now(), timeZone, size: options.size });
  let port = 0;
  const events = createPortalEvents({
    now,
    timeZone,
    origin: () => `http://127.0.0.1:${port}`,
    memberId: () => oauth.memberId,
  });
  const methods = methodRunner(data, now, timeZone, events);
  const oauth = createDemoOAuth(options.oauth ?? {}, {
    now,
    origin: () => `http://127.0.0.1:${port}`,
    userExists: (id) => data.users.some((user) => user.ID === String(id) && user.ACTIVE === true),
  });
  const served: Served = {
    faults: { latencyMs: 0, refuseNext: 0, timeLimitNext: 0, badGatewayNext: 0, down: false },
    port: () => port,
    oauth,
    methods,
    authenticate: authenticator({
      userId,
      secret,
      webhook: methods.contextOf(webhookCaller(userId, options.scopes ?? ALL_SCOPES)),
      oauth,
      contextOf: methods.contextOf,
      webhookBucket: bucketOf(options.rateLimit),
      // The portal counts an application's requests apart from its webhooks'.
      appBucket: bucketOf(options.rateLimit),
    }),
  };
  let requestCount = 0;
  const server = createServer((request, response) => {
    requestCount += 1;
    handle(request, response, served).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    oauth,
    webhookUrl: `http://127.0.0.1:${port}/rest/${userId}/${secret}/`,
    port,
    faults: served.faults,
    data,
    events,
    actAs: (id, method, params) => {
      // As at each request: records may have changed since the last one (tests change `data` directly).
      methods.lists.clear();
      return methods.run(method, params, methods.contextOf(webhookCaller(id))).result;
    },
    get requestCount() {
      return requestCount;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const bucketOf = (rateLimit: DemoPortalOptions['rateLimit']) =>
  rateLimit === false ? undefined : createLeakyBucket(rateLimit ?? { perSecond: 2, burst: 50 });

type MethodRunner = ReturnType<typeof methodRunner>;

/** The portal's methods, run for a caller with the `time` block every answer carries. */
function methodRunner(data: DemoData, now: () => Date, timeZone: string, events: PortalEvents) {
  const registry: Record<string, Method> = {};
  Object.assign(registry, userMethods, taskMethods, crmMethods, calendarMethods, eventMethods(events), {
    batch: createBatch(),
    ...systemMethods(() => Object.keys(registry).sort()),
  });
  const lists = new ListMemo();
  /** Everything a method needs, acting as `caller` (the webhook's user, or the user of an access token). */
  const contextOf = (caller: Caller): MethodContext => {
    const context: MethodContext = {
      data,
      now,
      userId: caller.userId,
      caller,
      call: (method, params) => run(method, params, context),
      lists,
    };
    return context;
  };
  /** Runs one method for a caller: scope first, as the portal refuses before the method starts. */
  const run = (method: string, params: Params, context: MethodContext): MethodReply & { time: TimeBlock } => {
    const started = performance.now();
    const at = now();
    const name = method.toLowerCase();
    const handler = registry[name];
    if (!handler) throw methodNotFound();
    requireScope(method, context.caller);
    requireCrmRole(method, data, context.userId);
    const writes = !readsOnly(name);
    if (writes) lists.clear();
    const reply = handler(params, context);
    if (writes) events.noteWrite(method, params, reply.result);
    return { ...reply, time: timeBlock(started, at, timeZone) };
  };
  return { run, contextOf, lists };
}

type TimeBlock = ReturnType<typeof timeBlock>;

function timeBlock(started: number, at: Date, timeZone: string) {
  const processing = (performance.now() - started) / 1000;
  const start = at.getTime() / 1000;
  return {
    start,
    finish: start + processing,
    duration: processing,
    processing,
    date_start: isoIn(at, timeZone),
    date_finish: isoIn(new Date(at.getTime() + processing * 1000), timeZone),
    operating_reset_at: Math.floor(start) + 600,
    operating: processing,
  };
}

/** What one request is answered with. */
interface Served {
  faults: DemoFaults;
  port: () => number;
  oauth: DemoOAuthServer;
  methods: MethodRunner;
  /** The caller of a REST path (`/rest/<user>/<key>/…` is a webhook, `/rest/…` an application's token). */
  authenticate(user: string | undefined, key: string | undefined, params: Params): MethodContext;
}

function authenticator(gate: {
  userId: number;
  secret: string;
  webhook: MethodContext;
  oauth: DemoOAuthServer;
  contextOf: (caller: Caller) => MethodContext;
  webhookBucket: ReturnType<typeof bucketOf>;
  appBucket: ReturnType<typeof bucketOf>;
}): Served['authenticate'] {
  return (user, key, params) => {
    if (user === undefined) {
      const token = params.auth;
      if (typeof token !== 'string' || token === '') {
        throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401);
      }
      delete params.auth;
      const context = gate.contextOf(tokenCaller(gate.oauth.userOfToken(token), GRANTED_SCOPES));
      if (gate.appBucket && !gate.appBucket.take()) throw queryLimitExceeded();
      return context;
    }
    if (Number(user) !== gate.userId || key !== gate.secret) {
      throw new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401);
    }
    if (gate.webhookBucket && !gate.webhookBucket.take()) throw queryLimitExceeded();
    return gate.webhook;
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, served: Served): Promise<void> {
  const { faults } = served;
  if (faults.down) {
    request.socket.destroy();
    return;
  }
  if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
  if (faults.badGatewayNext > 0) {
    faults.badGatewayNext -= 1;
    response.writeHead(502, { 'content-type': 'text/html' });
    response.end(BAD_GATEWAY_PAGE);
    return;
  }
  try {
    refuseIfAsked(faults);
    await answer(request, response, served);
  } catch (error) {
    if (error instanceof OAuthGrantError || error instanceof RestError) {
      send(response, error.status, { error: error.code, error_description: error.description });
    } else {
      send(response, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' });
    }
  }
}

/** The refusals a test asked for, as a portal under load gives them. */
function refuseIfAsked(faults: DemoFaults): void {
  if (faults.refuseNext > 0) {
    faults.refuseNext -= 1;
    throw queryLimitExceeded();
  }
  if (faults.timeLimitNext > 0) {
    faults.timeLimitNext -= 1;
    throw new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429);
  }
}

async function answer(request: IncomingMessage, response: ServerResponse, served: Served): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const host = String(request.headers.host ?? `127.0.0.1:${served.port()}`);
  if (url.pathname === '/oauth/authorize/' || url.pathname === '/oauth/authorize') {
    redirect(response, served.oauth.authorize(url.searchParams, host));
    return;
  }
  const readParams = async () => ({
    ...parseQuery(url.search.slice(1)),
    ...parseBody(await readBody(request), String(request.headers['content-type'] ?? '')),
  });
  if (url.pathname === '/oauth/token/' || url.pathname === '/oauth/token') {
    send(response, 200, grantTokens(await readParams()));
    return;
  }
  const match = restPath.exec(url.pathname);
  if (!match) throw new RestError('NOT_FOUND', 'Page not found', 404);
  const [, user, key, method] = match;
  const params = await readParams();
  const context = served.authenticate(user, key, params);
  // Between requests anyone may change the records (tests change `data` directly).
  served.methods.lists.clear();
  const reply = served.methods.run(decodeURIComponent(method!), params, context);
  const envelope: Record<string, unknown> = { result: reply.result };
  if (reply.total !== undefined) envelope.total = reply.total;
  if (reply.next !== undefined) envelope.next = reply.next;
  envelope.time = reply.time;
  send(response, 200, envelope);
}
