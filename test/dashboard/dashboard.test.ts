// The dashboard in a real browser (Debian's headless Chromium) against the demo portal: the numbers are the chat's
// own answers, a filter changes them, a number opens its list with links to Bitrix24, and a page without
// Telegram's proof gets one polite sentence and no data. One browser for the whole file.
import { existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DEMO_PATH } from '../../src/dashboard/routes.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { CHROMIUM, type DashboardStand, startDashboardStand } from './stand.ts';

const TOKEN = '123456:dashboard-test-token';
const DIRECTOR = 1001;
const STRANGER = 2002;
const repository = join(import.meta.dirname, '..', '..');

let stand: DashboardStand;
const signed = (id: number, authDate?: Date) => stand.signed(id, authDate);
const pageFor = (initData: string) => stand.pageFor(initData);
const watchedPage = () => stand.watchedPage();

/** Spaces as a reader sees them: the browser's text gives thin and no-break spaces back as plain ones. */
const spaced = (text: string) => text.replace(/[ \u00a0\u202f]+/g, ' ');

/** What the chat answers to a phrase, as the director reads it. */
async function chat(phrase: string): Promise<string> {
  const replies = await stand.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, phrase);
  return spaced(replies.map((reply) => plainTextOf(reply.html)).join('\n'));
}

/** Waits for the page to show a newer answer than the one loaded at `before` (asked from outside: the page's own
 * rules forbid evaluating strings inside it). */
const reloaded = (page: Page, before: string | null) =>
  expect.poll(() => page.locator('#app').getAttribute('data-loaded'), { timeout: 30_000 }).not.toBe(before);

const texts = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

