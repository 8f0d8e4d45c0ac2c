import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, formatConfigError, loadConfig, readEnvFile, secretsOf } from '../src/config.ts';

const token = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const webhook = 'https://romashka.bitrix24.ru/rest/1/k3y5ecr3tvalue42/';

/** The one line a director's operator would see, asserted to name the setting and hold none of the secrets. */
/** A polling bot with a Bitrix24 application, every setting it needs present. */
const APPLICATION = {
  TELEGRAM_BOT_TOKEN: token,
  BITRIX24_APP_CLIENT_ID: 'app.6571a2b3c4d5e6.12345678',
  BITRIX24_APP_CLIENT_SECRET: 'cl1ent-s3cret',
  PUBLIC_URL: 'https://bot.example.org',
  ENCRYPTION_KEY: 'an operator passphrase',
  METRICS_PORT: '9100',
};

function refusal(env: NodeJS.ProcessEnv, options?: { demo?: boolean }): string {
  try {
    loadConfig(env, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const line = formatConfigError(error);
    expect(line).not.toContain('\n');
    return line;
  }
  throw new Error('the settings were accepted');
}

describe('loadConfig', () => {
  it('runs the demo with nothing set, on the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      mode: 'demo',
      allowed: [],
      databasePath: './data/assistant.sqlite',
      logLevel: 'info',
      portalPort: 8124,
      rateLimit: { perSecond: 2, burst: 50 },
    });
    expect(config.telegram).toBeUndefined();
    expect(config.portal).toBeUndefined();
    expect(config.model).toBeUndefined();
    // The demo makes its own key, a fresh one each start.
    expect(config.encryptionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({}).encryptionKey).not.toBe(config.encryptionKey);
  });

  it('runs the bot when a token is set, with every setting read', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/',
      ALLOWED_TELEGRAM_IDS: '123, 456:7',
      BITRIX24_WEBHOOK_URL: webhook,
      OPENAI_API_KEY: 'sk-test-abcdef',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'qwen2.5',
      DATABASE_PATH: '/var/lib/assistant/state.sqlite',
      ENCRYPTION_KEY: 'a long enough operator passphrase',
      LOG_LEVEL: 'DEBUG',
      PORTAL_PORT: '0',
      BITRIX24_RATE_LIMIT: '0.5',
      BITRIX24_RATE_BURST: '10',
    });
    expect(config).toEqual({
      mode: 'telegram',
      telegram: { token, apiRoot: 'http://127.0.0.1:9999' },
      allowed: [{ telegramUserId: 123 }, { telegramUserId: 456, portalUserId: 7 }],
      portal: { webhookUrl: webhook },
      model: { apiKey: 'sk-test-abcdef', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5' },
      speech: { apiKey: 'sk-test-abcdef', baseURL: 'http://127.0.0.1:11434/v1', model: 'whisper-1' },
      databasePath: '/var/lib/assistant/state.sqlite',
      encryptionKey: 'a long enough operator passphrase',
      logLevel: 'debug',
      metricsHost: '127.0.0.1',
      portalPort: 0,
      rateLimit: { perSecond: 0.5, burst: 10 },
    });
    expect(secretsOf(config)).toEqual(
      expect.arrayContaining([token, 'sk-test-abcdef', 'a long enough operator passphrase', 'k3y5ecr3tvalue42']),
    );
  });

  it('sends voice notes to their own speech server and model when asked, with or without a chat model', () => {
    const own = loadConfig({
      OPENAI_API_KEY: 'sk-test-abcdef',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_TRANSCRIBE_BASE_URL: 'http://127.0.0.1:9000/v1',
      OPENAI_TRANSCRIBE_MODEL: 'large-v3',
    });
    expect(own.speech).toEqual({ apiKey: 'sk-test-abcdef', baseURL: 'http://127.0.0.1:9000/v1', model: 'large-v3' });
    const alone = loadConfig({ OPENAI_TRANSCRIBE_BASE_URL: 'http://127.0.0.1:9000/v1' });
    expect(alone.model).toBeUndefined();
    expect(alone.speech).toMatchObject({ baseURL: 'http://127.0.0.1:9000/v1', model: 'whisper-1' });
    expect(loadConfig({}).speech).toBeUndefined();
    expect(() => loadConfig({ OPENAI_TRANSCRIBE_BASE_URL: 'whisper:9000' })).toThrow(/OPENAI_TRANSCRIBE_BASE_URL/);
  });

  it('needs no encryption key for the bot, and generates none', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, BITRIX24_WEBHOOK_URL: webhook });
    expect(config.telegram?.apiRoot).toBe('https://api.telegram.org');
    expect(config.encryptionKey).toBeUndefined();
  });

  it('treats empty values as not set, and defaults the model name', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '  ', OPENAI_API_KEY: 'sk-x', LOG_LEVEL: '', PORTAL_PORT: '' });
    expect(config.mode).toBe('demo');
    expect(config.model).toEqual({ apiKey: 'sk-x', model: 'gpt-4o-mini' });
    expect(config.logLevel).toBe('info');
  });

  it('normalises the webhook address to its base with one trailing slash', () => {
    const config = loadConfig({ BITRIX24_WEBHOOK_URL: 'http://127.0.0.1:8124/rest/1/demo-secret' });
    expect(config.portal).toEqual({ webhookUrl: 'http://127.0.0.1:8124/rest/1/demo-secret/' });
  });

  it('reads the Telegram ID list with spaces, portal users and a trailing comma', () => {
    const config = loadConfig({ ALLOWED_TELEGRAM_IDS: ' 1001:1 ,1002,, 1003:12 , ' });
    expect(config.allowed).toEqual([
      { telegramUserId: 1001, portalUserId: 1 },
      { telegramUserId: 1002 },
      { telegramUserId: 1003, portalUserId: 12 },
    ]);
  });

  it.each([
    ['TELEGRAM_API_ROOT', 'http://bot-api.example.com'],
    ['OPENAI_BASE_URL', 'http://10.0.0.5:11434/v1'],
    ['OPENAI_TRANSCRIBE_BASE_URL', 'http://speech.example.com/v1'],
  ])('stops on plain http:// to another machine in %s, in one line', (setting, address) => {
    expect(refusal({ [setting]: address })).toBe(
      `Setting ${setting}: must be an https:// address of ${
        setting === 'TELEGRAM_API_ROOT'
          ? 'a Bot API server'
          : setting === 'OPENAI_BASE_URL'
            ? 'an OpenAI-compatible service'
            : 'an OpenAI-compatible speech service'
      } (plain http:// only to this machine)`,
    );
    expect(() =>
      loadConfig({ TELEGRAM_BOT_TOKEN: token, BITRIX24_WEBHOOK_URL: webhook, [setting]: 'http://localhost:8081' }),
    ).not.toThrow();
  });

  it('stops on an ID list with letters, naming the setting', () => {
    expect(refusal({ ALLOWED_TELEGRAM_IDS: '123, abc' })).toBe(
      'Setting ALLOWED_TELEGRAM_IDS: "abc" is not a Telegram user ID (expected numbers like 12345, or 12345:7 for portal user 7)',
    );
    expect(refusal({ ALLOWED_TELEGRAM_IDS: '123:x' })).toMatch(/^Setting ALLOWED_TELEGRAM_IDS: /);
    expect(refusal({ ALLOWED_TELEGRAM_IDS: '123, 123:4' })).toBe(
      'Setting ALLOWED_TELEGRAM_IDS: Telegram user 123 is listed twice',
    );
  });

  it.each([
    ['not an address', 'k3y5ecr3tvalue42'],
    ['https://romashka.bitrix24.ru/crm/deal/k3y5ecr3tvalue42/', 'k3y5ecr3tvalue42'],
    ['https://romashka.bitrix24.ru/rest/abc/k3y5ecr3tvalue42/', 'k3y5ecr3tvalue42'],
    ['http://romashka.bitrix24.ru/rest/1/k3y5ecr3tvalue42/', 'k3y5ecr3tvalue42'],
  ])('stops on a webhook address that is not a Bitrix24 one (%s) without echoing it', (address, secret) => {
    const line = refusal({ BITRIX24_WEBHOOK_URL: address });
    expect(line).toMatch(/^Setting BITRIX24_WEBHOOK_URL: /);
    expect(line).not.toContain(secret);
    expect(line).not.toContain('romashka');
  });

  it('stops on a malformed token or key without showing them', () => {
    const line = refusal({ TELEGRAM_BOT_TOKEN: 'bot token with spaces s3cr3t' });
    expect(line).toMatch(/^Setting TELEGRAM_BOT_TOKEN: /);
    expect(line).not.toContain('s3cr3t');
    const key = refusal({ ENCRYPTION_KEY: 'short-s3cr3t' });
    expect(key).toBe('Setting ENCRYPTION_KEY: must be at least 16 characters long');
  });

  it.each([
    ['LOG_LEVEL', 'verbose', /must be debug, info, warn or error/],
    ['PORTAL_PORT', '80a', /port number/],
    ['PORTAL_PORT', '70000', /port number/],
    ['BITRIX24_RATE_LIMIT', '0', /positive number/],
    ['BITRIX24_RATE_BURST', '-5', /whole number/],
    ['OPENAI_BASE_URL', 'localhost:11434', /http\(s\) address/],
    ['TELEGRAM_API_ROOT', 'ftp://example.org', /http\(s\) address/],
    ['DATABASE_URL', 'mysql://db.example.org/assistant', /PostgreSQL address/],
  ])('stops on a malformed %s', (setting, value, reason) => {
    const line = refusal({ [setting]: value });
    expect(line.startsWith(`Setting ${setting}: `)).toBe(true);
    expect(line).toMatch(reason);
  });

  it('takes a shared PostgreSQL database from DATABASE_URL and keeps its password out of the logs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://assistant:pa%24%24word@db.internal:5432/assistant' });
    expect(config.databaseUrl).toBe('postgres://assistant:pa%24%24word@db.internal:5432/assistant');
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['pa$$word']));
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('runs a webhook-mode bot only with its address, and makes a secret when none is given', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' });
    expect(config.telegram?.webhook).toMatchObject({ url: 'https://bot.example.org/tg', port: 8080 });
    expect(config.telegram?.webhook?.secret).toMatch(/^[\w-]{16,256}$/);
    const given = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
      TELEGRAM_WEBHOOK_PORT: '3000',
      TELEGRAM_WEBHOOK_SECRET: 'hook_s3cret',
    });
    expect(given.telegram?.webhook).toEqual({ url: 'https://bot.example.org/tg', port: 3000, secret: 'hook_s3cret' });
    expect(refusal({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_PORT: '3000' })).toBe(
      'Setting TELEGRAM_WEBHOOK_URL: must be set too when TELEGRAM_WEBHOOK_PORT is (webhook mode)',
    );
  });

  it('refuses the cluster of docker-compose.yml with its host left unset, and gives its instances one secret', () => {
    // `https://${PUBLIC_HOST:-}/telegram` with PUBLIC_HOST unset.
    expect(refusal({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'https:///telegram' })).toMatch(
      /^Setting TELEGRAM_WEBHOOK_URL: must be an http\(s\) address/,
    );
    const cluster = {
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/telegram',
      DATABASE_URL: 'postgres://assistant:pw@postgres:5432/assistant',
    };
    // Two instances on one database, no secret set: each derives the same one from the token, not the token.
    const first = loadConfig(cluster).telegram?.webhook?.secret;
    expect(first).toMatch(/^[A-Za-z0-9_-]{20,256}$/);
    expect(loadConfig(cluster).telegram?.webhook?.secret).toBe(first);
    expect(first).not.toContain(token);
    expect(loadConfig({ ...cluster, TELEGRAM_BOT_TOKEN: `${token}x` }).telegram?.webhook?.secret).not.toBe(first);
    expect(loadConfig({ ...cluster, TELEGRAM_WEBHOOK_SECRET: 'hook_s3cret' }).telegram?.webhook?.secret).toBe(
      'hook_s3cret',
    );
  });

  it('reads the Bitrix24 application, with the authorization server by default', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      BITRIX24_APP_CLIENT_ID: 'app.6571a2b3c4d5e6.12345678',
      BITRIX24_APP_CLIENT_SECRET: 'cl1ent-s3cret',
      PUBLIC_URL: 'https://bot.example.org/',
      ENCRYPTION_KEY: 'an operator passphrase',
      METRICS_PORT: '9100',
      ALLOW_CONNECTED_PORTALS: 'true',
    });
    expect(config.application).toEqual({
      clientId: 'app.6571a2b3c4d5e6.12345678',
      clientSecret: 'cl1ent-s3cret',
      server: 'https://oauth.bitrix.info',
      publicUrl: 'https://bot.example.org',
      allowConnectedPortals: true,
    });
    expect(config.portal).toBeUndefined();
    expect(secretsOf(config)).toEqual(expect.arrayContaining(['cl1ent-s3cret']));
  });

  it('stops with one line when the application is half set, or lacks its key, address or listener', () => {
    const app = APPLICATION;
    expect(refusal({ ...app, ENCRYPTION_KEY: undefined })).toMatch(/^Setting ENCRYPTION_KEY: must be set when/);
    expect(refusal({ ...app, BITRIX24_APP_CLIENT_SECRET: undefined })).toMatch(/^Setting BITRIX24_APP_CLIENT_SECRET: /);
    expect(refusal({ ...app, BITRIX24_APP_CLIENT_ID: undefined })).toMatch(/^Setting BITRIX24_APP_CLIENT_ID: /);
    expect(refusal({ ...app, PUBLIC_URL: undefined })).toMatch(/^Setting PUBLIC_URL: /);
    expect(refusal({ ...app, METRICS_PORT: undefined })).toMatch(/^Setting METRICS_PORT: /);
    expect(refusal({ TELEGRAM_BOT_TOKEN: token, ALLOW_CONNECTED_PORTALS: 'true' })).toMatch(
      /^Setting BITRIX24_APP_CLIENT_ID: /,
    );
    expect(refusal({ ...app, ALLOW_CONNECTED_PORTALS: 'perhaps' })).toMatch(/^Setting ALLOW_CONNECTED_PORTALS: /);
    for (const line of [refusal({ ...app, ENCRYPTION_KEY: undefined }), refusal({ ...app, PUBLIC_URL: undefined })]) {
      expect(line).not.toContain('cl1ent-s3cret');
    }
  });

  it('wants https for the authorization server and the public address, plain http only on this machine', () => {
    const app = APPLICATION;
    expect(refusal({ ...app, PUBLIC_URL: 'http://bot.example.org' })).toBe(
      'Setting PUBLIC_URL: must be an https:// address of this bot, as a browser reaches it (plain http:// only to this machine)',
    );
    expect(refusal({ ...app, BITRIX24_OAUTH_SERVER: 'http://oauth.bitrix.info' })).toMatch(
      /^Setting BITRIX24_OAUTH_SERVER: must be an https:\/\/ address/,
    );
    const local = loadConfig({
      ...app,
      PUBLIC_URL: 'http://127.0.0.1:9100',
      BITRIX24_OAUTH_SERVER: 'http://localhost:8124',
    });
    expect(local.application).toMatchObject({ publicUrl: 'http://127.0.0.1:9100', server: 'http://localhost:8124' });
  });

  it('refuses a shared database with polling: two polling instances would make Telegram refuse each other', () => {
    expect(refusal({ TELEGRAM_BOT_TOKEN: token, DATABASE_URL: 'postgres://assistant:pw@db:5432/assistant' })).toBe(
      'Setting TELEGRAM_WEBHOOK_URL: must be set too when DATABASE_URL is: instances sharing a database receive updates by webhook, not by polling',
    );
  });

  it('binds the operator listener to this machine unless told, and keeps the metrics token secret', () => {
    expect(loadConfig({}).metricsHost).toBe('127.0.0.1');
    const open = loadConfig({ METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'scrape-t0ken-of-the-operator' });
    expect(open).toMatchObject({ metricsHost: '0.0.0.0', metricsToken: 'scrape-t0ken-of-the-operator' });
    expect(secretsOf(open)).toContain('scrape-t0ken-of-the-operator');
    expect(refusal({ METRICS_TOKEN: 'short' })).toBe('Setting METRICS_TOKEN: must be 16–512 characters without spaces');
    expect(refusal({ METRICS_HOST: 'every interface' })).toMatch(/^Setting METRICS_HOST: /);
  });

  it('runs the demo when asked, whatever Telegram settings are present', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: 'broken', ALLOWED_TELEGRAM_IDS: '5' }, { demo: true });
    expect(config.mode).toBe('demo');
    expect(config.telegram).toBeUndefined();
    expect(config.allowed).toEqual([{ telegramUserId: 5 }]);
  });
});

