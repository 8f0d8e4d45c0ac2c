// The assistant as the bot runs it, built by createApp: the demo portal over real HTTP, a real SQLite file, the
// router, the real scenarios and views. The clock is injected; every reply and edit is collected for the
// technical-words check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { type App, type AppOptions, createApp } from '../../src/app.ts';
import type { AssistantPort } from '../../src/assistant/assistant-port.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { PortalClient } from '../../src/portal/port.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { tapOf } from '../../src/telegram/workspace-tag.ts';
import type { ButtonOutcome, Reply } from '../../src/views/reply.ts';
import type { Conversation } from '../../src/vocabulary/director.ts';
import { type FakeOpenAI, type Script, startFakeOpenAI } from '../fakes/openai-api.ts';

/** The assistant as the bot drives it: a tap is the button's data, as Telegram sends it. */
export interface TestAssistant {
  handleText: AssistantPort['handleText'];
  handleButton(conversation: Conversation, data: string, messageId: number): Promise<ButtonOutcome>;
}

export interface Harness {
  portal: DemoPortal;
  client: PortalClient;
  clock: { now: Date };
  databasePath: string;
  /**
   * A fresh assistant, built by `createApp` as the bot builds it, on its own database connection (a second
   * device, or the bot after a restart). `identity` maps Telegram users to portal users; `model` is the
   * model service's settings.
   */
  assistant(options?: {
    identity?: Map<number, number>;
    model?: AppOptions['model'];
    client?: PortalClient;
  }): TestAssistant;
  /** An assistant whose model service is a fake answering by `script`; the fake closes with the harness. */
  withModel(script: Script): Promise<{ fake: FakeOpenAI; assistant: TestAssistant }>;
  /** A chat with a Telegram user not seen before in this run: nothing said earlier carries over. */
  newChat(): Conversation;
  /** Every text the director was shown in this run. */
  shown: string[];
  record(replies: Reply[]): Reply[];
  recordOutcome(outcome: ButtonOutcome): ButtonOutcome;
  close(): Promise<void>;
}

/** What the director reads in the replies, as plain text. */
export const plainReplies = (replies: Reply[]): string => replies.map((reply) => plainTextOf(reply.html)).join('\n');

/** The harness of a whole test file: started as the file loads, closed after its tests. */
export async function harnessForFile(): Promise<Harness> {
  const harness = await startHarness();
  afterAll(() => harness.close());
  return harness;
}

// Wednesday 25 November 2026, 10:00 in Moscow.
export const WEDNESDAY_MORNING = new Date('2026-11-25T07:00:00Z');

export async function startHarness(): Promise<Harness> {
  const clock = { now: new Date(WEDNESDAY_MORNING) };
  const now = () => new Date(clock.now);
  const portal = await startDemoPortal({ now, rateLimit: false });
  // The demo portal's own limit is off; the client's request bucket would only pace the test (2 a second).
  const client = createPortalClient({
    webhookUrl: portal.webhookUrl,
    retries: 1,
    retryDelayMs: 5,
    timeoutMs: 2_000,
    rateLimit: { perSecond: 10_000, burst: 10_000 },
  });
  const folder = mkdtempSync(join(tmpdir(), 'assistant-'));
  const databasePath = join(folder, 'assistant.sqlite');
  const apps: Promise<App>[] = [];
  const fakes: FakeOpenAI[] = [];
  let lastUser = 1000;
  const shown: string[] = [];
  const record = (replies: Reply[]) => {
    for (const reply of replies) shown.push(reply.html, ...(reply.buttons ?? []).flat().map((button) => button.text));
    return replies;
  };

  const assistant: Harness['assistant'] = (options = {}) => {
    const app = createApp({
      portal: options.client ?? client,
      databasePath,
      allowed: [...(options.identity ?? [])].map(([telegramUserId, portalUserId]) => ({
        telegramUserId,
        portalUserId,
      })),
      model: options.model,
      logger: silentLogger,
      now,
    });
    apps.push(app);
    // Built at once for the caller; each turn waits for the database to be open.
    return {
      handleText: async (...args) => (await app).assistant.handleText(...args),
      // Taps as Telegram hands them over: button data, decoded the way the bot decodes it.
      handleButton: async (who, data, messageId) => (await app).assistant.handleButton(who, tapOf(data), messageId),
    };
  };

  return {
    portal,
    client,
    clock,
    databasePath,
    shown,
    record,
    recordOutcome(outcome) {
      record([...(outcome.edit ? [outcome.edit] : []), ...outcome.replies]);
      if (outcome.notice) shown.push(outcome.notice);
      return outcome;
    },
    assistant,
    async withModel(script) {
      const fake = await startFakeOpenAI(script);
      fakes.push(fake);
      return {
        fake,
        assistant: assistant({ model: { apiKey: 'test-key', baseURL: fake.baseURL, model: 'fake-model' } }),
      };
    },
    newChat() {
      lastUser += 1;
      return { telegramUserId: lastUser, chatId: lastUser };
    },
    async close() {
      for (const fake of fakes) await fake.close();
      for (const app of apps) await (await app).close();
      await portal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
