// The online event handler on the bot's listener (`<PUBLIC_URL>/bitrix24/events`): the portal POSTs a form with
// `event`, `data[…]`, `ts` and `auth[…]`. Each call must carry the application token the portal gave at install
// (its ONAPPINSTALL call): a wrong one gets 401, logged without the token. The body is size-limited. The event is
// only a hint: the record is read again with each director's rights.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { decodeParams } from '../portal/encode.ts';
import type { AlertRepository } from '../storage/alerts.ts';

export const EVENTS_PATH = '/bitrix24/events';
/** An event's form is a few hundred bytes; anything near this is not the portal's. */
export const EVENT_BODY_LIMIT = 64 * 1024;

export interface OnlineEvent {
  memberId: string;
  event: string;
  data: unknown;
}

class TooLarge extends Error {}

function readLimited(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new TooLarge());
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

export function onlineEventsRoute(deps: {
  alerts: AlertRepository;
  now: () => Date;
  logger: Logger;
  /** Takes a checked event; resolves once its alerts are claimed. */
  take: (event: OnlineEvent) => Promise<void>;
}): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const answer = (response: ServerResponse, status: number) => {
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(status === 200 ? 'ok\n' : '');
  };
  return async (request, response) => {
    if (request.method !== 'POST') return answer(response, 405);
    if (Number(request.headers['content-length'] ?? 0) > EVENT_BODY_LIMIT) return answer(response, 413);
    let body: string;
    try {
      body = await readLimited(request, EVENT_BODY_LIMIT);
    } catch (error) {
      if (error instanceof TooLarge) return answer(response, 413);
      throw error;
    }
    const form = decodeParams(body);
    const auth = (form.auth ?? {}) as Record<string, unknown>;
    const memberId = textOf(auth.member_id);
    const token = textOf(auth.application_token);
    const event = textOf(form.event).toUpperCase();
    if (memberId === '' || token === '') return answer(response, 401);
    if (event === 'ONAPPINSTALL') await deps.alerts.keepApplicationToken(memberId, token, deps.now());
    const known = await deps.alerts.applicationToken(memberId);
    if (known !== token) {
      deps.logger.warn('an event with a wrong application token was refused', { memberId, event });
      return answer(response, 401);
    }
    // Answered before the work: the portal does not wait long and never resends.
    answer(response, 200);
    if (event !== 'ONAPPINSTALL') await deps.take({ memberId, event, data: form.data });
  };
}
