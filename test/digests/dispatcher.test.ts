import { describe, expect, it } from 'vitest';
import { DIGEST_NAMES } from '../../src/digests/schedule.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener } from '../../src/ops/listener.ts';
import { mountOperatorRoutes } from '../../src/ops/routes.ts';
import { PortalError } from '../../src/portal/errors.ts';
import type { DirectorRecord } from '../../src/storage/directors.ts';
import { digestHarness, MOSCOW, namedContent, seenBy, VLADIVOSTOK } from './harness.ts';

const harness = digestHarness();

const SENTENCE = 'Не удалось подключиться к Битрикс24, проверьте, что портал доступен.';

/** Both directors with every digest on, and one dispatcher ticking every five minutes from `start` until `end`. */
async function everyDigestBetween(start: string, end: string) {
  const h = await harness(start);
  await h.turnOn(MOSCOW, ...DIGEST_NAMES);
  await h.turnOn(VLADIVOSTOK, ...DIGEST_NAMES);
  const dispatcher = await h.dispatcher();
  while (h.clock.current < new Date(end)) {
    await dispatcher.tick();
    h.clock.plusMinutes(5);
  }
  return h;
}

describe('when digests are switched on', () => {
  it('then each arrives at its own local time on workdays, in Moscow and in Vladivostok, and the weekly report only on Friday', async () => {
    // From Sunday 22 November 2026, 15:00 in Moscow, 22:00 in Vladivostok,
    // until Monday 30 November 00:00 in Moscow (07:00 in Vladivostok, before its first slot).
    const h = await everyDigestBetween('2026-11-22T12:00:00Z', '2026-11-29T21:00:00Z');

    const week = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((day) => [
      `${day} 08:30 dayPlan`,
      `${day} 09:00 morningBriefing`,
      `${day} 10:00 overdueAlert`,
      `${day} 12:00 newLeads`,
      ...(day === 'Fri' ? ['Fri 17:00 weeklyReport'] : []),
      `${day} 18:00 eveningSummary`,
    ]);
    expect(seenBy(h.deliveries, MOSCOW)).toEqual(week);
    expect(seenBy(h.deliveries, VLADIVOSTOK)).toEqual(week);
    expect(h.deliveries[0]).toMatchObject({ chatId: VLADIVOSTOK.chatId, at: new Date('2026-11-22T22:30:00Z') });
    expect((await h.digests.slots(MOSCOW.telegramUserId)).map((slot) => slot.status)).toEqual(week.map(() => 'sent'));
  });

  it('then nothing is sent on Saturday and Sunday', async () => {
    // From Friday 27 November, 19:00 in Moscow, after every Friday slot in both zones,
    // until Sunday 23:59 in Moscow, Monday 06:59 in Vladivostok.
    const h = await everyDigestBetween('2026-11-27T16:00:00Z', '2026-11-29T21:00:00Z');
    expect(h.deliveries).toEqual([]);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toEqual([]);
  });
});

describe('when the bot restarts', () => {
  it('then a slot is sent once, even by two dispatchers on the same file ticking in the same minute', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    await h.turnOn(MOSCOW, 'morningBriefing');
    h.clock.set('2026-11-25T06:00:20Z');
    const first = await h.dispatcher();
    const second = await h.dispatcher();
    await Promise.all([first.tick(), second.tick()]);
    h.clock.set('2026-11-25T06:00:50Z');
    // The restarted process ticks at start-up, in the same minute.
    await (await h.dispatcher()).tick();
    await first.tick();

    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Wed 09:00 morningBriefing']);
  });

  it('then a briefing missed while down from 08:00 to 11:00 arrives once at 11:00', async () => {
    const h = await harness('2026-11-25T04:00:00Z');
    await h.turnOn(MOSCOW, 'morningBriefing');
    const before = await h.dispatcher();
    h.clock.set('2026-11-25T05:00:00Z');
    await before.tick();
    // Down from 08:00 to 11:00 Moscow time; the new process ticks at start-up and then every minute.
    h.clock.set('2026-11-25T08:00:00Z');
    const after = await h.dispatcher();
    const report = await after.tick();
    h.clock.plusMinutes(1);
    await after.tick();

    expect(report).toMatchObject({ due: 1, sent: 1, missed: 0 });
    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Wed 11:00 morningBriefing']);
  });

  it('then a slot of a past day is never sent, and several missed days collapse into nothing', async () => {
    // Switched on on Monday; the bot goes down on Monday evening and returns on Thursday at 12:00.
    const h = await harness('2026-11-23T15:00:00Z');
    await h.turnOn(MOSCOW, 'dayPlan', 'morningBriefing');
    await (await h.dispatcher()).tick();
    h.clock.set('2026-11-26T09:00:00Z');
    const after = await h.dispatcher();
    await after.tick();

    // The briefing of Thursday 09:00 is 3 hours late: still within the grace window, so it is caught up.
    // The day plan of Thursday 08:30 is past it; Tuesday and Wednesday are never sent.
    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Thu 12:00 morningBriefing']);
    expect(
      (await h.digests.slots(MOSCOW.telegramUserId)).map((slot) => `${slot.localDate} ${slot.digest} ${slot.status}`),
    ).toEqual(['2026-11-26 dayPlan missed', '2026-11-26 morningBriefing sent']);

    // The next day runs as usual.
    h.clock.set('2026-11-27T05:30:00Z');
    await after.tick();
    expect(seenBy(h.deliveries, MOSCOW).at(-1)).toBe('Fri 08:30 dayPlan');
  });
});

