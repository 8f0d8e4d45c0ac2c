import { describe, expect, it } from 'vitest';
import { createCacheRepository } from '../../src/storage/cache.ts';
import type { Database } from '../../src/storage/db.ts';
import { createDigestRepository } from '../../src/storage/digest-repository.ts';
import { createDirectorRepository, type DirectorRecord } from '../../src/storage/directors.ts';
import { createMemoryRepository, MEMORY_LINES, type MemoryLine } from '../../src/storage/memory.ts';
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
      const line = (i: number) => ({
        role: i % 2 ? 'director' : 'assistant',
        text: `реплика ${i}`,
        at: later(i * 1000),
      });
      // One exchange at a time, the director's words and the answer together, as the assistant keeps them.
      for (let i = 1; i <= 14; i += 2)
        await memory.remember(alexey.telegramUserId, [line(i), line(i + 1)] as MemoryLine[]);
      await memory.remember(4000, [{ role: 'director', text: 'чужая реплика', at: later(99_000) }]);

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
      await memory.setContext(alexey.telegramUserId, '{"kind":"schedule","day":"2026-11-25"}');
      await memory.setContext(alexey.telegramUserId, '{"kind":"schedule","day":"2026-11-26"}');
      await memory.setContext(4000, '{"kind":"tasks"}');
      // Given back as written, to the character: a reader compares it with what it wrote.
      expect(await memory.getContext(alexey.telegramUserId)).toBe('{"kind":"schedule","day":"2026-11-26"}');
      await memory.setContext(alexey.telegramUserId, undefined);
      expect(await memory.getContext(alexey.telegramUserId)).toBeUndefined();
      expect(await memory.getContext(4000)).toBe('{"kind":"tasks"}');
    });

    it('is shared by two instances on one database: a follow-up may land on either', async () => {
      const place = await engine.place();
      const first = createMemoryRepository(await engine.open(place));
      const second = createMemoryRepository(await engine.open(place));
      await first.remember(alexey.telegramUserId, [{ role: 'director', text: 'задачи Орловой', at }]);
      await first.setContext(alexey.telegramUserId, '{"previous":"tasks"}');
      expect((await second.recent(alexey.telegramUserId, 5)).map((line) => line.text)).toEqual(['задачи Орловой']);
      expect(await second.getContext(alexey.telegramUserId)).toBe('{"previous":"tasks"}');
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

  describe('digest slots', () => {
    /** A switched-on morning briefing of 25 November, claimed by `owner` until `until`. */
    async function claimedBy(db: Database, owner: string, until: Date) {
      await createDirectorRepository(db).save(alexey);
      const digests = createDigestRepository(db);
      const nextRunAt = later(0);
      await digests.save(
        [
          {
            telegramUserId: alexey.telegramUserId,
            digest: 'morningBriefing',
            enabled: true,
            localTime: '12:00',
            timeZone: 'Europe/Moscow',
            nextRunAt,
          },
        ],
        at,
      );
      const claim = await digests.claim({
        telegramUserId: alexey.telegramUserId,
        digest: 'morningBriefing',
        previousRunAt: nextRunAt,
        nextRunAt: later(86_400_000),
        localDate: '2026-11-25',
        scheduledAt: nextRunAt,
        status: 'sending',
        giveUpAt: later(1_800_000),
        now: at,
        lease: { owner, until },
      });
      if (claim.outcome !== 'claimed') throw new Error(`not claimed: ${claim.outcome}`);
      return { digests, slot: claim.slot };
    }

    it('counts the messages handed over only for the instance holding the slot, and forgets the rest once sent', async () => {
      const db = await engine.open();
      const { digests, slot } = await claimedBy(db, 'first', later(10_000));
      expect(await digests.handOver(slot.id, 'first', 1, '[{"html":"часть 2"}]')).toBe(true);
      expect(await digests.handOver(slot.id, 'second', 2, '[]')).toBe(false);
      // The first instance died: the second takes the slot over with what is left to send.
      const [taken] = await digests.takeOver(later(10_000), { owner: 'second', until: later(20_000) });
      expect(taken).toMatchObject({ handedOver: 1, rest: '[{"html":"часть 2"}]', attempts: 2 });
      expect(await digests.handOver(slot.id, 'first', 2, '[]')).toBe(false);
      expect(await digests.handOver(slot.id, 'second', 2, '[]')).toBe(true);
      await digests.finish(slot.id, 'sent', '2 message(s)', later(11_000));
      expect(await digests.slots(alexey.telegramUserId)).toMatchObject([
        { status: 'sent', handedOver: 2, rest: undefined },
      ]);
      expect(await digests.handOver(slot.id, 'second', 3, '[]')).toBe(false);
    });

    it('gives a slot whose lease ran out to exactly one of two instances taking it over at once', async () => {
      const place = await engine.place();
      await claimedBy(await engine.open(place), 'died', later(10_000));
      const [first, second] = await Promise.all(
        ['first', 'second'].map(async (owner) =>
          createDigestRepository(await engine.open(place)).takeOver(later(10_000), { owner, until: later(20_000) }),
        ),
      );
      expect([...first!, ...second!]).toHaveLength(1);
    });
  });
});
