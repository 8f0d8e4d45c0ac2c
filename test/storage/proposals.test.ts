import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { type ClaimResult, createProposalRepository } from '../../src/storage/proposal-repository.ts';
import type { WriteRequest } from '../../src/vocabulary/writes.ts';
import { storageEngines } from './engines.ts';

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

const engines = storageEngines();

describe.each(engines)('proposals on $name', (engine) => {
  async function setUp() {
    const place = await engine.place();
    return { place, proposals: createProposalRepository(await engine.open(place)) };
  }

  it('keeps the exact write under a short id that fits in button data', async () => {
    const { proposals } = await setUp();
    const created = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{10,12}$/);
    expect(await proposals.get(created.id)).toEqual({
      id: created.id,
      telegramUserId: director,
      write: callRomashka,
      status: 'pending',
      createdAt: at,
      expiresAt: later(quarterHour),
    });
    const other = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect(other.id).not.toBe(created.id);
  });

  it('lets a double tap write once: the second claim on another connection is told it is taken', async () => {
    const { place, proposals } = await setUp();
    const secondDevice = createProposalRepository(await engine.open(place));
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });

    const first = await proposals.claim(id, director, later(1000));
    const second = await secondDevice.claim(id, director, later(1001));
    expect(first).toMatchObject({ ok: true, proposal: { id, write: callRomashka, status: 'executing' } });
    expect(second).toEqual({ ok: false, reason: 'taken' });

    expect(await proposals.finish(id, 'done', 'Задача создана')).toBe(true);
    expect(await secondDevice.claim(id, director, later(2000))).toEqual({ ok: false, reason: 'done' });
    expect(await proposals.get(id)).toMatchObject({ status: 'done', resultText: 'Задача создана' });
    // A finished proposal cannot be finished again with another outcome.
    expect(await proposals.finish(id, 'failed', 'Ошибка')).toBe(false);
  });

  it('gives exactly one ok to claimers racing on separate threads and connections', async () => {
    const { place, proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
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
              place,
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

  it('survives a restart between question and tap, and still writes once', async () => {
    const { place, proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    const afterRestart = createProposalRepository(await engine.open(place));
    expect((await afterRestart.claim(id, director, later(60_000))).ok).toBe(true);
    expect(await afterRestart.claim(id, director, later(61_000))).toEqual({ ok: false, reason: 'taken' });
  });

  it('refuses a tap after the expiry, and says so', async () => {
    const { proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect(await proposals.claim(id, director, later(quarterHour))).toEqual({ ok: false, reason: 'expired' });
    expect((await proposals.get(id))?.status).toBe('pending');
  });

  it('treats another person tapping as if there were no proposal', async () => {
    const { proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect(await proposals.claim(id, stranger, later(1000))).toEqual({ ok: false, reason: 'missing' });
    expect(await proposals.cancel(id, stranger)).toBe(false);
    expect(await proposals.claim('nope-nope-no', director, later(1000))).toEqual({ ok: false, reason: 'missing' });
    // The owner's tap still works afterwards.
    expect((await proposals.claim(id, director, later(2000))).ok).toBe(true);
  });

  it('cancels only a pending proposal, after which a tap does nothing', async () => {
    const { proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect(await proposals.cancel(id, director)).toBe(true);
    expect(await proposals.cancel(id, director)).toBe(false);
    expect(await proposals.claim(id, director, later(1000))).toEqual({ ok: false, reason: 'cancelled' });

    const taken = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    expect((await proposals.claim(taken.id, director, later(1000))).ok).toBe(true);
    expect(await proposals.cancel(taken.id, director)).toBe(false);
  });

  it('records a failed write with its reason', async () => {
    const { proposals } = await setUp();
    const { id } = await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: at,
      ttlMs: quarterHour,
    });
    await proposals.claim(id, director, later(1000));
    expect(await proposals.finish(id, 'failed', 'Нет прав на создание задач', later(2000))).toBe(true);
    expect(await proposals.get(id)).toMatchObject({ status: 'failed', finishedAt: later(2000) });
    expect(await proposals.claim(id, director, later(3000))).toEqual({ ok: false, reason: 'done' });
  });

  it('drops proposals a week past their expiry when new ones are made', async () => {
    const { proposals } = await setUp();
    const old = await proposals.create({ telegramUserId: director, write: callRomashka, now: at, ttlMs: quarterHour });
    const eightDays = 8 * 24 * 60 * 60 * 1000;
    await proposals.create({
      telegramUserId: director,
      write: callRomashka,
      now: later(eightDays),
      ttlMs: quarterHour,
    });
    expect(await proposals.get(old.id)).toBeUndefined();
  });
});
