// Talks to the demo portal over real HTTP the three ways a client can: GET query, form body, JSON body.
import { afterAll, beforeAll } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { encodeParams as encodeLikeOurClient } from '../../src/portal/encode.ts';

export type Transport = 'get' | 'form' | 'json';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Bracket encoding with indexed lists (`select[0]=ID`), as PHP's http_build_query writes it; our client writes `[]`. */
function encodeIndexed(params: Record<string, unknown>, prefix = ''): string[] {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (value !== null && typeof value === 'object') {
      pairs.push(...encodeIndexed(value as Record<string, unknown>, name));
    } else {
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value ?? ''))}`);
    }
  }
  return pairs;
}

export async function request(
  url: string,
  params: Record<string, unknown> = {},
  transport: Transport = 'json',
): Promise<Answer> {
  let response: Response;
  if (transport === 'get') {
    const query = encodeLikeOurClient(params);
    response = await fetch(query ? `${url}?${query}` : url);
  } else if (transport === 'form') {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: encodeIndexed(params).join('&'),
    });
  } else {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
  }
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

export function caller(portal: DemoPortal) {
  return (method: string, params: Record<string, unknown> = {}, transport: Transport = 'json') =>
    request(`${portal.webhookUrl}${method}`, params, transport);
}

/** 2026-11-25 12:00 in Moscow: a Wednesday. */
export const NOW = new Date('2026-11-25T09:00:00Z');

/** One demo portal for a whole test file (at NOW, no rate limit), and the way to call it. */
export function demoPortalForFile(): ReturnType<typeof caller> {
  let portal: DemoPortal | undefined;
  beforeAll(async () => {
    portal = await startDemoPortal({ now: () => NOW, rateLimit: false });
  });
  afterAll(() => portal?.close());
  return (method, params, transport) => {
    if (!portal) throw new Error('the demo portal starts before the tests');
    return caller(portal)(method, params, transport);
  };
}

/** An access token of the installed application for the demo user who approves it (the director by default). */
export async function accessTokenOf(portal: DemoPortal): Promise<string> {
  const origin = `http://127.0.0.1:${portal.port}`;
  const query = new URLSearchParams({ client_id: portal.oauth.clientId, state: 'events' });
  const back = await fetch(`${origin}/oauth/authorize/?${query}`, { redirect: 'manual' });
  const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const grant = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: portal.oauth.clientId,
    client_secret: portal.oauth.clientSecret,
    code,
  });
  const answer = (await (await fetch(`${origin}/oauth/token/?${grant}`)).json()) as { access_token: string };
  return answer.access_token;
}
