// The settings, read once from the environment (and `.env`) by one schema into one typed object.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { type LogLevel, redact } from './log.ts';
import { parseWebhookAddress, WebhookAddressError } from './portal/webhook-address.ts';
import { MIN_KEY_LENGTH } from './storage/secret-box.ts';

export interface AllowedUser {
  telegramUserId: number;
  /** Absent: the webhook's own user. */
  portalUserId?: number;
}

export interface Config {
  mode: 'telegram' | 'demo';
  telegram?: { token: string; apiRoot: string; webhook?: { url: string; port: number; secret: string } };
  allowed: AllowedUser[];
  portal?: { webhookUrl: string };
  /** A Bitrix24 application (OAuth 2.0): each director connects their own portal, with their own rights. */
  application?: {
    clientId: string;
    clientSecret: string;
    /** BITRIX24_OAUTH_SERVER. */
    server: string;
    /** PUBLIC_URL: where the portal sends the browser back (`<PUBLIC_URL>/bitrix24/oauth`). */
    publicUrl: string;
    allowConnectedPortals: boolean;
  };
  model?: { apiKey: string; baseURL?: string; model: string };
  /** Speech to text for voice notes: the chat service's, or a speech server of its own. */
  speech?: { apiKey: string; baseURL?: string; model: string };
  databasePath: string;
  /** DATABASE_URL: a PostgreSQL database shared by several instances, instead of the SQLite file. */
  databaseUrl?: string;
  encryptionKey?: string;
  logLevel: LogLevel;
  portalPort: number;
  /** METRICS_PORT: the operator listener (/healthz, /metrics) on a port of its own; absent: off. */
  metricsPort?: number;
  /** METRICS_HOST: the interface that listener binds to (127.0.0.1 unless the operator opens it). */
  metricsHost: string;
  /** METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  rateLimit: { perSecond: number; burst: number };
  /** DASHBOARD_URL: where Telegram opens the dashboard (HTTPS); absent, no dashboard button. */
  dashboardUrl?: string;
  /** BITRIX24_EVENTS: how portal changes reach the alerts; absent: `offline` for connected portals, `poll` for a webhook. */
  events?: 'offline' | 'online' | 'poll' | 'off';
}

/** A setting that is present but wrong. The message names the setting and never holds its value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly setting: string;
  /** `new ConfigError(setting, reason)`, or one ready line `SETTING: reason`. */
  constructor(setting: string, reason?: string) {
    super(reason === undefined ? setting : `${setting}: ${reason}`);
    this.setting = reason === undefined ? setting.split(':')[0]!.trim() : setting;
  }
}

const DEFAULT_MODEL = 'gpt-4o-mini';
const DEFAULT_TRANSCRIBE_MODEL = 'whisper-1';
// A local speech server usually wants no key, but the client must send one.
const KEYLESS = 'none';
const DEFAULT_TELEGRAM_WEBHOOK_PORT = 8080;

// `X=` in a .env file means "not set", as does a value of spaces.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const text = z.string().trim();

// The host is read from what is written: `https:///telegram` (an unset host in docker-compose.yml) is no address.
const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol) && /^https?:\/\/[^/?#\s]/i.test(value);
  } catch {
    return false;
  }
};

const httpUrl = (what: string) => text.refine(isHttpUrl, `must be an http(s) address of ${what}`);

// The bot's token and the model's key travel in these requests: plain http only to this machine itself.
const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
const isSafeUrl = (value: string) => {
  const url = new URL(value);
  return url.protocol === 'https:' || loopback.test(url.hostname);
};
const secureUrl = (what: string) =>
  httpUrl(what).refine(isSafeUrl, `must be an https:// address of ${what} (plain http:// only to this machine)`);

const integer = (min: number, max: number, what: string) =>
  text
    .regex(/^\d+$/, `must be ${what}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be ${what}`);

const positiveNumber = text
  .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
  .transform(Number)
  .refine((value) => value > 0, 'must be a positive number');

