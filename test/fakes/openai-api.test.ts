import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, promptTokens, startFakeOpenAI } from './openai-api.ts';

const client = (fake: FakeOpenAI, options: { timeout?: number; maxRetries?: number } = {}) =>
  new OpenAI({
    apiKey: 'test-key',
    baseURL: fake.baseURL,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout,
  });

const ask = (openai: OpenAI) =>
  openai.chat.completions.create({ model: 'fake', messages: [{ role: 'user', content: 'что горит?' }] });

describe('the fake OpenAI-compatible server', () => {
  let fake: FakeOpenAI;
  afterEach(() => fake?.close());

  it('answers with scripted tool calls, then words, and keeps every request body', async () => {
    fake = await startFakeOpenAI([
      {
        toolCalls: [
          { name: 'deals', arguments: {} },
          { name: 'dossier', arguments: '{"name":' },
        ],
      },
      { content: 'Готово', usage: false },
    ]);
    const openai = client(fake);
    const first = await ask(openai);
    const calls = first.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((c) => (c.type === 'function' ? [c.function.name, c.function.arguments] : []))).toEqual([
      ['deals', '{}'],
      ['dossier', '{"name":'],
    ]);
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(first.usage?.prompt_tokens).toBe(promptTokens(fake.requests[0]));
    const second = await ask(openai);
    expect(second.choices[0]?.message.content).toBe('Готово');
    expect(second.usage).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0].messages[0].content).toBe('что горит?');
    expect(fake.rawRequests[0]).not.toContain('test-key');
  });

  it('fails, stalls and talks garbage on request', async () => {
    fake = await startFakeOpenAI(
      (_body, index) =>
        [{ status: 500 }, { content: 'после сбоя' }, { delayMs: 2_000, content: 'поздно' }, { raw: 'not json' }][
          index
        ] ?? {},
    );
    // One retry turns a 500 into the next step's answer.
    const retried = await ask(client(fake, { maxRetries: 1 }));
    expect(retried.choices[0]?.message.content).toBe('после сбоя');
    expect(fake.requests).toHaveLength(2);
    await expect(ask(client(fake, { timeout: 200 }))).rejects.toThrow(/timed out/i);
    await expect(ask(client(fake))).rejects.toThrow();
  });

  it('refuses what OpenAI refuses: tool results without their call, calls without results, bad tool names', async () => {
    fake = await startFakeOpenAI(() => ({ content: 'ok' }));
    const openai = client(fake);
    const call = { id: 'call_1', type: 'function' as const, function: { name: 'deals', arguments: '{}' } };
    await expect(
      openai.chat.completions.create({
        model: 'fake',
        messages: [
          { role: 'user', content: 'что горит?' },
          { role: 'assistant', content: null, tool_calls: [call] },
        ],
      }),
    ).rejects.toThrow(/did not have response messages: call_1/);
    await expect(
      openai.chat.completions.create({
        model: 'fake',
        messages: [
          { role: 'user', content: 'что горит?' },
          { role: 'tool', tool_call_id: 'call_9', content: 'x' },
        ],
      }),
    ).rejects.toThrow(/role 'tool' must be a response/);
    await expect(
      openai.chat.completions.create({
        model: 'fake',
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ type: 'function', function: { name: 'crm.deal.list', parameters: { type: 'object' } } }],
      }),
    ).rejects.toThrow(/function name must match/);
    const answered = await openai.chat.completions.create({
      model: 'fake',
      messages: [
        { role: 'user', content: 'что горит?' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'call_1', content: 'данные' },
      ],
    });
    expect(answered.choices[0]?.message.content).toBe('ok');
  });

  it('says so when the script has run out', async () => {
    fake = await startFakeOpenAI([]);
    await expect(ask(client(fake))).rejects.toThrow(/script has no step 0/);
  });
});
