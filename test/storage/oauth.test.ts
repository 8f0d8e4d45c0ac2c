// The storage of connections: a /connect state is good once and for ten minutes; token pairs are sealed and
// replaced only by compare-and-swap.
import { describe, expect, it } from 'vitest';
import { createOAuthConnectionRepository } from '../../src/storage/oauth-connections.ts';
import { createOAuthStateRepository } from '../../src/storage/oauth-states.ts';
import { createSecretBox } from '../../src/storage/secret-box.ts';
import { storageEngines } from './engines.ts';

const TEN_MINUTES = 10 * 60_000;
const at = new Date('2026-11-25T09:00:00Z');
const request = { telegramUserId: 7, chatId: 7, portal: 'https://romashka.bitrix24.ru', language: 'ru' as const };

describe.each(storageEngines())('on $name', (engine) => {
  describe('connect states', () => {
    it('are claimed once, only before they expire, and only their hash is stored', async () => {
      const db = await engine.open();
      const states = createOAuthStateRepository(db);
      const state = await states.create(request, at, TEN_MINUTES);
      const stored = JSON.stringify(await db.all('SELECT * FROM oauth_states'));
      expect(stored).not.toContain(state);
      expect(await states.claim(state, new Date(at.getTime() + 60_000))).toEqual(request);
      expect(await states.claim(state, new Date(at.getTime() + 61_000))).toBeUndefined();
      const late = await states.create(request, at, TEN_MINUTES);
      expect(await states.claim(late, new Date(at.getTime() + TEN_MINUTES + 1))).toBeUndefined();
      expect(await states.claim('forged', at)).toBeUndefined();
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