const post = (path: string, body: unknown) =>
  fetch(`${stand.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.skipIf(!existsSync(CHROMIUM))('the dashboard in a browser', () => {
  beforeAll(async () => {
    stand = await startDashboardStand({ token: TOKEN, allowed: [DIRECTOR], demoUser: DIRECTOR });
  }, 60_000);

  afterAll(async () => {
    await stand?.close();
  });

  it('shows the chat’s own numbers, a filter changes them, and the screenshot is taken', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(pageFor(signed(DIRECTOR)));
    // The whole answer on screen, not only its first parts.
    await page.locator('#app[data-loaded]').waitFor({ timeout: 30_000 });

    const pipeline = await chat('воронка');
    const stages = await page.locator('[data-stage]').all();
    expect(stages.length).toBeGreaterThan(2);
    for (const stage of stages) {
      const [name, count, sum] = await Promise.all(
        ['.name', '.count', '.sum'].map((part) => stage.locator(part).textContent()),
      );
      expect(pipeline).toContain(spaced(`${name} — ${count}, ${sum}`));
    }
    const leaders = await chat('рейтинг менеджеров');
    const rows = await page.locator('[data-leader]').all();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [name, value, detail] = await Promise.all(
        ['.name', '.sum', '.detail'].map((part) => row.locator(part).textContent()),
      );
      expect(leaders).toContain(spaced(`${name} — ${value} — ${detail}`));
    }
    const overdue = await chat('у кого просроченные задачи');
    for (const row of await page.locator('[data-overdue]').all())
      expect(overdue).toContain(
        spaced(`${await row.locator('.name').textContent()} — ${await row.locator('.sum').textContent()}`),
      );

    await page.waitForTimeout(200);
    mkdirSync(join(repository, 'docs'), { recursive: true });
    await page.screenshot({ path: join(repository, 'docs', 'dashboard.png'), fullPage: true });

    // Last month: other wins, exactly the chat's «за прошлый месяц».
    const thisMonth = await texts(page, '[data-leader] .sum');
    const loaded = await page.locator('#app').getAttribute('data-loaded');
    await page.locator('[data-period=lastMonth]').click();
    await reloaded(page, loaded);
    const lastMonth = await texts(page, '[data-leader] .sum');
    expect(lastMonth).not.toEqual(thisMonth);
    const lastMonthChat = await chat('рейтинг менеджеров за прошлый месяц');
    const names = await texts(page, '[data-leader] .name');
    for (const [index, name] of names.entries())
      expect(lastMonthChat).toContain(spaced(`${name} — ${lastMonth[index]}`));

    // One manager: the funnel is theirs alone.
    const funnelBefore = await page.locator('.total').textContent();
    const again = await page.locator('#app').getAttribute('data-loaded');
    await page.locator('select[name=manager]').selectOption({ label: 'Анна Морозова' });
    await reloaded(page, again);
    expect(await page.locator('.total').textContent()).not.toBe(funnelBefore);
    // Custom dates: the period as the director chose it.
    const before = await page.locator('#app').getAttribute('data-loaded');
    await page.locator('[data-period=custom]').click();
    const month = new Date(Date.now() - 40 * 24 * 60 * 60_000).toISOString().slice(0, 7);
    await page.locator('input[name=from]').fill(`${month}-01`);
    await page.locator('input[name=to]').fill(`${month}-15`);
    await page.locator('form.custom button').click();
    await reloaded(page, before);
    expect(spaced((await page.locator('.period').textContent()) ?? '')).toMatch(/^с 1 по 15 [а-я]+( \d{4})?$/);
    expect(await page.locator('[data-period=custom].on').count()).toBe(1);
    // Nothing is kept in the browser beyond the page itself.
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('opens the list behind a number, each record a link to Bitrix24, and Telegram’s back button closes it', async () => {
    const { page, errors } = await watchedPage();
    // Telegram's app as a phone runs it: the page talks to it through this object, and it calls the page back.
    await page.addInitScript(`window.TelegramWebviewProxy = { postEvent: (type, data) => {
      (window.telegramEvents = window.telegramEvents || []).push([type, JSON.parse(data)]);
    } }`);
    await page.goto(`${pageFor(signed(DIRECTOR))}&tgWebAppThemeParams=${encodeURIComponent('{"bg_color":"#17212b"}')}`);
    const stage = page.locator('[data-stage]').first();
    await stage.waitFor({ timeout: 30_000 });
    expect(
      await page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--tg-theme-bg-color')"),
    ).toBe('#17212b');
    const count = Number.parseInt((await stage.locator('.count').textContent()) ?? '', 10);
    await stage.click();
    await page.locator('[data-list] .chat-text').first().waitFor();
    const anchors = await page.locator('[data-list] a[href]').all();
    const links = await Promise.all(anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.length).toBe(Math.min(count, 20));
    for (const link of links)
      expect(link).toMatch(new RegExp(`^http://127.0.0.1:${stand.demo.port}/crm/deal/details/\\d+/$`));
    // A record opens in Telegram's own browser, not inside the page.
    await anchors[0]!.click();
    const events = () => page.evaluate('JSON.stringify(window.telegramEvents)') as Promise<string>;
    expect(JSON.parse(await events())).toEqual(
      expect.arrayContaining([
        ['web_app_ready', {}],
        ['web_app_setup_back_button', { is_visible: true }],
        ['web_app_open_link', { url: links[0] }],
      ]),
    );
    await page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed', {})");
    await expect(page.locator('[data-list]').count()).resolves.toBe(0);
    expect(JSON.parse(await events()).at(-1)).toEqual(['web_app_setup_back_button', { is_visible: false }]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('gives a forged, stale or missing signature and a stranger one polite sentence and no data', async () => {
    const { page, errors } = await watchedPage();
    const forged = signed(DIRECTOR).replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    await page.goto(pageFor(forged));
    await page.locator('[data-refusal]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-refusal]').textContent()).toMatch(/Откройте панель кнопкой/);
    expect(await page.locator('.card, [data-stage], [data-leader]').count()).toBe(0);
    await page.close();
    // The browser logs the refused answer as a failed load, and nothing else.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);

    const stale = signed(DIRECTOR, new Date(Date.now() - 2 * 60 * 60_000));
    for (const initData of [undefined, forged, stale, `${signed(DIRECTOR)}&extra=1`]) {
      const answer = await post('/dashboard/data', { initData, filters: { period: 'month' } });
      expect(answer.status).toBe(401);
      expect(Object.keys((await answer.json()) as object)).toEqual(['message']);
    }
    const list = await post('/dashboard/list', { initData: forged, query: { subject: 'deals' } });
    expect(list.status).toBe(401);
    const stranger = await post('/dashboard/data', { initData: signed(STRANGER) });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ message: 'Панель доступна только сотрудникам компании.' });
  }, 60_000);

  it('says nothing technical, and the demo sign-in works from this machine only', async () => {
    const answer = await post('/dashboard/data', { initData: signed(DIRECTOR), filters: { period: 'quarter' } });
    const body = await answer.text();
    expect(answer.status).toBe(200);
    const words = JSON.stringify(Object.values((JSON.parse(body) as { texts: Record<string, string> }).texts));
    expect(words).not.toMatch(/\b(api|rest|json|webhook|token|method|crm\.deal)\b/i);

    const local = await fetch(`${stand.base}${DASHBOARD_DEMO_PATH}`, { redirect: 'manual' });
    expect(local.status).toBe(302);
    expect(local.headers.get('location')).toMatch(/^\/dashboard#tgWebAppData=/);
    // A page of another site that points a name at this machine still asks for that name: refused.
    const elsewhere = await new Promise<number>((resolve, reject) =>
      request(`${stand.base}${DASHBOARD_DEMO_PATH}`, { headers: { host: 'bot.example.org' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end(),
    );
    expect(elsewhere).toBe(404);
  });
});

describe.runIf(!existsSync(CHROMIUM))('the dashboard in a browser', () => {
  it.skip(`needs Chromium at ${CHROMIUM} (apt-get install chromium); .ci/run installs it`, () => {});
});
