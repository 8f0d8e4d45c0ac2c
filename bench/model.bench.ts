// The model's cost per free-form read: how many model requests one question takes, and how many prompt tokens
// the first request carries (system prompt, tool schemas, message), counted offline from what the server got.
import { createModelLoop } from '../src/assistant/model/index.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createPortalClient } from '../src/portal/client.ts';
import type { Director } from '../src/scenarios/director.ts';
import { promptTokens, startFakeOpenAI } from '../test/fakes/openai-api.ts';

// Free-form reads no phrase list foresees, and the tool a capable model picks for each.
const QUESTIONS: [question: string, tool: string, args: Record<string, unknown>][] = [
  ['что у нас горит по клиентам?', 'deals', {}],
  ['кто из менеджеров больше всех просрочил?', 'teamStatus', {}],
  ['есть что-нибудь на послезавтра?', 'schedule', { date: '2026-11-27' }],
  ['как там дела с Ромашкой?', 'dossier', { name: 'Ромашка' }],
  ['с кем я встречаюсь в два?', 'meetingPrep', { time: '14:00' }],
];

export default async () => {
  const now = new Date('2026-11-25T09:00:00Z');
  const director: Director = { portalUserId: 1, timeZone: 'Europe/Moscow', language: 'ru' };
  const demo = await startDemoPortal({ now: () => now, rateLimit: false });
  const fake = await startFakeOpenAI((body) => {
    const question = body.messages.at(-1)?.content;
    const [, name, args] = QUESTIONS.find(([text]) => text === question) ?? ['', 'deals', {}];
    return { toolCalls: [{ name, arguments: args }] };
  });
  try {
    const model = createModelLoop({
      apiKey: 'bench',
      baseURL: fake.baseURL,
      model: 'bench-model',
      portal: createPortalClient({ webhookUrl: demo.webhookUrl }),
      now: () => now,
    });
    let firstRequestTokens = 0;
    for (const [question] of QUESTIONS) {
      const before = fake.requests.length;
      const outcome = await model.answer({ director, text: question, memory: [] });
      if (outcome.kind !== 'view') throw new Error(`"${question}" gave ${outcome.kind}, not a view`);
      firstRequestTokens = Math.max(firstRequestTokens, promptTokens(fake.requests[before]));
    }
    return {
      'prompt tokens per model request': firstRequestTokens,
      'model calls per read request': fake.requests.length / QUESTIONS.length,
    };
  } finally {
    await fake.close();
    await demo.close();
  }
};
