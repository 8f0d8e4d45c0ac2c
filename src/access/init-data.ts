// Telegram's signed init data (Mini Apps): the only proof a browser page has of which Telegram user opened it.
// Scheme (core.telegram.org/bots/webapps, "Validating data received via the Mini App"): the secret is
// HMAC-SHA256 of the bot token keyed with "WebAppData"; the hash is HMAC-SHA256 of every other field as
// `key=value` lines sorted by key. Used by every page that grants or shows anything (connect, dashboard).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Signed data older than this proves nothing any more. */
export const INIT_DATA_MAX_AGE_MS = 60 * 60_000;

const userSchema = z.object({
  id: z.number().int().positive(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

export interface SignedUser {
  id: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface SignedInitData {
  user: SignedUser;
  authDate: Date;
  /** `start_param` of a direct link, when the page was opened by one. */
  startParam?: string;
}

export type InitDataCheck = { ok: true; data: SignedInitData } | { ok: false; reason: 'missing' | 'forged' | 'stale' };

const secretOf = (botToken: string) => createHmac('sha256', 'WebAppData').update(botToken).digest();

const checkStringOf = (params: URLSearchParams) =>
  [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');

const hashOf = (botToken: string, params: URLSearchParams) =>
  createHmac('sha256', secretOf(botToken)).update(checkStringOf(params)).digest('hex');

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const userOf = (raw: string | null): SignedUser | undefined => {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const user = userSchema.safeParse(parsed);
  if (!user.success) return undefined;
  const { id, first_name, last_name, username, language_code } = user.data;
  return {
    id,
    ...(first_name ? { firstName: first_name } : {}),
    ...(last_name ? { lastName: last_name } : {}),
    ...(username ? { username } : {}),
    ...(language_code ? { languageCode: language_code } : {}),
  };
};

/** Checks the signature and freshness of `raw` (the page's `Telegram.WebApp.initData`), then reads its user. */
export function checkInitData(
  raw: string | undefined | null,
  botToken: string,
  now: Date,
  maxAgeMs = INIT_DATA_MAX_AGE_MS,
): InitDataCheck {
  if (!raw) return { ok: false, reason: 'missing' };
  const params = new URLSearchParams(raw);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'missing' };
  if (!sameHex(hash, hashOf(botToken, params))) return { ok: false, reason: 'forged' };
  const authSeconds = Number(params.get('auth_date'));
  const user = userOf(params.get('user'));
  if (!Number.isSafeInteger(authSeconds) || authSeconds <= 0 || !user) return { ok: false, reason: 'forged' };
  const authDate = new Date(authSeconds * 1000);
  const age = now.getTime() - authDate.getTime();
  if (age > maxAgeMs || age < -60_000) return { ok: false, reason: 'stale' };
  const startParam = params.get('start_param');
  return { ok: true, data: { user, authDate, ...(startParam ? { startParam } : {}) } };
}

/**
 * Signs init data as Telegram does: for the demo's local sign-in (127.0.0.1 only) and for tests, which play
 * the Telegram client. Never used to accept anything.
 */
export function signInitData(
  botToken: string,
  fields: { user: SignedUser; authDate: Date; startParam?: string; queryId?: string },
): string {
  const { user } = fields;
  const params = new URLSearchParams({
    auth_date: String(Math.floor(fields.authDate.getTime() / 1000)),
    user: JSON.stringify({
      id: user.id,
      ...(user.firstName ? { first_name: user.firstName } : {}),
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.languageCode ? { language_code: user.languageCode } : {}),
    }),
  });
  if (fields.queryId) params.set('query_id', fields.queryId);
  if (fields.startParam) params.set('start_param', fields.startParam);
  params.set('hash', hashOf(botToken, params));
  return params.toString();
}
