// The storage of connections: a connect attempt takes each step once and keeps no secret in the clear; token
// pairs are sealed and replaced only by compare-and-swap.
import { describe, expect, it } from 'vitest';
import { createConnectAttemptRepository } from '../../src/storage/connect-attempts.ts';
import { createOAuthConnectionRepository } from '../../src/storage/oauth-connections.ts';
import { createSecretBox } from '../../src/storage/secret-box.ts';
import { storageEngines } from './engines.ts';

const TEN_MINUTES = 10 * 60_000;
const at = new Date('2026-11-25T09:00:00Z');
const request = { telegramUserId: 7, chatId: 7, portal: 'https://romashka.bitrix24.ru', language: 'ru' as const };

describe.each(storageEngines())('on $name', (engine) => {
  describe('connect attempts', () => {
    it('move on one step at a time, each step taken once, and keep only hashes of their secrets', async () => {
      const db = await engine.open();
      const attempts = createConnectAttemptRepository(db);
      const ticket = await attempts.open(request, at, TEN_MINUTES);
      const attempt = await attempts.find('ticket', ticket);
      expect(attempt).toMatchObject({ ...request, step: 'link', expiresAt: at.getTime() + TEN_MINUTES });
      const id = attempt?.id ?? '';
      expect(await attempts.advance(id, 'link', 'proven', { handover: 'h-secret', telegramName: '@romashka' })).toBe(
        true,
      );
      // Of two requests taking the same step, one gets it.
      expect(await attempts.advance(id, 'link', 'proven', { handover: 'other' })).toBe(false);
      expect(await attempts.advance(id, 'proven', 'portal', { browser: 'b-secret', state: 's-secret' })).toBe(true);
      expect(await attempts.find('state', 's-secret')).toMatchObject({ id, step: 'portal', telegramName: '@romashka' });
      expect(await attempts.advance(id, 'portal', 'confirm', { grantSealed: 'sealed', confirm: 'c-secret' })).toBe(
        true,
      );
      expect((await attempts.find('confirm', 'c-secret'))?.grantSealed).toBe('sealed');
      const rows = JSON.stringify(await db.all('SELECT * FROM connect_attempts'));
      for (const secret of [ticket, 'h-secret', 'b-secret', 's-secret', 'c-secret']) expect(rows).not.toContain(secret);
      // Done, the sealed approval is gone with it.
      expect(await attempts.advance(id, 'confirm', 'done')).toBe(true);
      expect((await attempts.find('ticket', ticket))?.grantSealed).toBeUndefined();
      expect(await attempts.find('state', 'forged')).toBeUndefined();
      expect(await attempts.find('state', '')).toBeUndefined();
    });
  });

  describe('connections', () => {
    const identity = {
      memberId: 'm1',
      domain: 'romashka.bitrix24.ru',
      clientEndpoint: 'https://romashka.bitrix24.ru/rest/',
      portalUserId: 3,
      userName: 'Дмитрий Попов',
    };
    const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, accessExpiresAt: n });

    it('seal the tokens and rotate them by compare-and-swap; ending wipes them', async () => {
      const db = await engine.open();
      const connections = createOAuthConnectionRepository(db, createSecretBox('a passphrase of the operator'));
      await connections.connect(7, identity, pair(1));
      expect(JSON.stringify(await db.all('SELECT * FROM oauth_connections'))).not.toMatch(/access-1|refresh-1/);
      expect(await connections.rotate(7, 1, pair(2))).toBe(true);
      // A second refresh that started from generation 1 loses: the pair stored first stays.
      expect(await connections.rotate(7, 1, pair(3))).toBe(false);
      expect(await connections.get(7)).toMatchObject({ generation: 2, tokens: pair(2), ...identity });
      expect(await connections.end(7, 2)).toBe(true);
      expect((await connections.get(7))?.tokens).toBeUndefined();
      expect(await connections.rotate(7, 2, pair(4))).toBe(false);
      await connections.connect(7, identity, pair(5));
      expect(await connections.get(7)).toMatchObject({ generation: 3, tokens: pair(5) });
      expect(await connections.remove(7)).toBe(true);
      expect(await connections.get(7)).toBeUndefined();
    });
  });
});
