import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { WriteRequest } from '../../src/scenarios/writes.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { type ClaimResult, createProposalRepository } from '../../src/storage/proposals.ts';
import { tempFolders } from './temp.ts';

const newFolder = tempFolders();
const director = 111;
const stranger = 222;
const quarterHour = 15 * 60 * 1000;
const at = new Date('2026-11-25T09:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const callRomashka: WriteRequest = {
  type: 'createTask',
  title: 'Позвонить в Ромашку',
  deadline: '2026-11-26T18:00:00+03:00',
};

function setUp() {
  const path = join(newFolder(), 'assistant.sqlite');
  return { path, proposals: createProposalRepository(openDatabase(path)) };
}

describe('proposals', () => {
  it('keeps the exact write under a short id that fits in button data', () => {
    const { proposals } = setUp();
    const created = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{10,12}$/);
    expect(proposals.get(created.id)).toEqual({
      id: created.id,
      telegramUserId: director,
      write: callRomashka,
      status: 'pending',
      createdAt: at,
      expiresAt: later(quarterHour),
    });
    const other = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(other.id).not.toBe(created.id);
  });

  it('lets a double tap write once: the second claim on another connection is told it is taken', () => {
    const { path, proposals } = setUp();
    const secondDevice = createProposalRepository(openDatabase(path));
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });

    const first = proposals.claim(id, director, later(1000));
    const second = secondDevice.claim(id, director, later(1001));
    expect(first).toMatchObject({ ok: true, proposal: { id, write: callRomashka, status: 'executing' } });
    expect(second).toEqual({ ok: false, reason: 'taken' });

    expect(proposals.finish(id, 'done', 'Задача создана')).toBe(true);
    expect(secondDevice.claim(id, director, later(2000))).toEqual({ ok: false, reason: 'done' });
    expect(proposals.get(id)).toMatchObject({ status: 'done', resultText: 'Задача создана' });
    // A finished proposal cannot be finished again with another outcome.
    expect(proposals.finish(id, 'failed', 'Ошибка')).toBe(false);
  });

  it('gives exactly one ok to claimers racing on separate threads and connections', async () => {
    const { path, proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    // The worker has no TypeScript loader of its own: register tsx's, then load the claimer.
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register();
      return import(require('node:worker_threads').workerData.file); });`;
    const start = new SharedArrayBuffer(8);
    const signal = new Int32Array(start);
    const racers = 4;
    let failed: unknown;
    const results = Array.from(
      { length: racers },
      () =>
        new Promise<ClaimResult>((resolve, reject) => {
          const worker = new Worker(boot, {
            eval: true,
            workerData: {
              file: pathToFileURL(join(import.meta.dirname, 'claimer.ts')).href,
              path,
              id,
              telegramUserId: director,
              now: later(1000).getTime(),
              start,
            },
          });
          worker.once('message', (result: ClaimResult) => {
            resolve(result);
            void worker.terminate();
          });
          worker.once('error', (error) => {
            failed = error;
            reject(error);
          });
        }),
    );
    // Release them together once all are connected and waiting.
    while (Atomics.load(signal, 1) < racers && !failed) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
    const outcomes = await Promise.all(results);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(
      Array.from({ length: racers - 1 }, () => ({ ok: false, reason: 'taken' })),
    );
  });

  it('survives a restart between question and tap, and still writes once', () => {
    const { path, proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    const afterRestart = createProposalRepository(openDatabase(path));
    expect(afterRestart.claim(id, director, later(60_000)).ok).toBe(true);
    expect(afterRestart.claim(id, director, later(61_000))).toEqual({ ok: false, reason: 'taken' });
  });

  it('refuses a tap after the expiry, and says so', () => {
    const { proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(proposals.claim(id, director, later(quarterHour))).toEqual({ ok: false, reason: 'expired' });
    expect(proposals.get(id)?.status).toBe('pending');
  });

  it('treats another person tapping as if there were no proposal', () => {
    const { proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(proposals.claim(id, stranger, later(1000))).toEqual({ ok: false, reason: 'missing' });
    expect(proposals.cancel(id, stranger)).toBe(false);
    expect(proposals.claim('nope-nope-no', director, later(1000))).toEqual({ ok: false, reason: 'missing' });
    // The owner's tap still works afterwards.
    expect(proposals.claim(id, director, later(2000)).ok).toBe(true);
  });

  it('cancels only a pending proposal, after which a tap does nothing', () => {
    const { proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(proposals.cancel(id, director)).toBe(true);
    expect(proposals.cancel(id, director)).toBe(false);
    expect(proposals.claim(id, director, later(1000))).toEqual({ ok: false, reason: 'cancelled' });

    const taken = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    expect(proposals.claim(taken.id, director, later(1000)).ok).toBe(true);
    expect(proposals.cancel(taken.id, director)).toBe(false);
  });

  it('records a failed write with its reason', () => {
    const { proposals } = setUp();
    const { id } = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    proposals.claim(id, director, later(1000));
    expect(proposals.finish(id, 'failed', 'Нет прав на создание задач', later(2000))).toBe(true);
    expect(proposals.get(id)).toMatchObject({ status: 'failed', finishedAt: later(2000) });
    expect(proposals.claim(id, director, later(3000))).toEqual({ ok: false, reason: 'done' });
  });

  it('drops proposals a week past their expiry when new ones are made', () => {
    const { proposals } = setUp();
    const old = proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    const eightDays = 8 * 24 * 60 * 60 * 1000;
    proposals.create({ telegramUserId: director, write: callRomashka, now: later(eightDays), ttlMs: quarterHour });
    expect(proposals.get(old.id)).toBeUndefined();
  });
});
