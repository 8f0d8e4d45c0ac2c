// The incoming webhook's address is a password: parse it once, and only ever show its host and user.

export class WebhookAddressError extends Error {
  override readonly name = 'WebhookAddressError';
}

export interface WebhookAddress {
  /** `https://portal.bitrix24.ru` (no trailing slash). */
  origin: string;
  /** The portal user who created the webhook: every call runs with this user's rights. */
  userId: number;
  secret: string;
  /** `<origin>/rest/<user>/<secret>/`: a method name appended to it gives the call's address. */
  base: string;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const isLoopback = (hostname: string) => loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

const shape = 'the webhook address must look like https://<portal>/rest/<user>/<secret>/';

export function parseWebhookAddress(url: string): WebhookAddress {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new WebhookAddressError(shape);
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback(parsed.hostname))) {
    throw new WebhookAddressError('the webhook address must use https (plain http only for a portal on this machine)');
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) throw new WebhookAddressError(shape);
  const match = /^\/rest\/(\d+)\/([A-Za-z0-9_-]+)\/?$/.exec(parsed.pathname);
  if (!match) throw new WebhookAddressError(shape);
  const userId = Number(match[1]);
  if (!Number.isSafeInteger(userId) || userId < 1) throw new WebhookAddressError(shape);
  const secret = match[2]!;
  return { origin: parsed.origin, userId, secret, base: `${parsed.origin}/rest/${userId}/${secret}/` };
}

/** What may be shown to an operator or logged: host and user, the secret masked. */
export const maskedAddress = (address: Pick<WebhookAddress, 'origin' | 'userId'>) =>
  `${address.origin}/rest/${address.userId}/***/`;
