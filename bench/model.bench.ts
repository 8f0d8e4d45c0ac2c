// The model's cost per read, through the whole assistant (router, model loop, scenario, view): how many model
// requests one question takes (free questions need one, phrases the bot knows none), and how many prompt
// tokens the first request of a question carries (system prompt, tool schemas, memory, message), counted
// offline from the body the model server received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { silentLogger } from '../src/log.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { plainTextOf } from '../src/present/plain-text.ts';
import { promptTokens, startFakeOpenAI } from '../test/fakes/openai-api.ts';

// Reads no phrase list foresees, and the tool a capable model picks for each; then phrases the bot knows.
const FREE_QUESTIONS: [question: string, tool: string, args: Record<string, unknown>][] = [
  ['что у нас горит по клиентам?', 'deals', {}],
  ['кто из менеджеров больше всех просрочил?', 'teamStatus', {}],
  ['есть что-нибудь на послезавтра?', 'schedule', { date: '2026-11-27' }],
  ['как там дела с Ромашкой?', 'dossier', { name: 'Ромашка' }],
  ['с кем я встречаюсь в три?', 'meetingPrep', { time: '15:00' }],
];
const KNOWN_PHRASES = ['мои задачи', 'покажи сделки', 'воронка'];

export default async () => {
  const now = new Date('2026-11-25T09:00:00Z');
  const demo = await startDemoPortal({ now: () => now, rateLimit: false });
  const model = await startFakeOpenAI((body) => {
    const question = body.messages.at(-1)?.content;
    const [, name, args] = FREE_QUESTIONS.find(([text]) => text === question) ?? ['', 'no_answer', {}];
    return { toolCalls: [{ name, arguments: args }] };
  });
  const folder = mkdtempSync(join(tmpdir(), 'b24-bench-model-'));
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 1_000, burst: 1_000 } }),
    databasePath: join(folder, 'bench.sqlite'),
    allowed: [{ telegramUserId: 111 }],
    model: { apiKey: 'bench', baseURL: model.baseURL, model: 'bench-model' },
    logger: silentLogger,
    now: () => now,
  });
  const conversation = { telegramUserId: 111, chatId: 111 };
  try {
    await app.assistant.handleText(conversation, 'привет');
    let firstRequestTokens = 0;
    const ask = async (question: string) => {
      const before = model.requests.length;
      const replies = await app.assistant.handleText(conversation, question);
      if (replies.length === 0 || /не помогу|^❔ Не понял «/i.test(plainTextOf(replies[0]!.html))) {
        throw new Error(`"${question}" got no view`);
      }
      const first = model.requests[before];
      if (first) firstRequestTokens = Math.max(firstRequestTokens, promptTokens(first));
    };
    for (const [question] of FREE_QUESTIONS) await ask(question);
    const freeCalls = model.requests.length;
    for (const phrase of KNOWN_PHRASES) await ask(phrase);
    return {
      'prompt tokens per model request': firstRequestTokens,
      'model calls per read request': Number((freeCalls / FREE_QUESTIONS.length).toFixed(2)),
      'model calls per known phrase': Number(((model.requests.length - freeCalls) / KNOWN_PHRASES.length).toFixed(2)),
    };
  } finally {
    await app.close();
    await model.close();
    await demo.close();
    rmSync(folder, { recursive: true, force: true });
  }
};
