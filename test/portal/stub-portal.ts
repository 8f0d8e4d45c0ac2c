// A small stand-in for a Bitrix24 portal's REST interface, on 127.0.0.1, for the client's tests.
// It parses requests the way PHP does (independently of our encoder), runs batches with `$result`
// references, pages lists, keeps the portal's leaky bucket, and counts everything it receives.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Params = Record<string, unknown>;

/** What a handler answers: a JSON body with a status, or a raw text body. */
export type StubReply = { status?: number; body: unknown; delayMs?: number } | { status: number; text: string };

export type StubHandler = (method: string, params: Params) => StubReply | Promise<StubReply>;

export interface StubRequest {
  method: string;
  params: Params;
  /** ms since the stub started. */
  at: number;
  raw: string;
}

export interface StubPortal {
  webhookUrl: string;
  port: number;
  secret: string;
  requests: StubRequest[];
  /** Requests refused by the stub's own rate limit. */
  refused: number;
  handle: StubHandler;
  close(): Promise<void>;
}

export const ok = (result: unknown, extra: Record<string, unknown> = {}): StubReply => ({
  body: { result, ...extra, time: { start: 1, finish: 1.01, duration: 0.01 } },
});

export const fail = (status: number, error: string, description = ''): StubReply => ({
  status,
  body: { error, error_description: description },
});

/** One page of a list the way the portal pages: 50 a page, `total`, `next`; `start=-1` skips counting. */
export function page(items: readonly Record<string, unknown>[], params: Params, wrap?: string): StubReply {
  const filter = (params.filter ?? {}) as Record<string, unknown>;
  const after = filter['>ID'] === undefined ? undefined : Number(filter['>ID']);
  const matching = after === undefined ? items : items.filter((item) => Number(item.ID ?? item.id) > after);
  const start = Number(params.start ?? 0);
  const from = Math.max(start, 0);
  const slice = matching.slice(from, from + 50);
  const result = wrap ? { [wrap]: slice } : slice;
  if (start < 0) return ok(result, { total: 0 });
  const extra: Record<string, unknown> = { total: matching.length };
  if (from + 50 < matching.length) extra.next = from + 50;
  return ok(result, extra);
}

// PHP's parse_str: URL decoding ('+' is a space), then brackets nest.
export function parsePhpQuery(query: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = root as Record<string, unknown>;
    path.forEach((segment, index) => {
      const slot = segment === '' ? String(Object.keys(node).length) : segment;
      if (index === path.length - 1) node[slot] = value;
      else {
        node[slot] ??= path[index + 1] === '' ? [] : {};
        node = node[slot] as Record<string, unknown>;
      }
    });
  }
  return root;
}

function lookup(results: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = results;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

async function runBatch(params: Params, handle: StubHandler): Promise<StubReply> {
  const cmd = (params.cmd ?? {}) as Record<string, string>;
  const halt = Number(params.halt ?? 0) === 1;
  const out = { result: {} as Record<string, unknown>, error: {} as Record<string, unknown> };
  const totals: Record<string, unknown> = {};
  const nexts: Record<string, unknown> = {};
  for (const [name, command] of Object.entries(cmd)) {
    const [method = '', query = ''] = command.split(/\?(.*)/s);
    const substituted = query.replace(
      /\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g,
      (_all, target: string, rest: string) => {
        const path = [target, ...[...rest.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!)];
        return encodeURIComponent(String(lookup(out.result, path) ?? ''));
      },
    );
    const reply = await handle(method, parsePhpQuery(substituted));
    const body = 'body' in reply ? (reply.body as Record<string, unknown>) : { error: 'ERROR_UNEXPECTED_ANSWER' };
    if ('error' in body) {
      out.error[name] = { error: body.error, error_description: body.error_description ?? '' };
      if (halt) break;
      continue;
    }
    out.result[name] = body.result;
    if (body.total !== undefined) totals[name] = body.total;
    if (body.next !== undefined) nexts[name] = body.next;
  }
  // PHP sends an empty map as [].
  const php = (map: Record<string, unknown>) => (Object.keys(map).length === 0 ? [] : map);
  return ok({
    result: php(out.result),
    result_error: php(out.error),
    result_total: php(totals),
    result_next: php(nexts),
    result_time: [],
  });
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
  });

export async function startStubPortal(
  options: {
    secret?: string;
    userId?: number;
    port?: number;
    handle?: StubHandler;
    rateLimit?: { perSecond: number; burst: number };
    /** Hand `batch` to the handler instead of running it. */
    rawBatch?: boolean;
  } = {},
): Promise<StubPortal> {
  const secret = options.secret ?? 'stubSecret0123456789';
  const userId = options.userId ?? 1;
  const startedAt = Date.now();
  let level = 0;
  let drainedAt = Date.now();
  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (reply: StubReply) => {
      if ('text' in reply) {
        response.writeHead(reply.status, { 'content-type': 'text/html' }).end(reply.text);
        return;
      }
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    };
    const match = /^\/rest\/(\d+)\/([^/]+)\/(.+?)(\.json)?$/.exec(url.pathname);
    if (!match || Number(match[1]) !== userId || match[2] !== secret) {
      send(fail(401, 'INVALID_CREDENTIALS', 'Invalid request credentials'));
      return;
    }
    const method = match[3]!;
    const params = request.headers['content-type']?.includes('json')
      ? (JSON.parse(raw || '{}') as Params)
      : parsePhpQuery(raw || url.search.slice(1));
    stub.requests.push({ method, params, at: Date.now() - startedAt, raw });
    if (options.rateLimit) {
      const now = Date.now();
      level = Math.max(0, level - ((now - drainedAt) / 1000) * options.rateLimit.perSecond);
      drainedAt = now;
      if (level + 1 > options.rateLimit.burst) {
        stub.refused += 1;
        send(fail(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'));
        return;
      }
      level += 1;
    }
    const reply =
      method === 'batch' && !options.rawBatch
        ? await runBatch(params, (m, p) => stub.handle(m, p))
        : await stub.handle(method, params);
    if ('delayMs' in reply && reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (!response.destroyed) send(reply);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const stub: StubPortal = {
    webhookUrl: `http://127.0.0.1:${port}/rest/${userId}/${secret}/`,
    port,
    secret,
    requests: [],
    refused: 0,
    handle: options.handle ?? (() => fail(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}