describe('when there is nothing to say', () => {
  it('then the overdue alert sends nothing and the skip is recorded', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    await h.turnOn(MOSCOW, 'overdueAlert', 'newLeads');
    const dispatcher = await h.dispatcher({
      content: async (director, digest) => (digest === 'overdueAlert' ? null : namedContent(director, digest)),
    });
    h.clock.set('2026-11-25T07:00:00Z');
    const report = await dispatcher.tick();
    h.clock.set('2026-11-25T09:00:00Z');
    await dispatcher.tick();

    expect(report).toMatchObject({ skippedEmpty: 1, sent: 0 });
    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Wed 12:00 newLeads']);
    expect((await h.digests.slots(MOSCOW.telegramUserId)).map((slot) => `${slot.digest} ${slot.status}`)).toEqual([
      'overdueAlert skipped_empty',
      'newLeads sent',
    ]);
  });
});

describe('when a round has sent and skipped digests', () => {
  it('then /metrics counts them by outcome', async () => {
    const listener = createListener(silentLogger);
    mountOperatorRoutes(listener, { updatesAlive: () => true, pingDatabase: async () => {} });
    const port = await listener.listen(0, '127.0.0.1');
    const digestsBy = async (outcome: string) => {
      const page = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = page.split('\n').find((row) => row.startsWith(`assistant_digests_total{outcome="${outcome}"} `));
      return Number(line?.split(' ')[1] ?? 0);
    };
    try {
      const h = await harness('2026-11-25T05:00:00Z');
      await h.turnOn(MOSCOW, 'overdueAlert', 'newLeads');
      const dispatcher = await h.dispatcher({
        content: async (director, digest) => (digest === 'overdueAlert' ? null : namedContent(director, digest)),
      });
      const sent = await digestsBy('sent');
      const skipped = await digestsBy('skipped');
      // 10:00 in Moscow: the alert has nothing to say; 12:00: the new leads go out.
      h.clock.set('2026-11-25T07:00:00Z');
      await dispatcher.tick();
      expect(await digestsBy('skipped')).toBe(skipped + 1);
      expect(await digestsBy('sent')).toBe(sent);
      h.clock.set('2026-11-25T09:00:00Z');
      await dispatcher.tick();
      expect(await digestsBy('sent')).toBe(sent + 1);
    } finally {
      await listener.close();
    }
  });
});

describe('when the director changes a setting', () => {
  it('then the next run moves at once', async () => {
    const h = await harness('2026-11-25T04:00:00Z');
    const dispatcher = await h.dispatcher();
    await h.settings.setTime(MOSCOW.telegramUserId, 'morningBriefing', '8:15');
    expect((await h.digests.subscriptions(MOSCOW.telegramUserId))[0]?.nextRunAt).toEqual(
      new Date('2026-11-25T05:15:00Z'),
    );
    h.clock.set('2026-11-25T05:15:00Z');
    await dispatcher.tick();
    // Moved to 10:00 after today's was sent: next is tomorrow at 10:00, nothing more today.
    await h.settings.setTime(MOSCOW.telegramUserId, 'morningBriefing', '10:00');
    h.clock.set('2026-11-25T07:00:00Z');
    await dispatcher.tick();
    // Switched off: tomorrow brings nothing.
    await h.settings.toggle(MOSCOW.telegramUserId, 'morningBriefing');
    h.clock.set('2026-11-26T07:00:00Z');
    await dispatcher.tick();

    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Wed 08:15 morningBriefing']);
    expect((await h.digests.subscriptions(MOSCOW.telegramUserId))[0]).toMatchObject({
      enabled: false,
      nextRunAt: undefined,
    });
  });

  it('then a zone switched in the portal moves the slot to the new local time', async () => {
    // Wednesday 22:00 in Moscow.
    const h = await harness('2026-11-25T19:00:00Z', [MOSCOW]);
    await h.turnOn(MOSCOW, 'morningBriefing');
    let profile: DirectorRecord = MOSCOW;
    const dispatcher = await h.dispatcher({
      refreshDirector: async () => {
        await h.directors.save(profile);
        return profile;
      },
    });
    await dispatcher.tick();
    // The director flies to Vladivostok and changes the zone in the portal profile.
    profile = { ...MOSCOW, timeZone: 'Asia/Vladivostok' };
    while (h.clock.current < new Date('2026-11-26T07:00:00Z')) {
      h.clock.plusMinutes(1);
      await dispatcher.tick();
    }

    expect(seenBy(h.deliveries, { ...MOSCOW, timeZone: 'Asia/Vladivostok' })).toEqual(['Thu 09:00 morningBriefing']);
  });
});

