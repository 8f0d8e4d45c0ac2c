// The connection's two addresses on the bot's listener: the page the /connect button opens
// (CONNECT_PAGE_PATH) and the application's handler, where the portal sends the browser back and the director
// confirms (OAUTH_REDIRECT_PATH). Each refusal that ends an attempt tells its owner in Telegram in one sentence.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../log.ts';
import type { RouteHandler } from '../../ops/listener.ts';
import { guardText } from '../../present/guard.ts';
import { escapeHtml } from '../../views/html.ts';
import { connectedSentence } from '../../views/messages.ts';
import { NOT_CONNECTED, PAGES, whoActsAsWhom } from '../../views/messages-connect.ts';
import type { Reply } from '../../views/reply.ts';
import type { Language } from '../../vocabulary/director.ts';
import { CONNECT_LINK_TTL_MS, CONNECT_PAGE_PATH, type ConnectFlow, OAUTH_REDIRECT_PATH, type Refused } from './flow.ts';
import { confirmationPage, handoverPage, linePage, openingPage, type Page, sendPage } from './pages.ts';

const COOKIE = 'b24_connect';
/** A form of a few fields; anything longer is not ours. */
const MAX_FORM_BYTES = 16 * 1024;

export type Notify = (chatId: number, replies: Reply[]) => Promise<void>;

/** Reads a small url-encoded form; undefined when it is too long. */
async function formOf(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const cookieOf = (request: IncomingMessage): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
};

/** The page that answers a refusal. */
const refusalPage = (refused: Refused, language: Language): Page => {
  const text =
    refused.reason === 'unknown' || refused.reason === 'expired'
      ? PAGES.stale
      : refused.reason === 'otherAccount'
        ? PAGES.otherAccount
        : refused.reason === 'notTelegram'
          ? PAGES.openInTelegram
          : refused.reason === 'otherBrowser'
            ? PAGES.otherBrowser
            : refused.reason === 'cancelled'
              ? PAGES.cancelled
              : PAGES.notConnected;
  return linePage(refused.reason === 'cancelled' ? 200 : 403, text, language);
};

export interface ConnectRoutesDeps {
  flow: ConnectFlow;
  notify: Notify;
  /** PUBLIC_URL: the cookie is Secure over https, and a confirmation posted from elsewhere is refused. */
  publicUrl: string;
  logger: Logger;
}

/** What both pages share: the site's origin, the browser's cookie, and how a refusal and an outcome are told. */
function doorOf(deps: ConnectRoutesDeps) {
  const { logger } = deps;
  const secure = deps.publicUrl.startsWith('https:');
  const origin = new URL(deps.publicUrl).origin;
  const cookie = (value: string) =>
    `${COOKIE}=${value}; Path=${OAUTH_REDIRECT_PATH}; Max-Age=${CONNECT_LINK_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

  /** The owner hears the outcome in Telegram; the page has already been answered. */
  const tell = async (chatId: number, language: Language, html: string) => {
    await deps.notify(chatId, [{ html: guardText(html, language) }]).catch((error: unknown) => {
      logger.warn('could not tell the director', { error });
    });
  };
  const refused = async (response: ServerResponse, outcome: Refused, fallback: Language) => {
    sendPage(response, refusalPage(outcome, outcome.language ?? fallback));
    const { attempt } = outcome;
    if (attempt && outcome.reason !== 'unknown') {
      await tell(attempt.chatId, attempt.language, NOT_CONNECTED[outcome.reason][attempt.language]);
    }
  };
  const notAllowed = (response: ServerResponse) => {
    response.writeHead(405, { allow: 'GET, POST' }).end();
  };

  return { origin, cookie, refused, notAllowed, tell };
}

type Door = ReturnType<typeof doorOf>;

/** The page the /connect button opens in Telegram: it proves who opens it, then hands over to the browser. */
function connectPageOf(deps: ConnectRoutesDeps, { origin, cookie, refused, notAllowed }: Door): RouteHandler {
  const { flow } = deps;
  return async (request, response) => {
    const query = new URL(request.url ?? '/', origin).searchParams;
    if (request.method === 'GET' && query.has('h')) {
      const handed = await flow.handover(query.get('h') ?? '');
      if (!handed.ok) return refused(response, handed, 'ru');
      response.writeHead(303, {
        location: handed.portalUrl,
        'set-cookie': cookie(handed.browser),
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      });
      return void response.end();
    }
    if (request.method === 'GET') {
      const ticket = query.get('t') ?? '';
      const language = await flow.languageOf(ticket);
      if (!language) return sendPage(response, linePage(404, PAGES.stale, 'ru'));
      return sendPage(response, openingPage(ticket, CONNECT_PAGE_PATH, language));
    }
    if (request.method !== 'POST') return notAllowed(response);
    const form = await formOf(request);
    const proven = await flow.prove(form?.get('t') ?? '', form?.get('initData') ?? undefined);
    if (!proven.ok) return refused(response, proven, 'ru');
    const address = `${deps.publicUrl}${CONNECT_PAGE_PATH}?${new URLSearchParams({ h: proven.handover })}`;
    sendPage(response, handoverPage(address, proven.language));
  };
}

/** The portal's redirect after approval: a confirmation page, then the connection stored on its POST. */
function redirectOf(deps: ConnectRoutesDeps, { origin, refused, notAllowed, tell }: Door): RouteHandler {
  const { flow } = deps;
  return async (request, response) => {
    if (request.method === 'GET') {
      const query = new URL(request.url ?? '/', origin).searchParams;
      const outcome = await flow.approved(query, cookieOf(request));
      if (!outcome.ok) return refused(response, outcome, 'ru');
      const sentence = whoActsAsWhom(outcome.telegramName, outcome.portal, outcome.userName, outcome.language);
      return sendPage(response, confirmationPage(OAUTH_REDIRECT_PATH, outcome.confirm, sentence, outcome.language));
    }
    if (request.method !== 'POST') return notAllowed(response);
    // A confirmation posted by another site's page: its browser would carry no cookie anyway (SameSite), and its
    // page cannot know the form's token; refused before anything is read.
    const from = request.headers.origin;
    if (from !== undefined && from !== origin) return sendPage(response, linePage(403, PAGES.stale, 'ru'));
    const form = await formOf(request);
    const outcome = await flow.confirm(form?.get('confirm') ?? '', cookieOf(request), form?.get('answer') === 'yes');
    if (!outcome.ok) return refused(response, outcome, 'ru');
    const { attempt } = outcome;
    sendPage(response, linePage(200, PAGES.done, attempt.language), {
      'set-cookie': `${COOKIE}=; Path=${OAUTH_REDIRECT_PATH}; Max-Age=0`,
    });
    // The name is the portal's text: escaped like any other.
    const text = connectedSentence(escapeHtml(outcome.portal), escapeHtml(outcome.userName), attempt.language);
    await tell(attempt.chatId, attempt.language, text);
  };
}

/** The handlers to mount on the listener, by path. */
export function connectRoutes(deps: ConnectRoutesDeps): [path: string, handler: RouteHandler][] {
  const door = doorOf(deps);
  return [
    [CONNECT_PAGE_PATH, connectPageOf(deps, door)],
    [OAUTH_REDIRECT_PATH, redirectOf(deps, door)],
  ];
}
