// Portal text on the dashboard is the director's data, never instructions and never markup: a deal, a meeting and
// an alert whose words look technical («REST API webhook token», a tag) show exactly as the portal has them, as
// text, while none of the page's own words is technical. The chat's guard does the same in Telegram.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertRepository } from '../../src/storage/alerts.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { CHROMIUM, type DashboardStand, startDashboardStand } from './stand.ts';

const DIRECTOR = 1101;
const PLANTED = 'REST API webhook token <img src="x"> <b>JSON</b> crm.deal.list';
const PLACE = 'Переговорная «method»';
/** Our own technical words, as the guard knows them. */
const TECHNICAL = /\b(api|rest|json|webhook|token|method|crm\.)|<|>/i;

let stand: DashboardStand;

/** A deal heavy enough to head the deals at risk, a meeting today and a deal-won alert, all named by PLANTED. */
async function plant(): Promise<void> {
  const seat = (await stand.app.dashboardSeat(DIRECTOR))!;
  const { portalUserId, timeZone } = seat.director;
  const id = Number(
    stand.demo.actAs(portalUserId, 'crm.deal.add', { fields: { TITLE: PLANTED, OPPORTUNITY: 990_000_000 } }),
  );
  const noon = DateTime.now().setZone(timeZone).startOf('day').plus({ hours: 12 });
  const format = (moment: DateTime) => moment.toFormat('yyyy-LL-dd HH:mm:ss');
  stand.demo.actAs(portalUserId, 'calendar.event.add', {
    type: 'user',
    ownerId: portalUserId,
    name: PLANTED,
    location: PLACE,
    from: format(noon),
    to: format(noon.plus({ hours: 1 })),
    timezone_from: timeZone,
    timezone_to: timeZone,
  });
  const db = await openDatabase(join(stand.folder, 'test.sqlite'));
  const alerts = createAlertRepository(db);
  const at = new Date();
  const facts = { type: 'deal', id, title: PLANTED, amount: 990_000_000, currency: 'RUB' };
  await alerts.enqueue(
    [
      {
        telegramUserId: DIRECTOR,
        portal: 'demo',
        object: `deal:${id}`,
        change: 'won',
        kind: 'dealWon',
        facts: JSON.stringify(facts),
      },
    ],
    at,
  );
  const taken = await alerts.take(DIRECTOR, 'test', new Date(at.getTime() + 60_000), at);
  await alerts.settle(
    taken.map((row) => row.id),
    'test',
    'sent',
  );
  await db.close();
}

describe.skipIf(!existsSync(CHROMIUM))('portal text on the dashboard', () => {
  beforeAll(async () => {
    stand = await startDashboardStand({ token: '123456:portal-text-token', allowed: [DIRECTOR] });
    await plant();
  }, 60_000);

  afterAll(async () => {
    await stand?.close();
  });

  it('shows the portal’s words exactly, as text, and none of its own technical words', async () => {
    const { page, errors } = await stand.watchedPage();
    await page.goto(stand.pageFor(stand.signed(DIRECTOR)));
    // The whole answer on screen, not only its first parts.
    await page.locator('#app[data-loaded]').waitFor({ timeout: 30_000 });
    const names = await page.locator('.row.link .name').allTextContents();
    // The deals at risk, today's meetings and the latest alerts each name it, word for word.
    expect(names.filter((name) => name === PLANTED)).toHaveLength(2);
    expect(names.some((name) => name.includes(`«${PLANTED}»`))).toBe(true);
    expect(await page.locator('.row.link .detail').allTextContents()).toContainEqual(expect.stringContaining(PLACE));
    // Never markup: the portal's tags stayed text.
    expect(await page.locator('#app img, #app b').count()).toBe(0);

    // The list behind the stage the deal stands in: the chat's own answer, the title again as text.
    await page.locator('[data-stage]').first().click();
    await page.locator('[data-list] .chat-text').first().waitFor();
    expect(await page.locator('[data-list]').textContent()).toContain(PLANTED);
    expect(await page.locator('[data-list] img, [data-list] b').count()).toBe(0);
    await page.locator('[data-list] .back').click();

    // Without the portal's words, nothing technical is left on the page.
    const shown = ((await page.locator('#app').textContent()) ?? '').replaceAll(PLANTED, '').replaceAll(PLACE, '');
    expect(shown).not.toMatch(TECHNICAL);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe.runIf(!existsSync(CHROMIUM))('portal text on the dashboard', () => {
  it.skip(`needs Chromium at ${CHROMIUM} (apt-get install chromium); .ci/run installs it`, () => {});
});
