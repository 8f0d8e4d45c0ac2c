// Finding the record a write is about, by the name the director (or the model) gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { executeWrite } from '../../src/scenarios/writes/write-execution.ts';
import { type Harness, startHarness } from './harness.ts';

describe('a write names its record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds an open deal by its full title, even when its longest word is in many titles', async () => {
    const common = (title: string) =>
      h.portal.data.deals.filter((deal) => String(deal.TITLE).toLowerCase().includes('оборудования')).length > 20 &&
      String(title).includes('оборудования');
    const deal = h.portal.data.deals.find(
      (candidate) => candidate.STAGE_SEMANTIC_ID === 'P' && common(String(candidate.TITLE)),
    );
    expect(deal).toBeDefined();
    const replies = await h.assistant().handleText({ telegramUserId: 1, chatId: 1 }, `удали сделку ${deal?.TITLE}`);
    const [question] = replies;
    expect(plainTextOf(question?.html ?? '')).toMatch(/Удалить сделку/);
    expect(question?.buttons?.flat()).toHaveLength(2);
  });

  it('takes the person a name’s form allows: «Орловой» is Мария Орлова, though Роман Орлов shares the surname', async () => {
    const orlovs = h.portal.data.users.filter((user) => String(user.LAST_NAME).startsWith('Орлов'));
    expect(orlovs.map((user) => user.LAST_NAME).sort()).toEqual(['Орлов', 'Орлова']);
    const [question] = await h
      .assistant()
      .handleText({ telegramUserId: 1, chatId: 1 }, 'поставь задачу Орловой позвонить клиенту завтра');
    expect(plainTextOf(question?.html ?? '')).toMatch(/ответственный — Мария Орлова\?$/u);
    expect(question?.buttons?.flat().map((button) => button.text)).toEqual(['Да', 'Нет']);
    // A man's form keeps the man.
    const [other] = await h
      .assistant()
      .handleText({ telegramUserId: 2, chatId: 2 }, 'поставь задачу Орлову позвонить клиенту завтра');
    expect(plainTextOf(other?.html ?? '')).toMatch(/ответственный — Роман Орлов\?$/u);
  });

  it('finds the deal «с Ромашкой» by its client’s name in any case, and the question names it', async () => {
    const [question] = await h
      .assistant()
      .handleText({ telegramUserId: 3, chatId: 3 }, 'добавь комментарий к сделке с Ромашкой: клиент просит скидку');
    const text = plainTextOf(question?.html ?? '');
    expect(text).toMatch(/^К какой сделке добавить комментарий\? Нашлось несколько по «Ромашка»/u);
    const options = (question?.buttons ?? []).flat().map((button) => button.text);
    expect(options.length).toBeGreaterThan(1);
    for (const option of options.filter((text) => text !== 'Отмена')) expect(option).toMatch(/Ромашк/u);
  });

  it('finds a meeting early in the morning of a director far east of the portal, by its time', async () => {
    const far = h.portal.data.users.find((user) => user.TIME_ZONE === 'Asia/Vladivostok');
    const portalUserId = Number(far?.ID);
    // 05:30 in Vladivostok is still the evening before in Moscow, the portal's own zone.
    const title = 'Ранний созвон с Владивостоком';
    const director = { portalUserId, timeZone: 'Asia/Vladivostok', language: 'ru' } as const;
    await executeWrite(h.client, director, {
      type: 'createMeeting',
      title,
      from: '2026-11-25T05:30:00+10:00',
      to: '2026-11-25T06:00:00+10:00',
    });
    const assistant = h.assistant({ identity: new Map([[7, portalUserId]]) });
    const [question] = await assistant.handleText({ telegramUserId: 7, chatId: 7 }, 'отмени встречу в 05:30');
    expect(plainTextOf(question?.html ?? '')).toContain(`Удалить встречу «${title}»`);
  });
});
