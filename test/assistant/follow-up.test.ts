// Follow-up questions (issue 13, promise 10): a request lacking a piece gets one short question, and the next
// message continues it. The question is stored (a restart keeps it), expires like a proposal, is dropped by an
// unrelated request and by «отмена»; nothing is written before the final yes.
import { beforeEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile, plainReplies, WEDNESDAY_MORNING } from './harness.ts';

const h = await harnessForFile();
beforeEach(() => {
  h.clock.now = new Date(WEDNESDAY_MORNING);
});

const written = () => JSON.stringify([h.portal.data.tasks, h.portal.data.deals, h.portal.data.events]);
const tasksTitled = (title: string) => h.portal.data.tasks.filter((task) => task.title === title);
const yesOf = (reply: Reply | undefined) => reply?.buttons?.flat().find((button) => button.action.kind === 'confirm');

describe('a task without a title', () => {
  it('«создай задачу» asks what to do; the answer after a restart becomes the title, written only after yes', async () => {
    const who = h.newChat();
    const before = written();
    expect(plainReplies(h.record(await h.assistant().handleText(who, 'создай задачу')))).toBe('Что нужно сделать?');
    // A fresh assistant on the same database: the bot after a restart.
    const restarted = h.assistant();
    const [question] = h.record(await restarted.handleText(who, 'позвонить в Ромашку завтра в 15:00'));
    expect(plainTextOf(question!.html)).toBe(
      'Создать задачу «Позвонить в Ромашку» на четверг, 26 ноября, 15:00, ответственный — вы, с привязкой к компании ООО «Ромашка»?',
    );
    expect(written()).toBe(before);
    h.recordOutcome(await restarted.handleButton(who, encodeAction(yesOf(question)!.action), 1));
    expect(tasksTitled('Позвонить в Ромашку')).toMatchObject([{ ufCrmTask: ['CO_1'] }]);
  });

  it('an answer after the question expired is read on its own and writes nothing', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    h.record(await assistant.handleText(who, 'создай задачу'));
    h.clock.now = new Date(WEDNESDAY_MORNING.getTime() + 16 * 60 * 1000);
    const before = written();
    const replies = h.record(await assistant.handleText(who, 'проверить акты по Гранту'));
    expect(replies.some((reply) => yesOf(reply))).toBe(false);
    expect(plainReplies(replies)).not.toMatch(/Создать задачу/);
    expect(written()).toBe(before);
  });

  it('«отмена» ends the question; the next message is not taken as its answer', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    h.record(await assistant.handleText(who, 'создай сделку'));
    expect(plainReplies(h.record(await assistant.handleText(who, 'отмена')))).toBe('Хорошо, не буду.');
    const replies = h.record(await assistant.handleText(who, 'Поставка бумаги'));
    expect(plainReplies(replies)).not.toMatch(/Создать сделку/);
  });

  it('an unrelated request in between is answered and drops the question; a stray answer later writes nothing', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    h.record(await assistant.handleText(who, 'создай задачу'));
    const tasks = plainReplies(h.record(await assistant.handleText(who, 'мои задачи')));
    expect(tasks).toMatch(/Ваши задачи/);
    const before = written();
    const stray = h.record(await assistant.handleText(who, 'подготовить отчёт для банка'));
    expect(stray.some((reply) => yesOf(reply))).toBe(false);
    expect(written()).toBe(before);
  });
});

