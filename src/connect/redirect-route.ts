// The bot's handler address for the Bitrix24 application: the browser comes back here from the portal. The page
// says in one line what happened; the director hears the rest in Telegram.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { guardText } from '../views/guard.ts';
import { escapeHtml } from '../views/html.ts';
import { CONNECT_FAILED, connectedSentence } from '../views/messages.ts';
import type { Reply } from '../views/reply.ts';
import type { ConnectFlow } from './flow.ts';

/** Under PUBLIC_URL: the application's handler address is `<PUBLIC_URL>/bitrix24/oauth`. */
export const OAUTH_REDIRECT_PATH = '/bitrix24/oauth';

const page = (title: string, line: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${title}</title></head><body style="font-family:sans-serif;margin:3em auto;max-width:32em">` +
  `<h1>${title}</h1><p>${line}</p></body></html>`;

const DONE = page('Готово', 'Битрикс24 подключён. Вернитесь в Telegram. / Connected: please return to Telegram.');
const STALE = page(
  'Ссылка не действует',
  'Ссылка устарела или уже использована. Попросите новую в Telegram командой /connect. / This link has expired or was used already: ask for a new one with /connect.',
);
const FAILED = page(
  'Не получилось',
  'Подключить Битрикс24 не получилось: подробности в Telegram. / Could not connect: see Telegram.',
);

export function oauthRedirectRoute(
  flow: ConnectFlow,
  notify: (chatId: number, replies: Reply[]) => Promise<void>,
  logger: Logger,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const outcome = await flow.complete(query);
    const html = outcome.ok ? DONE : outcome.reason === 'state' ? STALE : FAILED;
    response.writeHead(outcome.ok ? 200 : 400, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(html);
    if (!outcome.request) return;
    const { chatId, language } = outcome.request;
    // The name is the portal's text: escaped like any other.
    const text = outcome.ok
      ? connectedSentence(escapeHtml(outcome.portal), escapeHtml(outcome.userName), language)
      : CONNECT_FAILED[language];
    await notify(chatId, [{ html: guardText(text, language) }]).catch((error: unknown) =>
      logger.warn('could not tell the director', { error }),
    );
  };
}
