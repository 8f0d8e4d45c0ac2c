import { describe, expect, it } from 'vitest';
import { nextSlot } from '../../src/digests/schedule.ts';
import type { ClaimInput } from '../../src/storage/digest-repository.ts';
import type { Reply } from '../../src/views/reply.ts';
import { digestHarness, MOSCOW } from './harness.ts';

const harness = digestHarness();

/** Moscow's morning briefing switched on, and the claim a dispatcher makes for its slot of 25 November. */
async function morningBriefingToday() {
  const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
  await h.turnOn(MOSCOW, 'morningBriefing');
  const read = (await h.digests.subscriptions(MOSCOW.telegramUserId))[0]!;
  const claim: ClaimInput = {
    telegramUserId: MOSCOW.telegramUserId,
    digest: 'morningBriefing',
    previousRunAt: read.nextRunAt!,
    nextRunAt: new Date('2026-11-26T06:00:00Z'),
    localDate: '2026-11-25',
    scheduledAt: read.nextRunAt!,
    status: 'sending',
    giveUpAt: new Date('2026-11-25T06:30:00Z'),
    now: new Date('2026-11-25T06:00:00Z'),
    lease: { owner: 'instance that died', until: new Date('2026-11-25T06:02:00Z') },
  };
  return { h, claim };
}

describe('when two processes race for the same slot', () => {
  it('then only the first claim goes through, whichever subscription state the second one read', async () => {
    const { h, claim } = await morningBriefingToday();

    expect((await h.digests.claim(claim)).outcome).toBe('claimed');
    // The other process read the same next run before the first one moved it.
    expect((await h.digests.claim(claim)).outcome).toBe('stale');
    // Settings moved the subscription back to today in between: the slot row itself still refuses.
    await h.settings.setTime(MOSCOW.telegramUserId, 'morningBriefing', '09:30');
    const moved = (await h.digests.subscriptions(MOSCOW.telegramUserId))[0]!;
    expect(moved.nextRunAt).toEqual(new Date('2026-11-25T06:30:00Z'));
    expect((await h.digests.claim({ ...claim, previousRunAt: moved.nextRunAt! })).outcome).toBe('taken');
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toHaveLength(1);
  });
});

describe('when a slot falls on a clock change', () => {
  it('then it keeps its local time on both sides of the change', async () => {
    // Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026; the Monday slot is at 09:00 local either way.
    expect(nextSlot('morningBriefing', '09:00', 'Europe/Berlin', new Date('2026-03-27T09:00:00Z'))).toEqual({
      at: new Date('2026-03-30T07:00:00Z'),
      localDate: '2026-03-30',
    });
    expect(nextSlot('morningBriefing', '09:00', 'Europe/Berlin', new Date('2026-03-26T09:00:00Z'))).toEqual({
      at: new Date('2026-03-27T08:00:00Z'),
      localDate: '2026-03-27',
    });
  });
});

describe('when the instance sending a slot stopped in the middle', () => {
  it('then another instance takes the slot over once its lease ran out, and sends it once', async () => {
    const { h, claim } = await morningBriefingToday();
    // The claim of the instance that then died.
    await h.digests.claim(claim);
    const survivor = await h.dispatcher({ instance: 'survivor' });
    h.clock.set('2026-11-25T06:01:00Z');
    await survivor.tick();
    expect(h.deliveries).toEqual([]);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'sending' }]);

    h.clock.set('2026-11-25T06:03:00Z');
    await survivor.tick();
    h.clock.set('2026-11-25T06:10:00Z');
    await survivor.tick();
    expect(h.deliveries.map((delivery) => delivery.html)).toEqual(['morningBriefing']);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('then a slot found only after its give-up time is recorded as failed and never sent', async () => {
    const { h, claim } = await morningBriefingToday();
    await h.digests.claim(claim);
    const restarted = await h.dispatcher({ instance: 'restarted' });
    h.clock.set('2026-11-25T06:40:00Z');
    const report = await restarted.tick();

    expect(report.failed).toBe(1);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'failed' }]);
    expect(h.deliveries).toEqual([]);
  });

  it('then of two instances finding the same run-out lease, only one takes the slot', async () => {
    const { h, claim } = await morningBriefingToday();
    await h.digests.claim(claim);
    const at = new Date('2026-11-25T06:03:00Z');
    const lease = (owner: string) => ({ owner, until: new Date('2026-11-25T06:05:00Z') });
    const [first, second] = await Promise.all([
      h.digests.takeOver(at, lease('first')),
      h.digests.takeOver(at, lease('second')),
    ]);
    expect([...first, ...second]).toHaveLength(1);
  });
});

