// The dashboard on the bot's own listener: the page, its two files, and two small answers (the dashboard's data,
// the list behind a number). Every answer first checks Telegram's signature, then the same access as the chat;
// without both it says one polite sentence and shows nothing.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { checkInitData, signInitData } from '../access/init-data.ts';
import { failureSentence } from '../assistant/failure-sentences.ts';
import type { Logger } from '../log.ts';
import type { Listener } from '../ops/listener.ts';
import type { PortalClient } from '../portal/port.ts';
import { guardPlainText, guardText } from '../present/guard.ts';
import { createScenarios, type Scenarios } from '../scenarios/index.ts';
import { companyOf } from '../scenarios/plan/company.ts';
import { QUERY_PAGE } from '../scenarios/questions/query-run.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import type { PlanRepository } from '../storage/plans.ts';
import { languageOfCode } from '../views/messages.ts';
import { DASHBOARD_NOT_SIGNED, DASHBOARD_STRANGER, DASHBOARD_TEXTS } from '../views/messages-dashboard.ts';
import type { Language } from '../vocabulary/director.ts';
import { storedQuerySchema } from '../vocabulary/query.ts';
import { createDashboardCache } from './cache.ts';
import { type DashboardData, type DashboardSources, PERIOD_CHOICES, readDashboard } from './data.ts';
import { PAGE_FILES, type PageAsset, type PageAssets } from './page-bundle.ts';
import { planSources } from './plan-sources.ts';
import { presentDashboard } from './present.ts';
import { batchedTogether } from './together.ts';

export const DASHBOARD_PATH = '/dashboard';
/** The demo's sign-in: on 127.0.0.1 only, it opens the page as the demo director. */
export const DASHBOARD_DEMO_PATH = '/dashboard/demo';

/** Who a Telegram user is to the dashboard: the chat's own rules (allowed, their workspace, their portal user). */
export interface DashboardSeat {
  director: DirectorRecord;
  portal: PortalClient;
  /** What other features add (plan and forecast, deals at risk, alerts), read through this director's workspace. */
  sources?: DashboardSources;
  /** The sales plans kept for the directors: with them the plan slot and the deals at risk are filled. */
  plans?: PlanRepository;
}

export interface DashboardDeps {
  /** Undefined: not allowed, or no portal to act through. */
  seatOf(telegramUserId: number): Promise<DashboardSeat | undefined>;
  /** The bot's token: Telegram signs the page's data with it. */
  botToken: string;
  /** The page's files; bundled on first use when running from the sources. */
  assets: () => Promise<PageAssets>;
  now: () => Date;
  logger: Logger;
  /** The demo only: the Telegram user its local sign-in stands for. */
  demoUser?: number;
}

const BODY_LIMIT = 16 * 1024;

const filtersSchema = z.object({
  period: z.enum(PERIOD_CHOICES).catch('month'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  managerId: z.number().int().positive().optional().catch(undefined),
});

/** ECharts sets inline styles; scripts, data and pictures come from this listener only (and the shell's one). */
const policy = (scripts: string) =>
  `default-src 'none'; script-src ${scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'`;

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': policy("'self'"),
};

/**
 * The page with its script and style written in: its first question goes out as soon as the page is read, with no
 * file to fetch first. The script is allowed by its hash alone; no other inline script can run.
 */
function shellOf(assets: PageAssets): { page: PageAsset; policy: string } {
  const script = assets['app.js'].body.toString('utf8');
  const style = assets['app.css'].body.toString('utf8');
  // The bundler escapes these inside strings; a bundle that still holds one would end its own tag.
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('the dashboard bundle closes its own tag');
  const hash = createHash('sha256').update(script).digest('base64');
  const html =
    '<!doctype html><html lang="ru"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">' +
    `<link rel="icon" href="data:,"><title>${DASHBOARD_TEXTS.title.ru}</title><style>${style}</style></head>` +
    `<body><main id="app"><p class="note">${DASHBOARD_TEXTS.loading.ru}</p></main>` +
    `<script>${script}</script></body></html>`;
  const body = Buffer.from(html);
  return {
    page: { type: 'text/html; charset=utf-8', body, gzipped: gzipSync(body, { level: 9 }) },
    policy: policy(`'self' 'sha256-${hash}'`),
  };
}

