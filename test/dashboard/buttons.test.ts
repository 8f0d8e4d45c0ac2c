// The dashboard's buttons through the real bot (`npm start`, the fake Bot API): with DASHBOARD_URL, «📊 Панель» in
// the menu, /dashboard and the briefing open the page by a web app button (with the director's signed data), and
// the chat's menu button is set; without it, no button anywhere. A malformed address stops start-up in one line.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { DIRECTOR, type Stand, startStand } from '../bot/harness.ts';
import type { SentMessage } from '../fakes/telegram-api.ts';

const URL = 'https://bot.example.org/dashboard';

type Button = { text: string; web_app?: { url: string } };
const webApps = (message: SentMessage | undefined): Button[] =>
  ((message?.reply_markup?.inline_keyboard ?? []) as Button[][]).flat().filter((button) => button.web_app);

describe('the dashboard’s buttons in Telegram', () => {
  let stand: Stand;
  beforeAll(async () => {
    stand = await startStand();
    await stand.startAssistant({ DASHBOARD_URL: URL, METRICS_PORT: '0' });
  }, 60_000);
  afterAll(async () => {
    await stand?.close();
  });

  it('sets the chat’s menu button and lists /dashboard', () => {
    const menu = stand.telegram.calls.find((call) => call.method === 'setChatMenuButton');
    expect(menu?.payload.menu_button).toEqual({ type: 'web_app', text: 'Панель', web_app: { url: URL } });
    const commands = stand.telegram.calls
      .filter((call) => call.method === 'setMyCommands')
      .flatMap((call) => call.payload.commands.map((c: { command: string }) => c.command));
    expect(commands).toContain('dashboard');
  });

  it('serves the page on the bot’s own listener, and its answers only to the signed', async () => {
    const port = /"message":"operator listener started".*?"port":(\d+)/.exec(stand.stderr())?.[1];
    expect(port).toBeDefined();
    const page = await fetch(`http://127.0.0.1:${port}/dashboard`);
    expect(page.status).toBe(200);
    // The page's script is written into it, and the page's policy lets exactly that script run.
    const script = /<script>([\s\S]*?)<\/script>/.exec(await page.text())?.[1] ?? '';
    expect(script).toContain('/dashboard/data');
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page.headers.get('content-security-policy')).toContain(`script-src 'self' 'sha256-${hash}';`);
    const data = await fetch(`http://127.0.0.1:${port}/dashboard/data`, { method: 'POST', body: '{}' });
    expect(data.status).toBe(401);
  });

  it('answers the menu’s «📊 Панель» with the button that opens the page', async () => {
    const [answer] = await stand.say(DIRECTOR, '📊 Панель');
    expect(answer?.plain).toMatch(/Панель компании/);
    expect(webApps(answer)).toEqual([{ text: '📊 Открыть панель', web_app: { url: URL } }]);
  });

  it('puts the button under the briefing, and the menu keyboard has «📊 Панель»', async () => {
    const messages = await stand.say(DIRECTOR, 'что у меня сегодня?');
    expect(webApps(messages.at(-1))).toEqual([{ text: '📊 Открыть панель', web_app: { url: URL } }]);
    const other = await stand.say(DIRECTOR, 'мои задачи');
    expect(other.flatMap(webApps)).toEqual([]);
    const introduction = await stand.say(DIRECTOR, '/start', 2);
    const menus = introduction.flatMap((message) => (message.reply_markup?.keyboard ?? []) as { text: string }[][]);
    expect(menus.flat().map((button) => button.text)).toContain('📊 Панель');
  });
});

describe('DASHBOARD_URL', () => {
  const env = { TELEGRAM_BOT_TOKEN: '123:abc', METRICS_PORT: '9464' };
  it('must be an https address: anything else stops start-up with one line naming it', () => {
    for (const value of ['http://bot.example.org/dashboard', 'bot.example.org', 'https://'])
      expect(() => loadConfig({ ...env, DASHBOARD_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, DASHBOARD_URL: 'http://bot.example.org' })).toThrow(/^DASHBOARD_URL: /);
    expect(loadConfig({ ...env, DASHBOARD_URL: URL }).dashboardUrl).toBe(URL);
    expect(loadConfig(env).dashboardUrl).toBeUndefined();
  });

  it('needs a listener to serve the page: METRICS_PORT when the bot polls', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', DASHBOARD_URL: URL })).toThrow(/^METRICS_PORT: /);
  });
});
