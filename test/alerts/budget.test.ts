// The spam budget from the director's side: news within a few minutes joins the message already sent (no new
// notification), quiet hours and weekends hold alerts for the morning digest, and past the daily cap the rest
// waits for the next digest, which says how many were held.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type AlertStand, alertStand, DIRECTOR, spaced } from './harness.ts';

let stand: AlertStand;
afterEach(() => stand.close());

const MINUTE = 60_000;
/** Open deals made big enough to be told. */
const bigDeals = (count: number) =>
  stand.portal.data.deals
    .filter((deal) => deal.STAGE_SEMANTIC_ID === 'P')
    .slice(0, count)
    .map((deal) => {
      deal.OPPORTUNITY = '1000000.00';
      return Number(deal.ID);
    });

async function started(start: string): Promise<AlertStand> {
  stand = await alertStand({ start });
  await stand.onlyDeals();
  await stand.after(0);
  return stand;
}

describe('bundling', () => {
  it('40 deals won within one minute reach the director as one message', async () => {
    await started('2026-11-25T09:00:00Z');
    for (const id of bigDeals(40)) {
      stand.moves.dealWon(id);
      await stand.after(1500);
    }
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(1);
    expect(stand.text()).toMatch(/^🔔 Что произошло/);
    expect(stand.text()).toContain('…и ещё 30');
  });

  it('news a few minutes after a message is added to it; later news is a message of its own', async () => {
    await started('2026-11-25T09:00:00Z');
    const [first, second, third] = bigDeals(3);
    stand.moves.dealWon(first);
    await stand.after(MINUTE);
    stand.moves.dealWon(second);
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(1);
    expect(stand.messages[0]!.edits).toBe(1);
    expect(
      stand
        .text(0)
        .split('\n')
        .filter((line) => line.includes('Выиграна')),
    ).toHaveLength(2);
    await stand.after(10 * MINUTE);
    stand.moves.dealWon(third);
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(2);
  });
});

describe('quiet hours and the cap', () => {
  async function morningDigest(): Promise<string> {
    const delivered: Reply[][] = [];
    const digests = stand.app.startDigests(async (_chatId, replies) => {
      delivered.push(replies);
    });
    try {
      await vi.waitFor(() => expect(delivered.length).toBeGreaterThan(0), { timeout: 15_000 });
    } finally {
      await digests.stop();
    }
    return spaced(
      delivered
        .flat()
        .map((reply) => plainTextOf(reply.html))
        .join('\n'),
    );
  }

  it('a deal won at 22:00 waits for the morning briefing, counted there', async () => {
    // Wednesday, 22:00 in Moscow.
    await started('2026-11-25T19:00:00Z');
    expect(await stand.say('утренний брифинг в 9:00')).toMatch(/09:00/);
    const [late] = bigDeals(1);
    stand.moves.dealWon(late);
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
    // Thursday, 09:00.
    stand.clock.now = new Date('2026-11-26T06:00:10Z');
    const digest = await morningDigest();
    expect(digest).toContain('Пока вы отдыхали: 1 оповещение');
    expect(digest).toContain('Выиграна сделка');
  });

  it('at the weekend alerts wait too', async () => {
    // Saturday, 12:00 in Moscow.
    await started('2026-11-28T09:00:00Z');
    stand.moves.dealWon(bigDeals(1)[0]);
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
  });

  it('past ten messages a day the rest waits for the next digest, which says how many', async () => {
    await started('2026-11-25T06:00:00Z');
    expect(await stand.say('итоги дня в 18:00')).toMatch(/18:00/);
    for (const id of bigDeals(12)) {
      stand.moves.dealWon(id);
      await stand.after(MINUTE);
      await stand.after(5 * MINUTE);
    }
    expect(stand.messages).toHaveLength(10);
    // 18:00 in Moscow.
    stand.clock.now = new Date('2026-11-25T15:00:10Z');
    expect(await morningDigest()).toContain('Пока вы отдыхали: 2 оповещения');
  });
});

describe('the director decides', () => {
  it('/alerts shows the settings with a switch per kind; «Не присылать такие» under an alert stops them', async () => {
    await started('2026-11-25T09:00:00Z');
    expect(await stand.say('/alerts')).toMatch(/Оповещения\nСделки — от 500 000 ₽/);
    const [first, second] = bigDeals(2);
    stand.moves.dealWon(first);
    await stand.after(MINUTE);
    const stop = stand.messages[0]!.reply.buttons!.flat().find((button) => button.text === 'Не присылать такие')!;
    const tapped = await stand.app.assistant.handleButton(
      { telegramUserId: DIRECTOR, chatId: DIRECTOR },
      { action: stop.action },
      1,
    );
    expect(tapped.notice).toContain('Больше не присылаю: выигранные сделки');
    await stand.after(10 * MINUTE);
    stand.moves.dealWon(second);
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(1);
    const [settings] = await stand.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, '/alerts');
    const switches = settings!.buttons!.flat().map((button) => button.text);
    expect(switches).toContain('▫️ выигранные сделки');
    expect(switches).toContain('✅ проигранные сделки');
  });
});