// Telegram IDs, each optionally `:portalUser`. Not secret, so a wrong entry may be quoted back.
const allowedIds = text.transform((list, ctx): AllowedUser[] => {
  const allowed: AllowedUser[] = [];
  for (const entry of list.split(/[,;\s]+/).filter(Boolean)) {
    const match = /^(\d{1,15})(?::(\d{1,15}))?$/.exec(entry);
    const telegramUserId = Number(match?.[1]);
    const portalUserId = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!match || telegramUserId < 1 || portalUserId === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry.slice(0, 40)}" is not a Telegram user ID (expected numbers like 12345, or 12345:7 for portal user 7)`,
      });
      return z.NEVER;
    }
    if (allowed.some((user) => user.telegramUserId === telegramUserId)) {
      ctx.addIssue({ code: 'custom', message: `Telegram user ${telegramUserId} is listed twice` });
      return z.NEVER;
    }
    allowed.push(portalUserId === undefined ? { telegramUserId } : { telegramUserId, portalUserId });
  }
  return allowed;
});

const webhookAddress = text.transform((value, ctx) => {
  try {
    return parseWebhookAddress(value).base;
  } catch (error) {
    // Its messages describe the expected shape and never repeat the address.
    const reason = error instanceof WebhookAddressError ? error.message : 'is not a Bitrix24 webhook address';
    ctx.addIssue({ code: 'custom', message: `${reason} (https://<portal>/rest/<user>/<secret>/)` });
    return z.NEVER;
  }
});

