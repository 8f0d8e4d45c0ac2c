// Writes attached to the business (issue 13): a task about a client or a deal is bound to that company, contact
// or deal, so it shows on its card; a new deal gets the company or contact it names. The question names every
// record that will be written, namesakes get a pick list, and a pick only chooses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Button, Reply } from '../../src/views/reply.ts';
import type { Conversation } from '../../src/vocabulary/director.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
let model: FakeOpenAI;
// What the scripted model does with each free request.
const modelSteps: Record<string, object> = {
  'надо бы Ромашке напомнить про оплату': {
    toolCalls: [{ name: 'createTask', arguments: { title: 'Напомнить про оплату', about: 'Ромашку' } }],
  },
  'оформи продажу сервера Уральским машинам за миллион': {
    toolCalls: [
      { name: 'createDeal', arguments: { title: 'Продажа сервера', amount: 1_000_000, client: 'Уральские машины' } },
    ],
  },
};
beforeAll(async () => {
  h = await startHarness();
  model = await startFakeOpenAI((body) => modelSteps[String(body.messages.at(-1)?.content ?? '')] ?? { status: 503 });
});
afterAll(async () => {
  await model.close();
  await h.close();
});

const buttons = (reply: Reply | undefined): Button[] => (reply?.buttons ?? []).flat();
const yesOf = (reply: Reply | undefined) => buttons(reply).find((button) => button.action.kind === 'confirm')!;
const tap = async (who: Conversation, button: Button) =>
  h.recordOutcome(await h.assistant().handleButton(who, encodeAction(button.action), 1));
const ask = async (who: Conversation, text: string) => h.record(await h.assistant().handleText(who, text));
const taskTitled = (title: string) => h.portal.data.tasks.find((task) => task.title === title);
const dealTitled = (title: string) => h.portal.data.deals.find((deal) => deal.TITLE === title);

describe('a task about a client or a deal', () => {
  it('names the company in any case, says so in the question, and the task carries the binding', async () => {
    const who = h.newChat();
    const [question] = await ask(who, 'поставь задачу подготовить КП для Уральских Машин на пятницу');
    expect(plainTextOf(question!.html)).toBe(
      'Создать задачу «Подготовить КП» на пятницу, 27 ноября, 18:00, ответственный — вы, с привязкой к компании ПАО «Уральские Машины»?',
    );
    expect(taskTitled('Подготовить КП')).toBeUndefined();
    await tap(who, yesOf(question));
    expect(taskTitled('Подготовить КП')?.ufCrmTask).toEqual(['CO_5']);
  });

  it('a deal named by its title: bound to the deal and its company, and the deal card shows the task', async () => {
    const who = h.newChat();
    const [question] = await ask(
      who,
      'создай задачу Ольге Кузнецовой обсудить модернизацию склада Уральских Машин в пятницу',
    );
    const text = plainTextOf(question!.html);
    expect(text).toContain('ответственный — Ольга Кузнецова');
    expect(text).toContain(
      'с привязкой к компании ПАО «Уральские Машины» и сделке «Модернизация склада ПАО «Уральские Машины»»',
    );
    await tap(who, yesOf(question));
    const task = taskTitled('Обсудить модернизацию склада Уральских Машин');
    expect(task).toMatchObject({ responsibleId: '2' });
    expect(task?.ufCrmTask).toEqual(expect.arrayContaining(['CO_5', 'D_12']));
    const card = await tap(who, {
      text: 'card',
      action: { kind: 'show', request: { scenario: 'dealCard', dealId: 12 } },
    });
    expect(plainTextOf(card.replies.map((reply) => reply.html).join('\n'))).toContain(
      'Обсудить модернизацию склада Уральских Машин',
    );
  });

  it('a contact by surname; namesakes get a pick list, and a pick only leads to the question', async () => {
    const who = h.newChat();
    const namesakes = h.portal.data.contacts.filter((contact) => contact.LAST_NAME === 'Тарасов');
    const tasksBefore = h.portal.data.tasks.length;
    const [choice] = await ask(who, 'создай задачу перезвонить Тарасову');
    expect(plainTextOf(choice!.html)).toMatch(/^Какой контакт\? Нашлось несколько по «Тарасов»/);
    expect(buttons(choice)).toHaveLength(namesakes.length);
    const picked = buttons(choice)[1]!;
    const outcome = await tap(who, picked);
    expect(h.portal.data.tasks).toHaveLength(tasksBefore);
    const [question] = outcome.replies;
    expect(plainTextOf(question!.html)).toBe(
      `Создать задачу «Перезвонить Тарасову» без срока, ответственный — вы, с привязкой к контакту «${picked.text}»?`,
    );
    await tap(who, yesOf(question));
    const contact = namesakes.find((one) => `${one.NAME} ${one.LAST_NAME}` === picked.text)!;
    expect(taskTitled('Перезвонить Тарасову')?.ufCrmTask).toEqual([`C_${contact.ID}`]);
  });

  it('a task about nothing in the portal is bound to nothing', async () => {
    const who = h.newChat();
    const [question] = await ask(who, 'создай задачу полить цветы в офисе');
    expect(plainTextOf(question!.html)).toBe('Создать задачу «Полить цветы в офисе» без срока, ответственный — вы?');
    await tap(who, yesOf(question));
    expect(taskTitled('Полить цветы в офисе')?.ufCrmTask).toEqual([]);
  });

  it('in English too', async () => {
    const who = h.newChat();
    const [question] = await ask(who, 'create a task call Romashka tomorrow');
    expect(plainTextOf(question!.html)).toMatch(/, linked to the company ООО «Ромашка»\?$/);
  });
});