describe('when an instance stopped in the middle of a digest of several messages', () => {
  const parts: Reply[] = [
    { html: 'часть 1' },
    { html: 'часть 2' },
    { html: 'часть 3', buttons: [[{ text: 'Ещё', action: { kind: 'queryMore' } }]] },
  ];

  it('then the instance taking it over sends only the messages not yet handed to Telegram, buttons and all', async () => {
    const { h } = await morningBriefingToday();
    const sent: Reply[] = [];
    // The first instance hangs handing over the second message, as if it died there; its lease then runs out.
    let revive: () => void = () => {};
    const hung = new Promise<void>((resolve) => {
      revive = resolve;
    });
    h.clock.set('2026-11-25T06:00:00Z');
    const dying = await h.dispatcher({
      instance: 'dying',
      leaseMs: 60_000,
      content: async (_director, digest) => (digest === 'morningBriefing' ? parts : null),
      send: async (_chatId, replies) => {
        sent.push(...replies);
        if (replies[0]?.html === 'часть 2') await hung;
      },
    });
    const dyingRound = dying.tick();
    await expect.poll(() => sent.length).toBe(2);

    h.clock.set('2026-11-25T06:03:00Z');
    const survivor = await h.dispatcher({
      instance: 'survivor',
      send: async (_chatId, replies) => {
        sent.push(...replies);
      },
    });
    await survivor.tick();
    expect(sent.map((reply) => reply.html)).toEqual(['часть 1', 'часть 2', 'часть 3']);
    expect(sent[2]?.buttons?.[0]?.[0]?.action).toEqual({ kind: 'queryMore' });
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([
      { digest: 'morningBriefing', status: 'sent', detail: '3 message(s)', rest: undefined },
    ]);

    // The first instance comes back: the slot is no longer its own, so it sends nothing more.
    revive();
    await dyingRound;
    expect(sent).toHaveLength(3);
  });

  it('then a slot whose kept messages cannot be read back is recorded as failed, never sent', async () => {
    const { h, claim } = await morningBriefingToday();
    const { outcome } = await h.digests.claim(claim);
    expect(outcome).toBe('claimed');
    const [slot] = await h.digests.slots(MOSCOW.telegramUserId);
    await h.digests.handOver(slot!.id, 'instance that died', 1, '[{"html": 7}]');
    h.clock.set('2026-11-25T06:03:00Z');
    const survivor = await h.dispatcher({ instance: 'survivor' });
    const report = await survivor.tick();
    expect(report.failed).toBe(1);
    expect(h.deliveries).toEqual([]);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'failed' }]);
  });
});

describe('when an instance stops while another is in the middle of a long round', () => {
  it('then the other takes its slots over as soon as the lease runs out, not after its own round', async () => {
    const { h, claim } = await morningBriefingToday();
    await h.turnOn(MOSCOW, 'dayPlan');
    // The instance that died holds the morning briefing until 06:02.
    await h.digests.claim(claim);
    let finishDayPlan: () => void = () => {};
    const dayPlanBuilt = new Promise<void>((resolve) => {
      finishDayPlan = resolve;
    });
    h.clock.set('2026-11-25T06:01:00Z');
    const survivor = await h.dispatcher({
      instance: 'survivor',
      tickMs: 20,
      // The survivor's own round is long: the day plan takes until the test lets it finish.
      content: async (_director, digest) => {
        if (digest === 'dayPlan') await dayPlanBuilt;
        return [{ html: digest }];
      },
    });
    const running = survivor.start();
    await expect.poll(async () => (await h.digests.slots(MOSCOW.telegramUserId)).length).toBe(2);
    h.clock.set('2026-11-25T06:03:00Z');
    await expect.poll(() => h.deliveries.map((delivery) => delivery.html)).toEqual(['morningBriefing']);

    finishDayPlan();
    await expect.poll(() => h.deliveries.map((delivery) => delivery.html)).toEqual(['morningBriefing', 'dayPlan']);
    // Its own day plan, whose lease the jump of the clock let run out, was not taken over by itself a second time.
    await running.stop();
    expect(h.deliveries.map((delivery) => delivery.html)).toEqual(['morningBriefing', 'dayPlan']);
  });
});
