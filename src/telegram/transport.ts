// How the bot's calls reach Telegram: over undici, as the portal's do, instead of grammY's default node-fetch.
// On the path of every reply (the update in, the answer out) node-fetch's stream plumbing cost about a
// millisecond per call; undici's plain request does the same work without it. Uploads (a chart, a spreadsheet)
// are grammY's multipart stream, which undici sends as it is.
import { Agent, request } from 'undici';

type CallInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | NodeJS.ReadableStream;
  signal?: AbortSignal;
};

/**
 * A `fetch` for grammY's client. grammY reads only the JSON of an answer (an error answer is JSON too, and
 * anything else fails to parse and becomes grammY's HttpError, as with node-fetch), so the answer carries
 * only what a caller of fetch reads first.
 */
export function telegramFetch(): typeof fetch {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const call = async (url: string | URL, init: CallInit = {}) => {
    const { statusCode, body } = await request(url, {
      method: (init.method ?? 'POST') as 'POST',
      headers: init.headers,
      body: init.body as string,
      signal: init.signal,
      dispatcher,
    });
    return { ok: statusCode < 300, status: statusCode, json: () => body.json(), text: () => body.text() };
  };
  return call as unknown as typeof fetch;
}