describe('other requests that lack a piece', () => {
  it('«перенеси встречу с Ромашкой» asks when; «на пятницу» keeps the meeting’s own time', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    expect(plainReplies(h.record(await assistant.handleText(who, 'перенеси встречу с Ромашкой')))).toBe(
      'На какой день или время?',
    );
    const [question] = h.record(await assistant.handleText(who, 'на пятницу'));
    expect(plainTextOf(question!.html)).toMatch(
      /^Перенести встречу «Встреча с ООО «Ромашка».*» на пятницу, 27 ноября, 11:00–12:30\?/,
    );
  });

  it('when an attendee is busy at the meeting’s own time that day, the free times are offered; a pick only asks', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    // Игорь Соколов, who attends the Ромашка meeting (11:00–12:30), is busy on Thursday 11:00–12:00.
    await h.client.call('calendar.event.add', {
      type: 'user',
      ownerId: 5,
      name: 'Приём у врача',
      from: '2026-11-26T11:00:00+03:00',
      to: '2026-11-26T12:00:00+03:00',
    });
    h.record(await assistant.handleText(who, 'перенеси встречу с Ромашкой'));
    const [choice] = h.record(await assistant.handleText(who, 'на четверг'));
    // Who is busy, and with what, is said.
    expect(plainTextOf(choice!.html)).toBe(
      'В это время «Приём у врача», участник — Игорь Соколов. Свободное время для встречи «Встреча с ООО «Ромашка»: условия поставки» в этот день:',
    );
    const times = choice!.buttons!.flat().map((button) => button.text);
    expect(times.length).toBeGreaterThan(1);
    // Every time offered leaves the 90 minutes free: nothing between 09:31 and 12:00 (the busy hour).
    for (const time of times) expect(time < '09:31' || time >= '12:00', time).toBe(true);
    const before = written();
    const picked = h.recordOutcome(
      await assistant.handleButton(who, encodeAction(choice!.buttons!.flat().at(-1)!.action), 3),
    );
    expect(written()).toBe(before);
    const [question] = picked.replies;
    const last = times.at(-1)!;
    expect(plainTextOf(question!.html)).toMatch(
      new RegExp(`^Перенести встречу «Встреча с ООО «Ромашка».*» на четверг, 26 ноября, ${last}–`),
    );
    h.recordOutcome(await assistant.handleButton(who, encodeAction(yesOf(question)!.action), 4));
    const moved = h.portal.data.events.find((event) => String(event.NAME).startsWith('Встреча с ООО «Ромашка»'));
    expect(moved?.DATE_FROM).toContain(`26.11.2026 ${last}`);
  });

  it('a task for a colleague without a date asks «by when?» with buttons; the pick only leads to the question', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const [choice] = h.record(await assistant.handleText(who, 'поставь задачу Орловой подготовить сверку'));
    expect(plainTextOf(choice!.html)).toBe('К какому сроку задача «Подготовить сверку»? Выберите или напишите дату.');
    const days = choice!.buttons!.flat();
    expect(days.map((button) => button.text)).toEqual([
      'Сегодня, 18:00',
      'Завтра, 18:00',
      'Пятница, 27.11',
      'Понедельник, 30.11',
      'Без срока',
    ]);
    const before = written();
    const picked = h.recordOutcome(await assistant.handleButton(who, encodeAction(days[1]!.action), 5));
    expect(written()).toBe(before);
    const [question] = picked.replies;
    expect(plainTextOf(question!.html)).toBe(
      'Создать задачу «Подготовить сверку» на четверг, 26 ноября, 18:00, ответственный — Мария Орлова?',
    );
    h.recordOutcome(await assistant.handleButton(who, encodeAction(yesOf(question)!.action), 6));
    expect(tasksTitled('Подготовить сверку')).toMatchObject([{ deadline: '2026-11-26T18:00:00+03:00' }]);
  });

  it('«поручи …» without a name asks who, with the director’s own people as buttons', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const [choice] = h.record(await assistant.handleText(who, 'поручи обновить прайс к пятнице'));
    expect(plainTextOf(choice!.html)).toBe('Кому поручить задачу «Обновить прайс»? Выберите или напишите имя.');
    const people = choice!.buttons!.flat();
    expect(people.length).toBeGreaterThan(1);
    const before = written();
    const picked = h.recordOutcome(await assistant.handleButton(who, encodeAction(people[0]!.action), 7));
    expect(written()).toBe(before);
    expect(plainTextOf(picked.replies[0]!.html)).toBe(
      `Создать задачу «Обновить прайс» на пятницу, 27 ноября, 18:00, ответственный — ${people[0]!.text.split(',')[0]}?`,
    );
  });

  it('a name typed instead of tapped answers «Кому поручить?», and a typed day answers «К какому сроку?»', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const [choice] = h.record(await assistant.handleText(who, 'поручи подготовить отчёт по складу'));
    expect(plainTextOf(choice!.html)).toBe(
      'Кому поручить задачу «Подготовить отчёт по складу»? Выберите или напишите имя.',
    );
    const before = written();
    const [when] = h.record(await assistant.handleText(who, 'Орловой'));
    expect(plainTextOf(when!.html)).toBe(
      'К какому сроку задача «Подготовить отчёт по складу»? Выберите или напишите дату.',
    );
    const [question] = h.record(await h.assistant().handleText(who, 'до пятницы'));
    expect(plainTextOf(question!.html)).toBe(
      'Создать задачу «Подготовить отчёт по складу» на пятницу, 27 ноября, 18:00, ответственный — Мария Орлова?',
    );
    expect(written()).toBe(before);
    h.recordOutcome(await assistant.handleButton(who, encodeAction(yesOf(question)!.action), 8));
    expect(tasksTitled('Подготовить отчёт по складу')).toMatchObject([{ deadline: '2026-11-27T18:00:00+03:00' }]);
  });

  it.each([
    ['завтра', 'на четверг, 26 ноября, 18:00'],
    ['к понедельнику', 'на понедельник, 30 ноября, 18:00'],
    ['в пятницу в 12:00', 'на пятницу, 27 ноября, 12:00'],
  ])('«%s» typed after «К какому сроку?» is the deadline', async (typed, when) => {
    const who = h.newChat();
    const assistant = h.assistant();
    const [choice] = h.record(await assistant.handleText(who, 'поставь задачу Орловой сверить остатки'));
    expect(plainTextOf(choice!.html)).toBe('К какому сроку задача «Сверить остатки»? Выберите или напишите дату.');
    const [question] = h.record(await assistant.handleText(who, typed));
    expect(plainTextOf(question!.html)).toBe(`Создать задачу «Сверить остатки» ${when}, ответственный — Мария Орлова?`);
  });

  it('«без срока» typed is a task with no deadline; a new request instead is read on its own', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    h.record(await assistant.handleText(who, 'поставь задачу Орловой сверить кассу'));
    const [question] = h.record(await assistant.handleText(who, 'без срока'));
    expect(plainTextOf(question!.html)).toBe('Создать задачу «Сверить кассу» без срока, ответственный — Мария Орлова?');
    h.record(await assistant.handleText(who, 'поручи обзвонить клиентов'));
    expect(plainReplies(h.record(await assistant.handleText(who, 'покажи сделки')))).toMatch(/^💼/u);
  });

  it('a bare «досье» asks «По какому клиенту?» and the name opens the card', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    expect(plainReplies(h.record(await assistant.handleText(who, 'досье')))).toBe('По какому клиенту?');
    expect(plainReplies(h.record(await assistant.handleText(who, 'Ромашка')))).toMatch(/^🏢 ООО «Ромашка»/);
  });

  it('asks in English too', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    expect(plainReplies(h.record(await assistant.handleText(who, 'create a task')))).toBe('What needs to be done?');
    const [question] = h.record(await assistant.handleText(who, 'send the contract to Romashka'));
    expect(plainTextOf(question!.html)).toMatch(/Send the contract to Romashka/);
  });
});
