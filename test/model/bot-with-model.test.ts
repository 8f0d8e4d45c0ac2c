// The model loop inside the product as an operator runs it: `npm start` with OPENAI_* settings pointed at a
// scripted model on 127.0.0.1, the demo portal and the fake Telegram.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTOR, type Stand, startStand, TECHNICAL_WORDS } from '../bot/harness.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';

const ENCRYPTION_KEY = 'e2e-encryption-key-0123456789abcdef0123456789';

// What the scripted model does with each free question (everything else: it gives no answer).
const answers: Record<string, object> = {
  'что у нас горит по клиентам?': { toolCalls: [{ name: 'deals', arguments: {} }] },
  'избавься от сделки по внедрению CRM': { toolCalls: [{ name: 'deleteDeal', arguments: { deal: 'DEAL_TITLE' } }] },
};

let stand: Stand;
let model: FakeOpenAI;
let dealTitle: string;
let metricsPort: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** One sample of the bot's /metrics page, read over HTTP as Prometheus would; 0 when absent. */
async function sample(name: string): Promise<number> {
  const page = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = page.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

beforeAll(async () => {
  model = await startFakeOpenAI((body) => {
    const question = String(body.messages.at(-1)?.content ?? '');
    const step = answers[question] ?? { status: 503 };
    return JSON.parse(JSON.stringify(step).replace('DEAL_TITLE', dealTitle));
  });
  metricsPort = await freePort();
  stand = await startStand({
    METRICS_PORT: String(metricsPort),
    OPENAI_API_KEY: 'sk-e2e',
    OPENAI_BASE_URL: model.baseURL,
    OPENAI_MODEL: 'fake-model',
    ENCRYPTION_KEY,
  });
  // A deal whose title is one of a kind, named the way a director would: its distinctive words.
  dealTitle = String(stand.portal.data.deals.find((deal) => String(deal.TITLE).includes('Ромашк'))?.TITLE);
  await stand.startAssistant();
}, 60_000);
afterAll(async () => {
  await stand?.close();
  await model?.close();
});

const portalSecret = () => new URL(stand.portal.webhookUrl).pathname.split('/').filter(Boolean)[2]!;

describe('free questions through the bot and the model', () => {
  it('a read takes one model call and the director sees the deals view, with no technical words', async () => {
    const before = model.requests.length;
    const [reply] = await stand.say(DIRECTOR, 'что у нас горит по клиентам?');
    expect(model.requests.length - before).toBe(1);
    expect(reply!.plain).toMatch(/сделк/i);
    expect(reply!.plain).not.toMatch(TECHNICAL_WORDS);
  });

  it('a deletion the model asks for is a question with buttons; nothing is deleted before the tap', async () => {
    const deals = stand.portal.data.deals.length;
    const [question] = await stand.say(DIRECTOR, 'избавься от сделки по внедрению CRM');
    expect(question!.plain).toMatch(/удалить/i);
    expect(question!.plain).toContain(dealTitle);
    expect(question!.reply_markup?.inline_keyboard?.flat().length).toBeGreaterThanOrEqual(2);
    expect(stand.portal.data.deals).toHaveLength(deals);

    // «Нет»: the question says so and loses its buttons; the deal stays.
    stand.telegram.tapButton(DIRECTOR, question!, stand.telegram.buttonData(question!, 'Нет'));
    await stand.telegram.waitFor(() =>
      stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question!.messageId && m.edits > 0),
    );
    expect(stand.portal.data.deals).toHaveLength(deals);

    // Asked again, «Да, удалить» carries it out: only the tap deletes.
    const [again] = await stand.say(DIRECTOR, 'избавься от сделки по внедрению CRM');
    stand.telegram.tapButton(DIRECTOR, again!, stand.telegram.buttonData(again!, 'Да, удалить'));
    await stand.telegram.waitFor(() => stand.portal.data.deals.length === deals - 1);
    expect(stand.portal.data.deals.find((deal) => deal.TITLE === dealTitle)).toBeUndefined();
  });

  it("with the model failing, the director still gets the bot's own answer and never hears of models", async () => {
    const [tasks] = await stand.say(DIRECTOR, 'мои задачи');
    expect(tasks!.plain).toMatch(/задач/i);
    const [fallback] = await stand.say(DIRECTOR, 'кто из менеджеров работает лучше всех?');
    expect(fallback!.plain).toMatch(/могу показать/i);
    expect(fallback!.plain).not.toMatch(/модел|model|OpenAI|нейросет/i);
    expect(fallback!.plain).not.toMatch(TECHNICAL_WORDS);
  });

  it('/metrics counts the model calls, the tokens the service reported, and the deletion confirmed by a tap', async () => {
    // Two reads of the deletion question and the deals question answered; the last free question failed.
    expect(await sample('assistant_model_calls_total{outcome="ok"}')).toBe(3);
    expect(await sample('assistant_model_calls_total{outcome="failed"}')).toBeGreaterThanOrEqual(1);
    expect(await sample('assistant_model_tokens_total{type="prompt"}')).toBeGreaterThan(0);
    expect(await sample('assistant_model_tokens_total{type="completion"}')).toBeGreaterThan(0);
    expect(await sample('assistant_proposals_total{outcome="confirmed"}')).toBe(1);
  });

  it('the model never receives the portal address secret or the encryption key', () => {
    expect(model.rawRequests.length).toBeGreaterThan(0);
    for (const raw of model.rawRequests) {
      expect(raw).not.toContain(portalSecret());
      expect(raw).not.toContain(ENCRYPTION_KEY);
    }
  });
});
