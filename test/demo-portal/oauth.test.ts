// The demo portal as a Bitrix24 application meets it: authorize, the token server's two grants, REST calls
// with `auth`, and the portal's own refusals of an expired, unknown or revoked token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';

let clock = new Date('2026-11-25T09:00:00Z');
let first: DemoPortal;
let second: DemoPortal;
const HANDLER = 'https://bot.example.com/bitrix24/oauth';

beforeAll(async () => {
  const options = { now: () => clock, rateLimit: false as const };
  first = await startDemoPortal({ ...options, oauth: { redirectUri: HANDLER, accessTokenLifetimeSec: 60 } });
  second = await startDemoPortal({ ...options, oauth: { redirectUri: HANDLER } });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const origin = (portal: DemoPortal) => `http://127.0.0.1:${portal.port}`;

/** What the browser does: open the authorize link, get sent back to the application's handler. */
async function authorize(portal: DemoPortal, state = 'state-1'): Promise<URL> {
  const query = new URLSearchParams({ client_id: portal.oauth.clientId, state });
  const response = await fetch(`${origin(portal)}/oauth/authorize/?${query}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function token(portal: DemoPortal, params: Record<string, string>) {
  const query = new URLSearchParams({
    client_id: portal.oauth.clientId,
    client_secret: portal.oauth.clientSecret,
    ...params,
  });
  const response = await fetch(`${origin(portal)}/oauth/token/?${query}`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function rest(portal: DemoPortal, method: string, auth?: string) {
  const response = await fetch(`${origin(portal)}/rest/${method}.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(auth === undefined ? {} : { auth }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function connect(portal: DemoPortal, userId: number) {
  portal.oauth.signedInUserId = userId;
  const back = await authorize(portal);
  const answer = await token(portal, { grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '' });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('the demo portal with the application installed', () => {
  it('sends the browser back to the handler with code, state, domain, member_id and scope', async () => {
    const back = await authorize(first, 'abc');
    expect(`${back.origin}${back.pathname}`).toBe(HANDLER);
    expect(back.searchParams.get('state')).toBe('abc');
    expect(back.searchParams.get('domain')).toBe(`127.0.0.1:${first.port}`);
    expect(back.searchParams.get('member_id')).toBe(first.oauth.memberId);
    expect(back.searchParams.get('scope')).toContain('crm');
    expect(back.searchParams.get('code')).toMatch(/^\w{20,}$/);
  });

  it('exchanges a code once, and the token acts as the user who approved', async () => {
    first.oauth.signedInUserId = 3;
    const code = (await authorize(first)).searchParams.get('code') ?? '';
    const granted = await token(first, { grant_type: 'authorization_code', code });
    expect(granted.body).toMatchObject({
      client_endpoint: `${origin(first)}/rest/`,
      member_id: first.oauth.memberId,
      expires_in: 60,
    });
    const me = await rest(first, 'user.current', granted.body.access_token);
    expect(me.body.result).toMatchObject({ ID: '3', LAST_NAME: 'Попов' });
    const again = await token(first, { grant_type: 'authorization_code', code });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code after its 30 seconds and a wrong application secret', async () => {
    const code = (await authorize(first)).searchParams.get('code') ?? '';
    const wrongSecret = await fetch(
      `${origin(first)}/oauth/token/?${new URLSearchParams({ grant_type: 'authorization_code', client_id: first.oauth.clientId, client_secret: 'nope', code })}`,
    );
    expect(wrongSecret.status).toBe(401);
    const late = (await authorize(first)).searchParams.get('code') ?? '';
    clock = new Date(clock.getTime() + 31_000);
    expect((await token(first, { grant_type: 'authorization_code', code: late })).body.error).toBe('invalid_grant');
  });

  it('answers an expired token with 401 expired_token and an unknown one with 401 invalid_token', async () => {
    const tokens = await connect(first, 1);
    clock = new Date(clock.getTime() + 61_000);
    expect(await rest(first, 'user.current', tokens.access_token)).toMatchObject({
      status: 401,
      body: { error: 'expired_token' },
    });
    expect(await rest(first, 'user.current', 'made-up')).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
    expect(await rest(first, 'user.current')).toMatchObject({ status: 401, body: { error: 'NO_AUTH_FOUND' } });
  });

  it('rotates the refresh token: the new pair works, the old refresh token is refused', async () => {
    const tokens = await connect(first, 1);
    const before = first.oauth.refreshCount;
    const renewed = await token(first, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await rest(first, 'user.current', renewed.body.access_token)).status).toBe(200);
    const replayed = await token(first, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(replayed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(first.oauth.refreshCount - before).toBe(2);
  });

  it('refuses the refresh of a revoked application', async () => {
    const tokens = await connect(first, 1);
    first.oauth.revoke();
    const refused = await token(first, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refused.body.error).toBe('invalid_grant');
  });

  it('one token server for every portal, but a token opens only its own portal', async () => {
    second.oauth.signedInUserId = 1;
    const code = (await authorize(second)).searchParams.get('code') ?? '';
    // Exchanged at the first portal's token server, as oauth.bitrix.info serves every portal.
    const granted = await token(second, { grant_type: 'authorization_code', code });
    expect(granted.body.client_endpoint).toBe(`${origin(second)}/rest/`);
    expect((await rest(second, 'user.current', granted.body.access_token)).status).toBe(200);
    expect((await rest(first, 'user.current', granted.body.access_token)).body.error).toBe('invalid_token');
  });
});