const environment = z.object({
  TELEGRAM_BOT_TOKEN: optional(text.regex(/^\d+:[\w-]+$/, 'must look like 123456789:AA… (the token from @BotFather)')),
  TELEGRAM_API_ROOT: optional(secureUrl('a Bot API server')),
  TELEGRAM_WEBHOOK_URL: optional(httpUrl('this bot, as Telegram should call it')),
  TELEGRAM_WEBHOOK_PORT: optional(integer(1, 65535, 'a port number from 1 to 65535')),
  TELEGRAM_WEBHOOK_SECRET: optional(
    text.regex(/^[\w-]{1,256}$/, 'must be 1–256 characters of letters, digits, "_" and "-"'),
  ),
  ALLOWED_TELEGRAM_IDS: optional(allowedIds),
  BITRIX24_WEBHOOK_URL: optional(webhookAddress),
  OPENAI_API_KEY: optional(text),
  OPENAI_BASE_URL: optional(secureUrl('an OpenAI-compatible service')),
  OPENAI_MODEL: optional(text),
  OPENAI_TRANSCRIBE_MODEL: optional(text),
  OPENAI_TRANSCRIBE_BASE_URL: optional(secureUrl('an OpenAI-compatible speech service')),
  DATABASE_PATH: optional(text),
  DATABASE_URL: optional(
    text.refine((value) => {
      try {
        const url = new URL(value);
        return /^postgres(ql)?:$/.test(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be a PostgreSQL address, postgres://user:password@host:5432/database'),
  ),
  ENCRYPTION_KEY: optional(z.string().min(MIN_KEY_LENGTH, `must be at least ${MIN_KEY_LENGTH} characters long`)),
  LOG_LEVEL: optional(
    text.toLowerCase().pipe(z.enum(['debug', 'info', 'warn', 'error'], 'must be debug, info, warn or error')),
  ),
  PORTAL_PORT: optional(integer(0, 65535, 'a port number from 0 to 65535')),
  METRICS_PORT: optional(integer(0, 65535, 'a port number from 0 to 65535')),
  METRICS_HOST: optional(
    text.regex(/^[\w.:-]{1,253}$/, 'must be an interface address such as 127.0.0.1 or 0.0.0.0, or a host name'),
  ),
  METRICS_TOKEN: optional(text.regex(/^[\x21-\x7e]{16,512}$/, 'must be 16–512 characters without spaces')),
  BITRIX24_APP_CLIENT_ID: optional(
    text.regex(/^[\w.-]{1,200}$/, 'must be the application code, e.g. local.5f1b2c3d4e5f60.12345678'),
  ),
  BITRIX24_APP_CLIENT_SECRET: optional(text.regex(/^\S{1,200}$/, 'must be the application key without spaces')),
  // The application's secret and the directors' codes and cookies travel over these: https only.
  BITRIX24_OAUTH_SERVER: optional(secureUrl('the authorization server')),
  PUBLIC_URL: optional(secureUrl('this bot, as a browser reaches it')),
  ALLOW_CONNECTED_PORTALS: optional(
    text.toLowerCase().pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')),
  ),
  BITRIX24_EVENTS: optional(
    text.toLowerCase().pipe(z.enum(['offline', 'online', 'poll', 'off'], 'must be offline, online, poll or off')),
  ),
  BITRIX24_RATE_LIMIT: optional(positiveNumber),
  BITRIX24_RATE_BURST: optional(integer(1, 10_000, 'a whole number from 1 to 10000')),
  // Telegram opens a Mini App only over HTTPS.
  DASHBOARD_URL: optional(
    httpUrl('the dashboard').refine(
      (value) => isHttpUrl(value) && new URL(value).protocol === 'https:',
      'must be an https:// address of the dashboard (Telegram opens it only over HTTPS), e.g. https://bot.example.org/dashboard',
    ),
  ),
});

/**
 * Reads the settings. Present but malformed values throw ConfigError (one line, the setting's name, never its
 * value). `demo: true` (npm run demo) runs the demo whatever is set, and then ignores the Telegram settings.
 */
/** The webhook secret every instance of one bot derives alike, and nobody without the token can. */
const sharedWebhookSecret = (token: string): string =>
  createHmac('sha256', token).update('telegram webhook secret').digest('base64url');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { demo?: boolean } = {}): Config {
  const relevant = options.demo ? { ...env, TELEGRAM_BOT_TOKEN: undefined, TELEGRAM_WEBHOOK_URL: undefined } : env;
  const parsed = environment.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'settings'), issue?.message ?? 'is malformed');
  }
  const settings = parsed.data;
  const mode = settings.TELEGRAM_BOT_TOKEN && !options.demo ? 'telegram' : 'demo';

  const config: Config = {
    mode,
    allowed: settings.ALLOWED_TELEGRAM_IDS ?? [],
    databasePath: settings.DATABASE_PATH ?? './data/assistant.sqlite',
    ...(settings.DATABASE_URL ? { databaseUrl: settings.DATABASE_URL } : {}),
    logLevel: settings.LOG_LEVEL ?? 'info',
    metricsHost: settings.METRICS_HOST ?? '127.0.0.1',
    ...(settings.METRICS_TOKEN ? { metricsToken: settings.METRICS_TOKEN } : {}),
    portalPort: settings.PORTAL_PORT ?? 8124,
    rateLimit: { perSecond: settings.BITRIX24_RATE_LIMIT ?? 2, burst: settings.BITRIX24_RATE_BURST ?? 50 },
  };
  if (settings.TELEGRAM_BOT_TOKEN && mode === 'telegram') {
    config.telegram = {
      token: settings.TELEGRAM_BOT_TOKEN,
      apiRoot: (settings.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, ''),
    };
    if (settings.TELEGRAM_WEBHOOK_URL) {
      config.telegram.webhook = {
        url: settings.TELEGRAM_WEBHOOK_URL,
        port: settings.TELEGRAM_WEBHOOK_PORT ?? DEFAULT_TELEGRAM_WEBHOOK_PORT,
        // Telegram echoes it on every call. One instance may make up its own each start; instances sharing a
        // database share the webhook, so each derives the same one from the bot's token (no extra setting).
        secret:
          settings.TELEGRAM_WEBHOOK_SECRET ??
          (settings.DATABASE_URL
            ? sharedWebhookSecret(settings.TELEGRAM_BOT_TOKEN)
            : randomBytes(24).toString('base64url')),
      };
    } else if (settings.TELEGRAM_WEBHOOK_PORT !== undefined || settings.TELEGRAM_WEBHOOK_SECRET !== undefined) {
      const given = settings.TELEGRAM_WEBHOOK_PORT !== undefined ? 'TELEGRAM_WEBHOOK_PORT' : 'TELEGRAM_WEBHOOK_SECRET';
      throw new ConfigError('TELEGRAM_WEBHOOK_URL', `must be set too when ${given} is (webhook mode)`);
    }
  }
  // Two instances that both poll make Telegram refuse each other in turn: a shared database means the webhook.
  if (mode === 'telegram' && settings.DATABASE_URL && !config.telegram?.webhook) {
    throw new ConfigError(
      'TELEGRAM_WEBHOOK_URL',
      'must be set too when DATABASE_URL is: instances sharing a database receive updates by webhook, not by polling',
    );
  }
  if (settings.METRICS_PORT !== undefined) config.metricsPort = settings.METRICS_PORT;
  if (settings.DASHBOARD_URL) config.dashboardUrl = settings.DASHBOARD_URL;
  if (settings.BITRIX24_EVENTS) config.events = settings.BITRIX24_EVENTS;
  if (settings.BITRIX24_WEBHOOK_URL) config.portal = { webhookUrl: settings.BITRIX24_WEBHOOK_URL };
  if (mode === 'telegram' && config.dashboardUrl && !config.telegram?.webhook && config.metricsPort === undefined) {
    throw new ConfigError(
      'METRICS_PORT',
      'must be set too when DASHBOARD_URL is and the bot polls: the listener serves the dashboard',
    );
  }
  if (mode === 'telegram') {
    if (config.events === 'online') onlineEventsNeed(settings);
    const application = applicationOf(settings);
    if (application) {
      config.application = application;
      // The redirect needs a listener: the webhook's port, or METRICS_PORT when polling.
      if (!config.telegram?.webhook && config.metricsPort === undefined) {
        throw new ConfigError(
          'METRICS_PORT',
          'must be set too when BITRIX24_APP_CLIENT_ID is and the bot polls: the listener receives the portal’s redirect',
        );
      }
    }
  }
  withModel(config, settings);
  withEncryptionKey(config, settings, mode);
  return config;
}

