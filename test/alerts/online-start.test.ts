// Online events need an address the portal reaches: without PUBLIC_URL (or without the application that binds
// it) the bot does not start half-working, it stops with one line for the operator, like any other setting.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigError, loadConfig } from '../../src/config.ts';

const TOKEN = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const WEBHOOK = 'https://romashka.bitrix24.ru/rest/1/k3y5ecr3tvalue42/';

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return formatConfigError(error);
  }
  throw new Error('the settings were accepted');
}

describe('BITRIX24_EVENTS=online', () => {
  it('is refused without a public address, and without the application that binds it', () => {
    expect(refusal({ TELEGRAM_BOT_TOKEN: TOKEN, BITRIX24_WEBHOOK_URL: WEBHOOK, BITRIX24_EVENTS: 'online' })).toBe(
      'Setting PUBLIC_URL: must be set when BITRIX24_EVENTS is online: the portal calls the bot there (or use BITRIX24_EVENTS=offline, which needs no public address)',
    );
    expect(
      refusal({
        TELEGRAM_BOT_TOKEN: TOKEN,
        BITRIX24_WEBHOOK_URL: WEBHOOK,
        BITRIX24_EVENTS: 'online',
        PUBLIC_URL: 'https://bot.example.org',
      }),
    ).toMatch(/^Setting BITRIX24_APP_CLIENT_ID: must be set when BITRIX24_EVENTS is online/);
    // The other ways need no address.
    for (const events of ['offline', 'poll', 'off']) {
      expect(
        loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, BITRIX24_WEBHOOK_URL: WEBHOOK, BITRIX24_EVENTS: events }).events,
      ).toBe(events);
    }
  });

  it('stops `npm start` with that one line, the token nowhere in it', () => {
    const result = spawnSync('npm', ['start', '--silent'], {
      cwd: `${import.meta.dirname}/../..`,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TELEGRAM_BOT_TOKEN: TOKEN,
        BITRIX24_WEBHOOK_URL: WEBHOOK,
        BITRIX24_EVENTS: 'online',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    // npm itself may warn about this machine's own npm settings; those lines are not ours.
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'));
    expect(lines).toEqual([expect.stringMatching(/^Setting PUBLIC_URL: must be set when BITRIX24_EVENTS is online/)]);
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
    expect(result.stderr + result.stdout).not.toContain('k3y5ecr3tvalue42');
  }, 40_000);
});