/** A file of the page's, gzipped for a browser that takes it. */
function sendAsset(
  request: IncomingMessage,
  response: ServerResponse,
  asset: PageAsset,
  headers: Record<string, string>,
): void {
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, {
    ...headers,
    'content-type': asset.type,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(gzip ? asset.gzipped : asset.body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  if (request.method !== 'POST') return undefined;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An answer sent a line at a time (JSON on each line), each line as soon as it is known. */
function lineByLine(response: ServerResponse) {
  let started = false;
  const write = (body: unknown) => {
    if (!started) response.writeHead(200, { ...HEADERS, 'content-type': 'application/x-ndjson; charset=utf-8' });
    started = true;
    response.write(`${JSON.stringify(body)}\n`);
  };
  return {
    write,
    end(body: unknown) {
      write(body);
      response.end();
    },
    get started() {
      return started;
    },
  };
}

/** The language an unproven page claims: good enough for the one sentence it gets. */
function claimedLanguage(raw: string | undefined): Language {
  try {
    const user = JSON.parse(new URLSearchParams(raw ?? '').get('user') ?? '{}') as { language_code?: unknown };
    return languageOfCode(typeof user.language_code === 'string' ? user.language_code : undefined);
  } catch {
    return 'ru';
  }
}

type Entry = { ok: true; seat: DashboardSeat; scenarios: Scenarios } | { ok: false; status: number; message: string };

/** Telegram's signature first, then the chat's access rules; a refusal carries one sentence and nothing else. */
function doorOf(deps: DashboardDeps) {
  // Each portal's own scenarios, their batches merged: the dashboard's sections cost about one request.
  const scenariosOf = new WeakMap<PortalClient, Scenarios>();
  return async (body: Record<string, unknown> | undefined): Promise<Entry> => {
    const raw = typeof body?.initData === 'string' ? body.initData : undefined;
    const checked = checkInitData(raw, deps.botToken, deps.now());
    if (!checked.ok) {
      return { ok: false, status: 401, message: DASHBOARD_NOT_SIGNED[claimedLanguage(raw)] };
    }
    const telegramLanguage = languageOfCode(checked.data.user.languageCode);
    const found = await deps.seatOf(checked.data.user.id);
    if (!found) return { ok: false, status: 403, message: DASHBOARD_STRANGER[telegramLanguage] };
    // The chat's language once the director has talked to the assistant; before that, Telegram's own.
    const { director } = found;
    const seat = director.introduced ? found : { ...found, director: { ...director, language: telegramLanguage } };
    let scenarios = scenariosOf.get(seat.portal);
    if (!scenarios) {
      const plans = seat.plans ? { plans: seat.plans } : {};
      scenarios = createScenarios({ portal: batchedTogether(seat.portal), now: deps.now, ...plans });
      scenariosOf.set(seat.portal, scenarios);
    }
    return { ok: true, seat, scenarios };
  };
}

/** The seat's own sources, over the plan feature's read through the dashboard's batched scenarios. */
const sourcesOf = (entry: { seat: DashboardSeat; scenarios: Scenarios }): DashboardSources => ({
  ...(entry.seat.plans
    ? planSources(entry.scenarios, { plans: entry.seat.plans, company: companyOf(entry.seat.portal) })
    : {}),
  ...entry.seat.sources,
});

/** Mounts the page and its answers on the bot's listener. */
export function mountDashboard(listener: Listener, deps: DashboardDeps): void {
  const door = doorOf(deps);
  const cache = createDashboardCache(deps.now);
  const failure = (error: unknown, language: Language) => ({
    message: guardPlainText(failureSentence(error, language, deps.logger), language),
  });
  const failed = (response: ServerResponse, error: unknown, language: Language) =>
    sendJson(response, 503, failure(error, language));

  let shell: ReturnType<typeof shellOf> | undefined;
  listener.route(DASHBOARD_PATH, async (request, response) => {
    shell ??= shellOf(await deps.assets());
    sendAsset(request, response, shell.page, { ...HEADERS, 'content-security-policy': shell.policy });
  });
  for (const name of PAGE_FILES)
    listener.route(`${DASHBOARD_PATH}/${name}`, async (request, response) =>
      sendAsset(request, response, (await deps.assets())[name], { ...HEADERS, 'cache-control': 'no-cache' }),
    );

  listener.route(`${DASHBOARD_PATH}/data`, async (request, response) => {
    const body = await readJson(request);
    const entry = await door(body);
    if (!entry.ok) return sendJson(response, entry.status, { message: entry.message });
    const { director } = entry.seat;
    const filters = filtersSchema.parse(typeof body?.filters === 'object' && body.filters ? body.filters : {});
    const present = (data: DashboardData) => presentDashboard(data, filters, director.language);
    // The page reads its answer line by line: what is read so far, then the whole (only a cold read has parts).
    const lines = body?.stream === true ? lineByLine(response) : undefined;
    try {
      const payload = await cache.get(director, filters, async () =>
        present(
          await readDashboard(entry.scenarios, director, filters, deps.now(), sourcesOf(entry), (part) =>
            lines?.write(present(part)),
          ),
        ),
      );
      if (lines) lines.end(payload);
      else sendJson(response, 200, payload);
    } catch (error) {
      if (!lines?.started) return failed(response, error, director.language);
      lines.end(failure(error, director.language));
    }
  });

  listener.route(`${DASHBOARD_PATH}/list`, async (request, response) => {
    const body = await readJson(request);
    const entry = await door(body);
    if (!entry.ok) return sendJson(response, entry.status, { message: entry.message });
    const { director } = entry.seat;
    const query = storedQuerySchema.safeParse(body?.query);
    const offset = Number.isSafeInteger(body?.offset) && Number(body?.offset) >= 0 ? Number(body?.offset) : 0;
    if (!query.success) return sendJson(response, 400, { message: DASHBOARD_TEXTS.empty[director.language] });
    try {
      const view = await entry.scenarios.run(director, { scenario: 'query', query: query.data, offset });
      // The chat's answer without its hint line: on the page, the next part is a button, not a word to type.
      const html = view
        ? entry.scenarios.registry
            .renderView(view, director.language)
            .map((reply) => reply.html)
            .join('\n')
        : '';
      const lines = html.split('\n').filter((line) => !line.startsWith('💡'));
      const next = view?.view === 'query' && view.total > offset + QUERY_PAGE ? offset + QUERY_PAGE : undefined;
      sendJson(response, 200, { html: guardText(lines.join('\n'), director.language), ...(next ? { next } : {}) });
    } catch (error) {
      failed(response, error, director.language);
    }
  });

  if (deps.demoUser !== undefined) listener.route(DASHBOARD_DEMO_PATH, demoSignIn(deps, deps.demoUser));
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/**
 * The demo's sign-in: the server plays Telegram for its own demo director, only for a browser on this machine
 * (the connection and the address it asked for are both local), so nobody else can open the demo's data.
 */
function demoSignIn(deps: DashboardDeps, telegramUserId: number) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const local =
      LOOPBACK.test(request.socket.remoteAddress ?? '') && LOCAL_HOST.test(String(request.headers.host ?? ''));
    if (!local) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    const signed = signInitData(deps.botToken, {
      user: { id: telegramUserId, firstName: 'Demo' },
      authDate: deps.now(),
    });
    response.writeHead(302, { ...HEADERS, location: `${DASHBOARD_PATH}#tgWebAppData=${encodeURIComponent(signed)}` });
    response.end();
  };
}
