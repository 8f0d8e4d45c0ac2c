// The bot's own pages of the connection, plain HTML in the director's language: the page Telegram opens (it
// sends Telegram's signed data back by itself), the button that opens Bitrix24 in the browser, the confirmation
// of who will act as whom, and the one-line outcomes.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { escapeHtml } from '../../views/html.ts';
import { OPEN_PORTAL_BUTTON } from '../../views/messages.ts';
import { CONFIRM_NO, CONFIRM_TITLE, CONFIRM_YES, PAGES, type PageText } from '../../views/messages-connect.ts';
import type { Language } from '../../vocabulary/director.ts';

/** Telegram's own script: it gives the page `Telegram.WebApp` (the signed data, and opening the browser). */
const TELEGRAM_SCRIPT = 'https://telegram.org/js/telegram-web-app.js';

export interface Page {
  status: number;
  html: string;
  /** The page runs a script of its own (with this nonce). */
  nonce?: string;
  /** The page Telegram opens may be framed by Telegram's web version; no other page may be framed at all. */
  framedByTelegram?: boolean;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em auto;max-width:32em;padding:0 1em;line-height:1.4}' +
  'button,a.button{font-size:1.1em;padding:.6em 1.2em;margin:.3em .3em 0 0;border-radius:.4em;border:1px solid #888;' +
  'background:#2481cc;color:#fff;text-decoration:none;display:inline-block}button.no{background:#eee;color:#222}';

const documentOf = (language: Language, title: string, body: string, head = '') =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
  '<meta name="viewport" content="width=device-width,initial-scale=1">' +
  `<title>${escapeHtml(title)}</title><style>${STYLE}</style>${head}</head>` +
  `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

/** One of the one-line pages. */
export const linePage = (status: number, text: Record<Language, PageText>, language: Language): Page => {
  const { title, line } = text[language];
  return { status, html: documentOf(language, title, `<p>${escapeHtml(line)}</p>`) };
};

const nonceOf = () => randomBytes(16).toString('base64');

/**
 * The page the /connect button opens: its script posts Telegram's signed data (from `Telegram.WebApp`, or the
 * address's `#tgWebAppData` that Telegram adds) with the link's ticket. Opened outside Telegram it has none.
 */
export function openingPage(ticket: string, action: string, language: Language): Page {
  const nonce = nonceOf();
  const { title, line } = PAGES.opening[language];
  const outside = PAGES.openInTelegram[language].line;
  const script =
    `<script nonce="${nonce}">(function(){` +
    'var w=window.Telegram&&window.Telegram.WebApp;' +
    'var d=(w&&w.initData)||new URLSearchParams(location.hash.slice(1)).get("tgWebAppData")||"";' +
    `if(!d){document.getElementById("line").textContent=${JSON.stringify(outside)};return;}` +
    'document.getElementById("data").value=d;document.getElementById("go").submit();})();</script>';
  const body =
    `<p id="line">${escapeHtml(line)}</p>` +
    `<form id="go" method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="t" value="${escapeHtml(ticket)}"><input type="hidden" id="data" name="initData">` +
    `</form><noscript><p>${escapeHtml(outside)}</p></noscript>${script}`;
  return {
    status: 200,
    html: documentOf(language, title, body, `<script src="${TELEGRAM_SCRIPT}"></script>`),
    nonce,
    framedByTelegram: true,
  };
}

/** Proven: the button opens the one-time address in the browser, where the director is signed in to Bitrix24. */
export function handoverPage(address: string, language: Language): Page {
  const nonce = nonceOf();
  const { title } = PAGES.opening[language];
  const script =
    `<script nonce="${nonce}">(function(){var a=document.getElementById("open");` +
    'var w=window.Telegram&&window.Telegram.WebApp;if(!w||!w.openLink)return;' +
    'a.addEventListener("click",function(e){e.preventDefault();w.openLink(a.href);w.close&&w.close();});' +
    'try{w.openLink(a.href);}catch(e){}})();</script>';
  const body = `<p><a class="button" id="open" href="${escapeHtml(address)}">${escapeHtml(OPEN_PORTAL_BUTTON[language])}</a></p>${script}`;
  return {
    status: 200,
    html: documentOf(language, title, body, `<script src="${TELEGRAM_SCRIPT}"></script>`),
    nonce,
    framedByTelegram: true,
  };
}

/** Who will act as whom, with the two buttons; the form's token and the browser's cookie go back together. */
export function confirmationPage(action: string, token: string, sentence: string, language: Language): Page {
  const body =
    `<p>${sentence}</p><form method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="confirm" value="${escapeHtml(token)}">` +
    `<button type="submit" name="answer" value="yes">${escapeHtml(CONFIRM_YES[language])}</button>` +
    `<button class="no" type="submit" name="answer" value="no">${escapeHtml(CONFIRM_NO[language])}</button></form>`;
  return { status: 200, html: documentOf(language, CONFIRM_TITLE[language], body) };
}

export function sendPage(response: ServerResponse, page: Page, headers: Record<string, string> = {}): void {
  const scripts = page.nonce ? `script-src 'nonce-${page.nonce}' ${TELEGRAM_SCRIPT}` : "script-src 'none'";
  response.writeHead(page.status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': `default-src 'none'; ${scripts}; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors ${page.framedByTelegram ? 'https://web.telegram.org' : "'none'"}`,
    ...headers,
  });
  response.end(page.html);
}