describe('a new deal with its client', () => {
  it('gets the company it names', async () => {
    const who = h.newChat();
    const [question] = await ask(who, 'создай сделку Поставка бумаги для Гранита на 300 000 рублей');
    // Money is written with narrow spaces between thousands.
    expect(plainTextOf(question!.html).replace(/\s/gu, ' ')).toBe(
      'Создать сделку «Поставка бумаги» на 300 000 ₽, клиент — компания ООО «Гранит»?',
    );
    await tap(who, yesOf(question));
    expect(dealTitled('Поставка бумаги')).toMatchObject({ COMPANY_ID: '7' });
  });

  it('gets the contact it names', async () => {
    const who = h.newChat();
    const [question] = await ask(who, 'новая сделка обучение для Ромашкина');
    expect(plainTextOf(question!.html)).toBe('Создать сделку «Обучение», клиент — контакт «Олег Ромашкин»?');
    await tap(who, yesOf(question));
    const romashkin = h.portal.data.contacts.find((contact) => contact.LAST_NAME === 'Ромашкин')!;
    expect(dealTitled('Обучение')).toMatchObject({ CONTACT_ID: String(romashkin.ID) });
  });
});

describe('with the model', () => {
  const withModel = () => h.assistant({ model: { apiKey: 'test-key', baseURL: model.baseURL, model: 'fake-model' } });

  it('a task the model says is about a client is bound to it, and the question names it', async () => {
    const who = h.newChat();
    const [question] = h.record(await withModel().handleText(who, 'надо бы Ромашке напомнить про оплату'));
    expect(plainTextOf(question!.html)).toBe(
      'Создать задачу «Напомнить про оплату» без срока, ответственный — вы, с привязкой к компании ООО «Ромашка»?',
    );
    await tap(who, yesOf(question));
    expect(taskTitled('Напомнить про оплату')?.ufCrmTask).toEqual(['CO_1']);
  });

  it('a deal the model gives a client gets that company', async () => {
    const who = h.newChat();
    const [question] = h.record(
      await withModel().handleText(who, 'оформи продажу сервера Уральским машинам за миллион'),
    );
    expect(plainTextOf(question!.html)).toMatch(/, клиент — компания ПАО «Уральские Машины»\?$/);
    await tap(who, yesOf(question));
    expect(dealTitled('Продажа сервера')).toMatchObject({ COMPANY_ID: '5', OPPORTUNITY: '1000000.00' });
  });
});
