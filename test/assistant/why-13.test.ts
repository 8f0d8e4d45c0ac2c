// Conversations that finish the job (issue 13): each example of the "Why" works end to end on the demo
// portal, without a model and with one. With a model, the router still knows these, so the answer is the same
// (the scripted model would answer every message with the deals list, which would show if it were asked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { plainTextOf } from '../../src/present/plain-text.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';
import { type Harness, startHarness, type TestAssistant } from './harness.ts';

let h: Harness;
let model: FakeOpenAI;
beforeAll(async () => {
  h = await startHarness();
  model = await startFakeOpenAI(() => ({ toolCalls: [{ name: 'deals', arguments: {} }] }));
});
afterAll(async () => {
  await model.close();
  await h.close();
});

// Each example with what the director must see.
const EXAMPLES: [string, RegExp][] = [
  ['перенеси встречу с Ромашкой на пятницу', /^Перенести встречу «Встреча с ООО «Ромашка».*» на пятницу, 27 ноября/u],
  ['создай задачу', /^Что нужно сделать\?$/u],
  ['контакты Ромашки', /^👥 Контакты ООО «Ромашка»/u],
  ['телефон Ромашкина', /^👥 Контакты по запросу «Ромашкин»[\s\S]*Олег Ромашкин/u],
  ['подготовь к встрече с банком', /^🤝 Подготовка к встрече\nВстреча с банком/u],
  ['выключи утренний брифинг', /^🔕 Утренний брифинг: выключено/u],
  ['присылай итоги дня в 19:00', /19:00/u],
  ['итоги прошлой недели', /^📈 Итоги недели: 16–22 ноября/u],
  ['еженедельный отчёт', /^📈 Итоги недели: 23–29 ноября/u],
  ['мой отчёт за день', /^🌙 Итоги дня — среда, 25 ноября/u],
  ['всё по компании Ромашка', /^🏢 ООО «Ромашка»/u],
  ['досье', /^По какому клиенту\?$/u],
  ['prepare for the 14:00 meeting', /^🤝 Meeting prep\n.+[\s\S]*14:00/u],
  ['find Romashka', /^🔎 Found for “Romashka”/u],
  ['подготовь к встрече в 14:00', /^🤝 Подготовка к встрече\n.+[\s\S]*14:00/u],
  ['создай задачу позвонить в Ромашку завтра', /с привязкой к компании ООО «Ромашка»\?$/u],
  ['создай сделку Поставка бумаги для Ромашки', /клиент — компания ООО «Ромашка»\?$/u],
];

async function answer(assistant: TestAssistant, text: string): Promise<string> {
  const [reply] = h.record(await assistant.handleText(h.newChat(), text));
  return plainTextOf(reply?.html ?? '');
}

describe('the "Why" examples of issue 13', () => {
  it('each works without a model, and the same with one', async () => {
    const plain = h.assistant();
    const withModel = h.assistant({ model: { apiKey: 'test-key', baseURL: model.baseURL, model: 'fake-model' } });
    for (const [phrase, expected] of EXAMPLES) {
      const alone = await answer(plain, phrase);
      expect(alone, phrase).toMatch(expected);
      expect(alone, phrase).not.toMatch(/не помогу|I cannot help|Я помогаю|Не понял «|I did not understand “/u);
      expect(await answer(withModel, phrase), phrase).toBe(alone);
    }
    expect(model.requests).toHaveLength(0);
  });
});
