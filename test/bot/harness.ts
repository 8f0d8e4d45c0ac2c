// The whole product as an operator runs it: `npm start` in a child process, pointed at the demo portal
// and a fake Telegram Bot API on 127.0.0.1, with a real SQLite file in a temp folder.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { type FakeTelegram, type SentMessage, startFakeTelegram, type TelegramUser } from '../fakes/telegram-api.ts';

export const DIRECTOR: TelegramUser = { id: 111, first_name: 'Алексей', language_code: 'ru' };
/** Allowed as portal user 5 (not the webhook's own user). */
export const MANAGER: TelegramUser = { id: 222, first_name: 'Мария', language_code: 'ru' };
export const STRANGER: TelegramUser = { id: 999, first_name: 'Незнакомец', language_code: 'ru' };

export interface Stand {
  portal: DemoPortal;
  telegram: FakeTelegram;
  folder: string;
  /** Everything the assistant wrote to stderr (to check no secret leaks into logs). */
  stderr(): string;
  /** `more` adds settings known only once the stand runs (the demo portal's application keys). */
  startAssistant(more?: Record<string, string>): Promise<void>;
  /** Resolves with the exit code once the assistant's process has ended by itself. */
  exited(): Promise<number | null>;
  /** SIGTERM, as Docker and systemd stop it. */
  stopAssistant(): Promise<void>;
  /** The director writes; resolves with the bot's new messages once `count` have arrived. */
  say(user: TelegramUser, text: string, count?: number): Promise<SentMessage[]>;
  close(): Promise<void>;
}

const repository = join(import.meta.dirname, '..', '..');

export async function startStand(extraEnv: Record<string, string> = {}): Promise<Stand> {
  const portal = await startDemoPortal({ port: 0 });
  const telegram = await startFakeTelegram();
  const folder = mkdtempSync(join(tmpdir(), 'b24-bot-'));
  let child: ChildProcess | undefined;
  let exit: Promise<number | null> = Promise.resolve(null);
  let errors = '';

  // Running means polling, or (webhook mode) the webhook registered.
  const polls = () =>
    telegram.calls.filter((call) => call.method === 'getUpdates' || call.method === 'setWebhook').length;

  const stand: Stand = {
    portal,
    telegram,
    folder,
    stderr: () => errors,
    async startAssistant(more = {}) {
      const before = polls();
      child = spawn('npm', ['start', '--silent'], {
        cwd: repository,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TELEGRAM_BOT_TOKEN: telegram.token,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          BITRIX24_WEBHOOK_URL: portal.webhookUrl,
          ALLOWED_TELEGRAM_IDS: `${DIRECTOR.id}, ${MANAGER.id}:5`,
          DATABASE_PATH: join(folder, 'assistant.sqlite'),
          LOG_LEVEL: 'debug',
          // The alerts weigh the demo's leads against the working day's clock: in working hours one may cross its
          // line mid-test and land between a question and its answer. Their own tests tick them by hand.
          BITRIX24_EVENTS: 'off',
          ...extraEnv,
          ...more,
        },
      });
      const started = child;
      exit = new Promise((resolve) => started.once('exit', (code) => resolve(code)));
      child.stderr?.on('data', (chunk: Buffer) => {
        errors += chunk.toString('utf8');
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        errors += chunk.toString('utf8');
      });
      await telegram.waitFor(() => polls() > before, 30_000);
    },
    exited: () => exit,
    async stopAssistant() {
      const running = child;
      if (!running?.pid || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      process.kill(-running.pid, 'SIGTERM');
      await exited;
      child = undefined;
    },
    async say(user, text, count = 1) {
      const chatId = user.id;
      const before = telegram.sent(chatId).length;
      telegram.sendText(user, text);
      return telegram.waitFor(() => {
        const fresh = telegram.sent(chatId).slice(before);
        return fresh.length >= count ? fresh : undefined;
      }, 30_000);
    },
    async close() {
      await stand.stopAssistant();
      await telegram.close();
      await portal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return stand;
}

/** The bot running for the tests of the enclosing `describe`: started before them, closed after them. */
export function runningStand(): Stand {
  const stand = {} as Stand;
  beforeAll(async () => {
    Object.assign(stand, await startStand());
    await stand.startAssistant();
  }, 60_000);
  afterAll(async () => {
    await stand.close?.();
  });
  return stand;
}

/** What promise 2 forbids the director to ever read. */
export const TECHNICAL_WORDS =
  /\b(api|rest|webhook|mcp|endpoint|scope|token|curl|json|sdk|oauth|method|parameter)\b|crm\.\w+\.\w+|tasks\.task|\/rest\/|вебхук|метод|токен|эндпоинт/i;