/** The chat model and the speech service, when a key or a local service is given. */
function withModel(config: Config, settings: z.infer<typeof environment>): void {
  if (settings.OPENAI_API_KEY) {
    config.model = { apiKey: settings.OPENAI_API_KEY, model: settings.OPENAI_MODEL ?? DEFAULT_MODEL };
    if (settings.OPENAI_BASE_URL) config.model.baseURL = settings.OPENAI_BASE_URL;
  }
  if (settings.OPENAI_API_KEY || settings.OPENAI_TRANSCRIBE_BASE_URL) {
    config.speech = {
      apiKey: settings.OPENAI_API_KEY ?? KEYLESS,
      model: settings.OPENAI_TRANSCRIBE_MODEL ?? DEFAULT_TRANSCRIBE_MODEL,
    };
    const baseURL = settings.OPENAI_TRANSCRIBE_BASE_URL ?? settings.OPENAI_BASE_URL;
    if (baseURL) config.speech.baseURL = baseURL;
  }
}

/** The key that seals the directors' stored connections. */
function withEncryptionKey(config: Config, settings: z.infer<typeof environment>, mode: Config['mode']): void {
  // The address from BITRIX24_WEBHOOK_URL stays in memory and is never stored, so the bot needs no key for it;
  // the key is needed only to store a connected portal, and whatever stores one refuses to without it.
  // The demo's own portal is throwaway, so a generated key serves.
  const encryptionKey = settings.ENCRYPTION_KEY ?? (mode === 'demo' ? randomBytes(32).toString('hex') : undefined);
  if (encryptionKey) config.encryptionKey = encryptionKey;
  if (config.application && !config.encryptionKey) {
    throw new ConfigError(
      'ENCRYPTION_KEY',
      'must be set when BITRIX24_APP_CLIENT_ID is: the directors’ tokens are stored encrypted',
    );
  }
}

