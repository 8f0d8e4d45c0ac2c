// A connection without some permission families: the view that needs one gets one sentence saying what the
// portal administrator should allow; every other view works as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { accessToAllow } from '../../src/views/messages.ts';
import { type Harness, plainReplies, startHarness } from './harness.ts';

let h: Harness;
let limited: DemoPortal;
let assistant: ReturnType<Harness['assistant']>;
beforeAll(async () => {
  h = await startHarness();
  // The webhook was made without CRM.
  limited = await startDemoPortal({
    now: () => new Date(h.clock.now),
    rateLimit: false,
    scopes: ['task', 'calendar', 'user', 'department', 'im', 'timeman'],
  });
  const client = createPortalClient({ webhookUrl: limited.webhookUrl, retries: 0, timeoutMs: 2_000 });
  assistant = h.assistant({ client });
});
afterAll(async () => {
  await h.close();
  await limited.close();
});

describe('a connection without CRM', () => {
  it('answers a deals question with the one sentence naming what to allow', async () => {
    const text = plainReplies(h.record(await assistant.handleText(h.newChat(), 'покажи сделки')));
    expect(text).toBe(accessToAllow('crm', 'connection', 'ru'));
    expect(text).toContain('попросите администратора');
  });

  it('still shows the director’s tasks', async () => {
    const text = plainReplies(h.record(await assistant.handleText(h.newChat(), 'мои задачи')));
    expect(text).not.toContain('администратора');
    const open = limited.data.tasks.filter((task) => task.responsibleId === '1' && Number(task.status) < 5);
    expect(open.some((task) => text.includes(String(task.title)))).toBe(true);
  });

  it('names the rights in English for an English-speaking director, with no technical words', () => {
    const english = accessToAllow('crm', 'connection', 'en');
    expect(english).toMatch(/ask the Bitrix24 administrator to allow/);
    for (const sentence of [english, accessToAllow('task', 'account', 'ru'), accessToAllow('crm', 'account', 'en')]) {
      expect(sentence).not.toMatch(/\b(api|rest|webhook|scope|token|crm\.)|вебхук|токен/i);
    }
  });
});