describe('readEnvFile', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('reads .env under the real environment, which always wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'b24-config-'));
    folders.push(dir);
    const path = join(dir, '.env');
    writeFileSync(path, `# operator settings\nALLOWED_TELEGRAM_IDS=1,2:3\nLOG_LEVEL=warn\nPORTAL_PORT="9000"\n`);
    const config = loadConfig(readEnvFile(path, { LOG_LEVEL: 'error' }));
    expect(config.allowed).toEqual([{ telegramUserId: 1 }, { telegramUserId: 2, portalUserId: 3 }]);
    expect(config.logLevel).toBe('error');
    expect(config.portalPort).toBe(9000);
    expect(readEnvFile(join(dir, 'missing.env'), { LOG_LEVEL: 'warn' })).toEqual({ LOG_LEVEL: 'warn' });
  });
});

describe('formatConfigError', () => {
  it('puts any other failure on one line with webhook secrets masked', () => {
    const line = formatConfigError(new Error(`cannot read\n${webhook}`));
    expect(line).toBe('The settings could not be read: cannot read https://romashka.bitrix24.ru/rest/1/***/');
  });
});

describe('ConfigError', () => {
  it('takes the setting and the reason apart or as one ready line', () => {
    expect(new ConfigError('BITRIX24_WEBHOOK_URL', 'is required')).toMatchObject({
      setting: 'BITRIX24_WEBHOOK_URL',
      message: 'BITRIX24_WEBHOOK_URL: is required',
    });
    expect(new ConfigError('BITRIX24_WEBHOOK_URL: the bot needs the address')).toMatchObject({
      setting: 'BITRIX24_WEBHOOK_URL',
      message: 'BITRIX24_WEBHOOK_URL: the bot needs the address',
    });
  });
});