/** Online events are the portal calling `<PUBLIC_URL>/bitrix24/events`: an address it reaches, and the application. */
function onlineEventsNeed(settings: z.infer<typeof environment>): void {
  if (!settings.PUBLIC_URL) {
    throw new ConfigError(
      'PUBLIC_URL',
      'must be set when BITRIX24_EVENTS is online: the portal calls the bot there (or use BITRIX24_EVENTS=offline, which needs no public address)',
    );
  }
  if (!settings.BITRIX24_APP_CLIENT_ID) {
    throw new ConfigError(
      'BITRIX24_APP_CLIENT_ID',
      'must be set when BITRIX24_EVENTS is online: only a portal connected through the application sends events',
    );
  }
}

/** The application's settings: all of the pair and PUBLIC_URL, or none of them. */
function applicationOf(settings: z.infer<typeof environment>): Config['application'] {
  const {
    BITRIX24_APP_CLIENT_ID: clientId,
    BITRIX24_APP_CLIENT_SECRET: clientSecret,
    PUBLIC_URL: publicUrl,
  } = settings;
  if (!clientId && !clientSecret) {
    if (settings.ALLOW_CONNECTED_PORTALS && ['true', '1', 'yes'].includes(settings.ALLOW_CONNECTED_PORTALS)) {
      throw new ConfigError('BITRIX24_APP_CLIENT_ID', 'must be set when ALLOW_CONNECTED_PORTALS is true');
    }
    return undefined;
  }
  if (!clientId) throw new ConfigError('BITRIX24_APP_CLIENT_ID', 'must be set too when BITRIX24_APP_CLIENT_SECRET is');
  if (!clientSecret)
    throw new ConfigError('BITRIX24_APP_CLIENT_SECRET', 'must be set too when BITRIX24_APP_CLIENT_ID is');
  if (!publicUrl) {
    throw new ConfigError(
      'PUBLIC_URL',
      'must be set when BITRIX24_APP_CLIENT_ID is: the portal sends directors back there',
    );
  }
  return {
    clientId,
    clientSecret,
    server: (settings.BITRIX24_OAUTH_SERVER ?? 'https://oauth.bitrix.info').replace(/\/+$/, ''),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    allowConnectedPortals: ['true', '1', 'yes'].includes(settings.ALLOW_CONNECTED_PORTALS ?? 'false'),
  };
}

/** Every secret value of the settings, for the logger to mask. */
export function secretsOf(config: Config): string[] {
  const secrets = [
    config.telegram?.token,
    config.telegram?.webhook?.secret,
    config.model?.apiKey,
    config.encryptionKey,
    config.application?.clientSecret,
    config.metricsToken,
  ];
  if (config.portal) secrets.push(parseWebhookAddress(config.portal.webhookUrl).secret);
  if (config.databaseUrl) {
    const password = new URL(config.databaseUrl).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  }
  return secrets.filter((secret): secret is string => Boolean(secret));
}

/** `.env` in the working folder under the real environment: a variable that is really set always wins. */
export function readEnvFile(path = join(process.cwd(), '.env'), env: NodeJS.ProcessEnv = process.env) {
  const fromFile = existsSync(path) ? parseDotenv(readFileSync(path)) : {};
  return { ...fromFile, ...env } as NodeJS.ProcessEnv;
}

/** The one line main prints before exiting: no stack trace, no secret. */
export function formatConfigError(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const line = redact(reason).replace(/\s+/g, ' ').trim();
  return error instanceof ConfigError ? `Setting ${line}` : `The settings could not be read: ${line}`;
}
