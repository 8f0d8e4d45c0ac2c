// A company on an incoming webhook only: the portal is looked at once a minute, in one request, for what changed
// since the last look; the place is kept in the database, so a restart misses nothing and repeats nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { type AlertStand, alertStand, DIRECTOR } from './harness.ts';

let stand: AlertStand;
afterEach(() => stand.close());

describe('change-date polling for a webhook', () => {
  it('tells the director of a big deal won within the minute, with its link and the next steps', async () => {
    stand = await alertStand();
    await stand.onlyDeals();
    await stand.after(0);
    await stand.after(20_000);
    const dealId = stand.moves.dealWon();
    const deal = stand.portal.data.deals.find((row) => row.ID === String(dealId))!;
    expect(stand.messages).toHaveLength(0);
    await stand.after(60_000);
    expect(stand.messages).toHaveLength(1);
    const [message] = stand.messages;
    expect(message!.chatId).toBe(DIRECTOR);
    expect(stand.text()).toContain(`Выиграна сделка «${deal.TITLE}»`);
    expect(message!.reply.html).toContain(`/crm/deal/details/${dealId}/`);
    expect(message!.reply.html).toContain('>Открыть</a>');
    expect(message!.reply.buttons?.flat().map((button) => button.text)).toContain('Не присылать такие');
  });

  it('asks the portal once a minute, in one request, when nothing happens', async () => {
    stand = await alertStand();
    await stand.onlyDeals();
    await stand.after(0);
    const before = stand.portal.requestCount;
    for (let second = 0; second < 600; second += 1) await stand.after(1000);
    expect(stand.portal.requestCount - before).toBe(10);
    expect(stand.messages).toHaveLength(0);
  });

  it('after a restart in the middle, tells what changed while it was down, and nothing twice', async () => {
    stand = await alertStand();
    await stand.onlyDeals();
    await stand.after(0);
    await stand.after(10_000);
    const first = stand.moves.dealWon();
    await stand.after(60_000);
    expect(stand.messages).toHaveLength(1);
    let second = 0;
    await stand.after(10_000);
    await stand.restart(() => {
      second = stand.moves.dealWon();
    });
    // More than the bundling window later: a message of its own.
    await stand.after(10 * 60_000);
    expect(stand.messages).toHaveLength(2);
    const titles = [first, second].map((id) =>
      String(stand.portal.data.deals.find((row) => row.ID === String(id))!.TITLE),
    );
    expect(stand.text(0)).toContain(titles[0]);
    expect(stand.text(1)).toContain(titles[1]);
    expect(stand.text(1)).not.toContain(titles[0]);
  });
});
