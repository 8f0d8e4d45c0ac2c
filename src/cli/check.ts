// `b24 check`: the webhook, step by step, each step with a plain verdict, the secret masked.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { createPortalClient } from '../portal/client.ts';
import { isPortalError, isPortalUnreachable } from '../portal/errors.ts';
import { missingScopes, NEEDED_SCOPES, rightsProbes, SCOPE_WORDS } from '../portal/scopes.ts';
import { maskedAddress, parseWebhookAddress, WebhookAddressError } from '../portal/webhook-address.ts';

interface CheckIo {
  out(text: string): void;
}

// A clock further off than this makes "today" and "overdue" wrong near midnight.
const skewWarningSeconds = 60;

type Family = keyof typeof SCOPE_WORDS;

/** The families the webhook has but whose reads its user is refused (ACCESS_DENIED): one batch, one request. */
async function deniedReads(
  client: ReturnType<typeof createPortalClient>,
  userId: number,
  missingScopes: string[],
): Promise<Family[]> {
  const probes = Object.entries(rightsProbes(userId)).filter(([scope]) => !missingScopes.includes(scope));
  try {
    const { errors } = await client.batch(Object.fromEntries(probes));
    return Object.entries(errors)
      .filter(([, error]) => /access|denied|forbidden/i.test(`${error.error} ${error.error_description}`))
      .map(([scope]) => scope as Family);
  } catch (error) {
    if (!isPortalError(error)) throw error;
    return [];
  }
}

type Line = (verdict: 'ok' | 'FAIL' | 'WARN', step: string, text: string) => void;
type Client = ReturnType<typeof createPortalClient>;
interface PortalUser {
  ID?: unknown;
  NAME?: unknown;
  LAST_NAME?: unknown;
  TIME_ZONE?: unknown;
}

/** The webhook's address read and shown masked, or the reason it cannot be. */
function checkAddress(webhookUrl: string | undefined, line: Line): ReturnType<typeof parseWebhookAddress> | string {
  if (!webhookUrl) {
    line('FAIL', 'address', 'BITRIX24_WEBHOOK_URL is not set');
    return 'Create an incoming webhook in the portal and put its address into BITRIX24_WEBHOOK_URL.';
  }
  try {
    const address = parseWebhookAddress(webhookUrl);
    line('ok', 'address', maskedAddress(address));
    return address;
  } catch (error) {
    if (!(error instanceof WebhookAddressError)) throw error;
    line('FAIL', 'address', error.message);
    return 'Copy the address again from the portal: Developer resources → Other → Incoming webhook.';
  }
}

/** True when the portal's name is found (or is an IP address). */
async function checkDns(origin: string, line: Line): Promise<boolean> {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    line('ok', 'DNS', `${host} is an IP address`);
    return true;
  }
  try {
    const found = await lookup(host);
    line('ok', 'DNS', `${host} → ${found.address}`);
    return true;
  } catch {
    line('FAIL', 'DNS', `${host} is not found`);
    return false;
  }
}

/** The webhook's user, once the portal answers and accepts the webhook; else what to do. */
async function checkUser(client: Client, userId: number, line: Line): Promise<{ user: PortalUser } | { fix: string }> {
  const startedAt = Date.now();
  try {
    const reply = await client.call<PortalUser>('user.current');
    const user = reply.result ?? {};
    const dateStart = reply.time?.date_start;
    line('ok', 'reachable', `the portal answered in ${Date.now() - startedAt} ms`);
    line('ok', 'authorization', 'the webhook is accepted');
    const name = [user.NAME, user.LAST_NAME].filter((part) => typeof part === 'string' && part).join(' ') || 'no name';
    const zone =
      typeof user.TIME_ZONE === 'string' && user.TIME_ZONE
        ? user.TIME_ZONE
        : `not set: the portal's default applies${dateStart ? ` (UTC${dateStart.slice(-6)})` : ''}`;
    line('ok', 'user', `${name} (#${String(user.ID ?? userId)}), time zone ${zone}`);
    return { user };
  } catch (error) {
    if (!isPortalError(error)) throw error;
    if (isPortalUnreachable(error)) {
      line('FAIL', 'reachable', error.message);
      return { fix: 'The portal does not answer: check that it is up and reachable from this machine.' };
    }
    line('ok', 'reachable', 'the portal answered');
    line('FAIL', 'authorization', `${error.message}`);
    return { fix: 'The webhook was deleted or its address is wrong: create it again and update the address.' };
  }
}

