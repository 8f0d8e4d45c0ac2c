import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCacheRepository } from '../../src/storage/cache.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { createDirectorRepository, type DirectorRecord } from '../../src/storage/directors.ts';
import { createMemoryRepository, MEMORY_LINES } from '../../src/storage/memory.ts';
import { tempFolders } from './temp.ts';

const newFolder = tempFolders();
const database = () => openDatabase(join(newFolder(), 'assistant.sqlite'));
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

describe('directors', () => {
  it('remembers a director across a restart, updates and introduces them', () => {
    const path = join(newFolder(), 'assistant.sqlite');
    const directors = createDirectorRepository(openDatabase(path));
    expect(directors.get(alexey.telegramUserId)).toBeUndefined();
    directors.save(alexey);
    directors.save({
      telegramUserId: 4000,
      chatId: 4000,
      portalUserId: 7,
      timeZone: 'Asia/Vladivostok',
      language: 'en',
      introduced: true,
    });

    const reopened = createDirectorRepository(openDatabase(path));
    expect(reopened.get(alexey.telegramUserId)).toEqual(alexey);
    reopened.markIntroduced(alexey.telegramUserId);
    reopened.save({ ...alexey, introduced: true, timeZone: 'Europe/Samara' });
    expect(reopened.get(alexey.telegramUserId)).toEqual({ ...alexey, introduced: true, timeZone: 'Europe/Samara' });
    expect(reopened.all().map((record) => [record.telegramUserId, record.portalUserId, record.language])).toEqual([
      [4000, 7, 'en'],
      [5001, 1, 'ru'],
    ]);
  });
});

describe('memory', () => {
  it(`keeps only the last ${MEMORY_LINES} lines of each director, oldest first`, () => {
    const memory = createMemoryRepository(database());
    for (let i = 1; i <= 14; i++) {
      memory.remember(alexey.telegramUserId, i % 2 ? 'director' : 'assistant', `реплика ${i}`, later(i * 1000));
    }
    memory.remember(4000, 'director', 'чужая реплика', later(99_000));

    const kept = memory.recent(alexey.telegramUserId, 50);
    expect(kept.map((line) => line.text)).toEqual(Array.from({ length: 10 }, (_, i) => `реплика ${i + 5}`));
    expect(kept[0]).toEqual({ role: 'director', text: 'реплика 5', at: later(5000) });
    expect(memory.recent(alexey.telegramUserId, 2).map((line) => line.text)).toEqual(['реплика 13', 'реплика 14']);
    expect(memory.recent(4000, 10).map((line) => line.text)).toEqual(['чужая реплика']);
    expect(memory.recent(777, 10)).toEqual([]);
  });

  it('keeps one context per director until it is replaced or forgotten', () => {
    const memory = createMemoryRepository(database());
    expect(memory.getContext(alexey.telegramUserId)).toBeUndefined();
    memory.setContext(alexey.telegramUserId, { kind: 'schedule', day: '2026-11-25' });
    memory.setContext(alexey.telegramUserId, { kind: 'schedule', day: '2026-11-26' });
    memory.setContext(4000, { kind: 'tasks' });
    expect(memory.getContext(alexey.telegramUserId)).toEqual({ kind: 'schedule', day: '2026-11-26' });
    memory.setContext(alexey.telegramUserId, undefined);
    expect(memory.getContext(alexey.telegramUserId)).toBeUndefined();
    expect(memory.getContext(4000)).toEqual({ kind: 'tasks' });
  });
});

describe('cache', () => {
  it('returns a value until its time is up, then nothing', () => {
    const db = database();
    const cache = createCacheRepository(db);
    const stages = [{ id: 'NEW', name: 'Новая' }];
    cache.set('stages:0', stages, 60_000, at);
    expect(cache.get('stages:0', later(59_999))).toEqual(stages);
    expect(cache.get('stages:0', later(60_000))).toBeUndefined();
    expect(cache.get('never-set', at)).toBeUndefined();

    cache.set('stages:0', [], 60_000, later(60_000));
    expect(cache.get('stages:0', later(60_001))).toEqual([]);
  });

  it('drops expired entries when something new is stored', () => {
    const db = database();
    const cache = createCacheRepository(db);
    cache.set('users:1', { name: 'Алексей Смирнов' }, 1000, at);
    cache.set('users:2', { name: 'Ольга' }, 1000, later(5000));
    const keys = db.prepare<[], { key: string }>('SELECT key FROM cache').all();
    expect(keys).toEqual([{ key: 'users:2' }]);
  });
});
