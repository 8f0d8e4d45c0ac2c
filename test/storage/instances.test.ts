// What several instances share through the database: updates already taken, the portal's request limit, leases.
import { describe, expect, it } from 'vitest';
import { createLeases, createSeenUpdates, createSharedBuckets } from '../../src/storage/instances.ts';
import { storageEngines } from './engines.ts';

const at = new Date('2026-11-25T09:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe.each(storageEngines())('on $name', (engine) => {
  it('a repeated update is taken by exactly one of two instances', async () => {
    const place = await engine.place();
    const first = createSeenUpdates(await engine.open(place));
    const second = createSeenUpdates(await engine.open(place));
    const taken = await Promise.all([first(7001), second(7001), first(7002)]);
    expect(taken.filter((fresh, index) => index < 2 && fresh)).toHaveLength(1);
    expect(taken[2]).toBe(true);
    expect(await second(7002)).toBe(false);
  });

  it('two instances together take no more from one portal than its limit', async () => {
    const place = await engine.place();
    const limit = { perSecond: 20, burst: 5 };
    // The clock stands still and no wait takes time: each request's wait is decided by the shared level alone,
    // however busy the machine is.
    const still = () => 0;
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
    };
    const first = createSharedBuckets(await engine.open(place), still, wait)('portal|1', limit);
    const second = createSharedBuckets(await engine.open(place), still, wait)('portal|1', limit);
    await Promise.all(Array.from({ length: 25 }, (_, index) => (index % 2 ? first : second).take()));
    // 5 at once, the other 20 one every 50 ms (20 a second) whichever instance asked: the last a second later.
    const slots = waits.map((ms) => Math.round(ms / 50)).sort((a, b) => a - b);
    expect(slots).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('an instance holds at most 8 places in the shared queue: one that dies leaves no long gap for the others', async () => {
    const place = await engine.place();
    const limit = { perSecond: 1, burst: 0 };
    const still = () => 0;
    // Each wait lasts until the test ends it: the places this instance holds at once are the waits under way.
    const ends: (() => void)[] = [];
    const wait = (_ms: number) => new Promise<void>((resolve) => ends.push(resolve));
    const dying = createSharedBuckets(await engine.open(place), still, wait)('portal|1', limit);
    void Promise.all(Array.from({ length: 20 }, () => dying.take()));
    await expect.poll(() => ends.length).toBe(8);
    // The other instance's next request waits behind those 8 only, not behind all 20 asked.
    const waits: number[] = [];
    const other = createSharedBuckets(await engine.open(place), still, async (ms) => {
      waits.push(ms);
    })('portal|1', limit);
    await other.take();
    expect(waits).toEqual([9_000]);
    // A place given up (its wait over) lets the next of the 20 take one.
    ends[0]!();
    await expect.poll(() => ends.length).toBe(9);
  });

  it('a lease is held by one instance until it runs out or is released', async () => {
    const place = await engine.place();
    const first = createLeases(await engine.open(place));
    const second = createLeases(await engine.open(place));
    const job = 'refresh:connection:7';
    const [a, b] = await Promise.all([
      first.acquire(job, 'first', later(30_000), at),
      second.acquire(job, 'second', later(30_000), at),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const holder = a ? first : second;
    const other = a ? second : first;
    const otherName = a ? 'second' : 'first';
    expect(await other.acquire(job, otherName, later(60_000), later(10_000))).toBe(false);
    expect(await other.acquire(job, otherName, later(90_000), later(30_000))).toBe(true);
    await holder.release(job, a ? 'first' : 'second');
    expect(await holder.acquire(job, a ? 'first' : 'second', later(90_000), later(31_000))).toBe(false);
    await other.release(job, otherName);
    expect(await holder.acquire(job, a ? 'first' : 'second', later(90_000), later(31_000))).toBe(true);
  });
});
