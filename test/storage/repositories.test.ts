import { describe, expect, it } from 'vitest';
import { createCacheRepository } from '../../src/storage/cache.ts';
import { createDirectorRepository, type DirectorRecord } from '../../src/storage/directors.ts';
import { createMemoryRepository, MEMORY_LINES } from '../../src/storage/memory.ts';
import { storageEngines } from './engines.ts';

const at = new Date('2026-11-25T09:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

const alexey: DirectorRecord = {
  telegramUserId: 5001,
  chatId: 5001,
  portalUserId: 1,
  timeZone: 'Europe/Moscow',
  language: 'ru',
  introduced: false,
};

describe.each(storageEngines())('on $name', (engine) => {
  describe('directors', () => {
    it('remembers a director across a restart, updates and introduces them', async () => {
      const place = await engine.place();
      const directors = createDirectorRepository(await engine.open(place));
      expect(await directors.get(alexey.telegramUserId)).toBeUndefined();
      await directors.save(alexey);
      await directors.save({
        telegramUserId: 4000,
        chatId: 4000,
        portalUserId: 7,
        timeZone: 'Asia/Vladivostok',
        language: 'en',
        introduced: true,
      });

      const reopened = createDirectorRepository(await engine.open(place));
      expect(await reopened.get(alexey.telegramUserId)).toEqual(alexey);
      await reopened.markIntroduced(alexey.telegramUserId);
      await reopened.save({ ...alexey, introduced: true, timeZone: 'Europe/Samara' });
      expect(await reopened.get(alexey.telegramUserId)).toEqual({
        ...alexey,
        introduced: true,
        timeZone: 'Europe/Samara',
      });
      expect(
        (await reopened.all()).map((record) => [record.telegramUserId, record.portalUserId, record.language]),
      ).toEqual([
        [4000, 7, 'en'],
        [5001, 1, 'ru'],
      ]);
    });
  });

  describe('memory', () => {
    it(`keeps only the last ${MEMORY_LINES} lines of each director, oldest first`, async () => {
      const memory = createMemoryRepository(await engine.open());
      for (let i = 1; i <= 14; i++) {
        await memory.remember(alexey.telegramUserId, i % 2 ? 'director' : 'assistant', `реплика ${i}`, later(i * 1000));
      }
      await memory.remember(4000, 'director', 'чужая реплика', later(99_000));

      const kept = await memory.recent(alexey.telegramUserId, 50);
      expect(kept.map((line) => line.text)).toEqual(Array.from({ length: 10 }, (_, i) => `реплика ${i + 5}`));
      expect(kept[0]).toEqual({ role: 'director', text: 'реплика 5', at: later(5000) });
      expect((await memory.recent(alexey.telegramUserId, 2)).map((line) => line.text)).toEqual([
        'реплика 13',
        'реплика 14',
      ]);
      expect((await memory.recent(4000, 10)).map((line) => line.text)).toEqual(['чужая реплика']);
      expect(await memory.recent(777, 10)).toEqual([]);
    });

    it('keeps one context per director until it is replaced or forgotten', async () => {
      const memory = createMemoryRepository(await engine.open());
      expect(await memory.getContext(alexey.telegramUserId)).toBeUndefined();
      await memory.setContext(alexey.telegramUserId, { kind: 'schedule', day: '2026-11-25' });
      await memory.setContext(alexey.telegramUserId, { kind: 'schedule', day: '2026-11-26' });
      await memory.setContext(4000, { kind: 'tasks' });
      expect(await memory.getContext(alexey.telegramUserId)).toEqual({ kind: 'schedule', day: '2026-11-26' });
      await memory.setContext(alexey.telegramUserId, undefined);
      expect(await memory.getContext(alexey.telegramUserId)).toBeUndefined();
      expect(await memory.getContext(4000)).toEqual({ kind: 'tasks' });
    });

    it('is shared by two instances on one database: a follow-up may land on either', async () => {
      const place = await engine.place();
      const first = createMemoryRepository(await engine.open(place));
      const second = createMemoryRepository(await engine.open(place));
      await first.remember(alexey.telegramUserId, 'director', 'задачи Орловой', at);
      await first.setContext(alexey.telegramUserId, { previous: 'tasks' });
      expect((await second.recent(alexey.telegramUserId, 5)).map((line) => line.text)).toEqual(['задачи Орловой']);
      expect(await second.getContext(alexey.telegramUserId)).toEqual({ previous: 'tasks' });
    });
  });

  describe('cache', () => {
    it('returns a value until its time is up, then nothing', async () => {
      const cache = createCacheRepository(await engine.open());
      const stages = [{ id: 'NEW', name: 'Новая' }];
      await cache.set('stages:0', stages, 60_000, at);
      expect(await cache.get('stages:0', later(59_999))).toEqual(stages);
      expect(await cache.get('stages:0', later(60_000))).toBeUndefined();
      expect(await cache.get('never-set', at)).toBeUndefined();

      await cache.set('stages:0', [], 60_000, later(60_000));
      expect(await cache.get('stages:0', later(60_001))).toEqual([]);
    });

    it('drops expired entries when something new is stored', async () => {
      const db = await engine.open();
      const cache = createCacheRepository(db);
      await cache.set('users:1', { name: 'Алексей Смирнов' }, 1000, at);
      await cache.set('users:2', { name: 'Ольга' }, 1000, later(5000));
      expect(await db.all('SELECT key FROM cache')).toEqual([{ key: 'users:2' }]);
    });
  });
});
