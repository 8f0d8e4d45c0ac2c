// A director's own connection against the demo portal: calls act with their rights, the token is renewed once
// however many requests find it stale, and a refused renewal ends the connection without leaking a token.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createConnectedPortalClient } from '../../src/portal/client.ts';
import { isPortalError } from '../../src/portal/errors.ts';
import { createAuthorizationServer } from '../../src/portal/oauth-server.ts';
import { createTokenKeeper, isConnectionEnded } from '../../src/portal/tokens.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { createLeases } from '../../src/storage/instances.ts';
import { createOAuthConnectionRepository, type OAuthConnection } from '../../src/storage/oauth-connections.ts';
import { createSecretBox } from '../../src/storage/secret-box.ts';
import { tempFolders } from '../storage/temp.ts';

const newFolder = tempFolders();
let clock = new Date('2026-11-25T09:00:00Z');
const now = () => clock;
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
let portal: DemoPortal;

beforeAll(async () => {
  portal = await startDemoPortal({
    now,
    rateLimit: false,
    oauth: { redirectUri: 'https://bot.example.com/bitrix24/oauth', accessTokenLifetimeSec: 3600 },
  });
});
afterAll(() => portal.close());

/** The browser's part: approve as `userId` on the demo portal and bring back the code. */
async function codeFor(userId: number): Promise<string> {
  portal.oauth.signedInUserId = userId;
  const query = new URLSearchParams({ client_id: portal.oauth.clientId, state: 'x' });
  const response = await fetch(`http://127.0.0.1:${portal.port}/oauth/authorize/?${query}`, { redirect: 'manual' });
  return new URL(response.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

async function connected(userId: number, telegramUserId = 500 + userId) {
  const file = join(newFolder(), 'a.sqlite');
  const db = await openDatabase(file);
  const connections = createOAuthConnectionRepository(db, createSecretBox('a passphrase of the operator'));
  const server = createAuthorizationServer({
    clientId: portal.oauth.clientId,
    clientSecret: portal.oauth.clientSecret,
    server: `http://127.0.0.1:${portal.port}`,
  });
  const granted = await server.exchangeCode(await codeFor(userId));
  await connections.connect(
    telegramUserId,
    {
      memberId: granted.memberId,
      domain: `127.0.0.1:${portal.port}`,
      clientEndpoint: granted.clientEndpoint,
      portalUserId: userId,
      userName: 'someone',
    },
    {
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      accessExpiresAt: clock.getTime() + granted.expiresInSec * 1000,
    },
  );
  const endedOnes: OAuthConnection[] = [];
  const keeper = createTokenKeeper({ connections, server, now, onEnded: (connection) => endedOnes.push(connection) });
  const client = createConnectedPortalClient({
    endpoint: granted.clientEndpoint,
    portalUserId: userId,
    tokens: keeper.sourceFor(telegramUserId),
    retryDelayMs: 5,
  });
  return { client, connections, endedOnes, telegramUserId, granted, server, file, close: () => db.close() };
}

describe('a director connected with their own rights', () => {
  it('acts as the portal user who approved', async () => {
    const manager = await connected(3);
    const me = await manager.client.call<{ ID: string; LAST_NAME: string }>('user.current');
    expect(me.result).toMatchObject({ ID: '3', LAST_NAME: 'Попов' });
    await manager.close();
  });

  it('renews an expiring token once for twenty requests at once, and stores the rotated pair', async () => {
    const director = await connected(1);
    const before = portal.oauth.refreshCount;
    later(3600_000 - 30_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => director.client.call('user.current')));
    expect(answers).toHaveLength(20);
    expect(portal.oauth.refreshCount - before).toBe(1);
    const stored = await director.connections.get(director.telegramUserId);
    expect(stored?.generation).toBe(2);
    expect(stored?.tokens?.refreshToken).not.toBe(director.granted.refreshToken);
    await director.close();
  });

  it('renews once for two instances on one database: the other waits for the pair it stores', async () => {
    const director = await connected(1);
    // A second instance: its own database handle on the same file, its own keeper and client.
    const file = director.file;
    const instances = await Promise.all(
      ['first', 'second'].map(async (owner) => {
        const db = await openDatabase(file);
        const connections = createOAuthConnectionRepository(db, createSecretBox('a passphrase of the operator'));
        const keeper = createTokenKeeper({
          connections,
          server: director.server,
          now,
          shared: { leases: createLeases(db), owner, pollMs: 5 },
        });
        const client = createConnectedPortalClient({
          endpoint: director.granted.clientEndpoint,
          portalUserId: 1,
          tokens: keeper.sourceFor(director.telegramUserId),
          retryDelayMs: 5,
        });
        return { client, db };
      }),
    );
    const before = portal.oauth.refreshCount;
    later(3600_000 - 30_000);
    const answers = await Promise.all(
      instances.flatMap(({ client }) => Array.from({ length: 5 }, () => client.call('user.current'))),
    );
    expect(answers).toHaveLength(10);
    expect(portal.oauth.refreshCount - before).toBe(1);
    expect((await director.connections.get(director.telegramUserId))?.generation).toBe(2);
    for (const { db } of instances) await db.close();
    await director.close();
  });

  it('renews once when the portal says expired_token although the stored expiry said otherwise', async () => {
    const director = await connected(1);
    // The portal's clock runs ahead of what we stored: its word wins.
    await director.connections.rotate(director.telegramUserId, 1, {
      accessToken: director.granted.accessToken,
      refreshToken: director.granted.refreshToken,
      accessExpiresAt: clock.getTime() + 10 * 3600_000,
    });
    later(3600_000 + 1000);
    const before = portal.oauth.refreshCount;
    const answers = await Promise.all(Array.from({ length: 10 }, () => director.client.call('user.current')));
    expect(answers.every((answer) => (answer.result as { ID: string }).ID === '1')).toBe(true);
    expect(portal.oauth.refreshCount - before).toBe(1);
    await director.close();
  });

  it('ends the connection when the renewal is refused, and no token shows in the error', async () => {
    const director = await connected(1);
    portal.oauth.revoke(1);
    later(3600_000 + 1000);
    const failures = await Promise.allSettled([
      director.client.call('user.current'),
      director.client.call('user.current'),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      const error = (failure as PromiseRejectedResult).reason;
      expect(isPortalError(error) && isConnectionEnded(error)).toBe(true);
      const said = `${String(error)} ${JSON.stringify(error)}`;
      expect(said).not.toContain(director.granted.accessToken);
      expect(said).not.toContain(director.granted.refreshToken);
    }
    expect(director.endedOnes).toHaveLength(1);
    expect((await director.connections.get(director.telegramUserId))?.tokens).toBeUndefined();
    // Ended means ended: no further renewal is even tried.
    const before = portal.oauth.refreshCount;
    await expect(director.client.call('user.current')).rejects.toSatisfy(isConnectionEnded);
    expect(portal.oauth.refreshCount).toBe(before);
    await director.close();
  });
});