describe('when the portal is unreachable at the slot', () => {
  const down = () => new PortalError('unavailable', 'NETWORK', 'connection refused');

  it('then the digest is retried and, if the portal stays down, one sentence is sent once', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    await h.turnOn(MOSCOW, 'morningBriefing');
    let attempts = 0;
    const dispatcher = await h.dispatcher({
      content: async () => {
        attempts++;
        throw down();
      },
    });
    h.clock.set('2026-11-25T06:00:00Z');
    while (h.clock.current < new Date('2026-11-25T09:00:00Z')) {
      await dispatcher.tick();
      h.clock.plusMinutes(1);
    }

    // Every 5 minutes for half an hour, then the sentence.
    expect(attempts).toBe(7);
    expect(seenBy(h.deliveries, MOSCOW)).toEqual([`Wed 09:30 ${SENTENCE}`]);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'failed', attempts: 7 }]);
  });

  it('then the digest arrives once when the portal comes back within the window', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    await h.turnOn(MOSCOW, 'morningBriefing');
    const dispatcher = await h.dispatcher({
      content: async (director, digest) => {
        if (h.clock.current < new Date('2026-11-25T06:08:00Z')) throw down();
        return namedContent(director, digest);
      },
    });
    h.clock.set('2026-11-25T06:00:00Z');
    while (h.clock.current < new Date('2026-11-25T07:00:00Z')) {
      await dispatcher.tick();
      h.clock.plusMinutes(1);
    }

    expect(seenBy(h.deliveries, MOSCOW)).toEqual(['Wed 09:10 morningBriefing']);
  });
});

describe('when one director’s chat fails', () => {
  it('then the others still get their digests, and the failure is recorded', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    // 11:00 in Moscow is 18:00 in Vladivostok: both are due in the same tick.
    await h.settings.setTime(MOSCOW.telegramUserId, 'morningBriefing', '11:00');
    await h.turnOn(VLADIVOSTOK, 'eveningSummary');
    const dispatcher = await h.dispatcher({
      send: async (chatId, replies) => {
        if (chatId === MOSCOW.chatId) throw new Error('Forbidden: bot was blocked by the user');
        for (const reply of replies) h.deliveries.push({ chatId, html: reply.html, at: h.clock.now() });
      },
    });
    h.clock.set('2026-11-25T08:00:00Z');
    const report = await dispatcher.tick();

    expect(report).toMatchObject({ sent: 1, failed: 1 });
    expect(seenBy(h.deliveries, VLADIVOSTOK)).toEqual(['Wed 18:00 eveningSummary']);
    expect(await h.digests.slots(MOSCOW.telegramUserId)).toMatchObject([{ status: 'failed' }]);
  });

  it('then a director whose portal hangs does not hold up the others', async () => {
    const h = await harness('2026-11-25T05:00:00Z');
    await h.settings.setTime(MOSCOW.telegramUserId, 'morningBriefing', '11:00');
    await h.turnOn(VLADIVOSTOK, 'eveningSummary');
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    let otherDelivered: () => void = () => {};
    const delivered = new Promise<void>((resolve) => {
      otherDelivered = resolve;
    });
    const dispatcher = await h.dispatcher({
      content: async (director, digest) => {
        if (director.telegramUserId === MOSCOW.telegramUserId) await hanging;
        return namedContent(director, digest);
      },
      send: async (chatId, replies) => {
        for (const reply of replies) h.deliveries.push({ chatId, html: reply.html, at: h.clock.now() });
        if (chatId === VLADIVOSTOK.chatId) otherDelivered();
      },
    });
    h.clock.set('2026-11-25T08:00:00Z');
    const tick = dispatcher.tick();
    await delivered;
    expect(h.deliveries.map((delivery) => delivery.chatId)).toEqual([VLADIVOSTOK.chatId]);
    release();
    await tick;
    expect(h.deliveries.map((delivery) => delivery.chatId)).toEqual([VLADIVOSTOK.chatId, MOSCOW.chatId]);
  });
});