/** The permissions the assistant needs that the webhook lacks. */
async function checkScopes(client: Client, line: Line): Promise<string[]> {
  try {
    const granted = (await client.call<unknown>('scope')).result;
    const scopes = Array.isArray(granted) ? granted.filter((scope): scope is string => typeof scope === 'string') : [];
    const missing = missingScopes(scopes);
    if (missing.length === 0) line('ok', 'scopes', `has all the assistant needs: ${NEEDED_SCOPES.join(', ')}`);
    else {
      const named = missing.map((scope) => `${scope} (${SCOPE_WORDS[scope as keyof typeof SCOPE_WORDS]})`);
      line('FAIL', 'scopes', `missing: ${named.join(', ')}; has: ${scopes.join(', ') || 'none'}`);
    }
    return missing;
  } catch (error) {
    if (!isPortalError(error)) throw error;
    line('FAIL', 'scopes', error.message);
    return [...NEEDED_SCOPES];
  }
}

/** How far this machine's clock is from the portal's: a warning only. */
async function checkClock(client: Client, line: Line): Promise<void> {
  try {
    const sentAt = Date.now();
    const serverTime = (await client.call<unknown>('server.time')).result;
    const localMidpoint = (sentAt + Date.now()) / 2;
    const portalAt = typeof serverTime === 'string' ? Date.parse(serverTime) : Number.NaN;
    if (Number.isNaN(portalAt)) line('WARN', 'clock', 'the portal did not tell its time');
    else {
      const skew = (portalAt - localMidpoint) / 1000;
      const text = `this machine's clock and the portal's differ by ${Math.abs(skew).toFixed(1)} s`;
      line(Math.abs(skew) > skewWarningSeconds ? 'WARN' : 'ok', 'clock', text);
    }
  } catch (error) {
    if (!isPortalError(error)) throw error;
    line('WARN', 'clock', error.message);
  }
}

export async function runCheck(webhookUrl: string | undefined, io: CheckIo): Promise<number> {
  const line: Line = (verdict, step, text) => io.out(`${verdict.padEnd(5)} ${step.padEnd(14)} ${text}`);
  const verdict = (ready: boolean, text: string) => {
    io.out(`\nVerdict: ${ready ? 'ready' : 'not ready'}. ${text}`);
    return ready ? 0 : 1;
  };

  io.out('Checking the webhook in BITRIX24_WEBHOOK_URL');
  const address = checkAddress(webhookUrl, line);
  if (typeof address === 'string') {
    verdict(false, address);
    return 2;
  }
  if (!(await checkDns(address.origin, line))) return verdict(false, 'Check the portal name in the address.');

  const client = createPortalClient({ webhookUrl: webhookUrl!, retries: 1, timeoutMs: 15_000 });
  const found = await checkUser(client, address.userId, line);
  if ('fix' in found) return verdict(false, found.fix);
  const missing = await checkScopes(client, line);
  const denied = await deniedReads(client, Number(found.user.ID ?? address.userId), missing);
  const deniedNames = denied.map((scope) => SCOPE_WORDS[scope]).join(', ');
  if (denied.length > 0) line('FAIL', 'rights', `the webhook's user may not read: ${deniedNames}`);
  else line('ok', 'rights', `the webhook's user may read everything the assistant shows`);
  await checkClock(client, line);

  if (missing.length > 0) {
    return verdict(false, `In the portal, give the webhook these permissions: ${missing.join(', ')}.`);
  }
  if (denied.length > 0)
    return verdict(false, `Ask the portal administrator to let the webhook's user read ${deniedNames}.`);
  return verdict(true, 'The portal answers and the webhook has every permission the assistant needs.');
}
