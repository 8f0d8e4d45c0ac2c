// Changes said the way a director writes them: the one-line question names exactly what will be written, and
// after the tap the demo portal holds exactly that (the next read shows it).
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Button, Reply } from '../../src/views/reply.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

let nextUser = 8100;
const chat = () => {
  nextUser += 1;
  return { telegramUserId: nextUser, chatId: nextUser };
};
const buttonsOf = (replies: Reply[]): Button[] => replies.flatMap((reply) => (reply.buttons ?? []).flat());

/** The director says it; the bot's question and its buttons. */
async function ask(who: { telegramUserId: number; chatId: number }, text: string) {
  const replies = h.record(await h.assistant().handleText(who, text));
  return { question: replies.map((reply) => plainTextOf(reply.html)).join('\n'), buttons: buttonsOf(replies) };
}

async function tap(who: { telegramUserId: number; chatId: number }, button: Button | undefined) {
  expect(button).toBeDefined();
  return h.recordOutcome(await h.assistant().handleButton(who, encodeAction(button!.action), 77));
}

const yes = (buttons: Button[]) => buttons.find((button) => /^(?:Да|Yes)/u.test(button.text));

describe('a meeting on a named date and time', () => {
  it.each([
    ['назначь встречу с Техносферой 15 декабря в 14:00', 'Встреча с Техносферой'],
    ['назначь встречу в 14:00 15 декабря', 'Встреча'],
  ])('«%s» asks for 15 December 14:00 and books exactly that', async (phrase, title) => {
    const who = chat();
    const { question, buttons } = await ask(who, phrase);
    expect(question).toBe(`Назначить встречу «${title}» на вторник, 15 декабря, 14:00–15:00?`);
    await tap(who, yes(buttons));
    const booked = h.portal.data.events.filter(
      (event) => event.NAME === title && /^15\.12\.2026/u.test(String(event.DATE_FROM)),
    );
    expect(booked.map((event) => String(event.DATE_FROM))).toEqual(['15.12.2026 14:00:00']);
    const { question: schedule } = await ask(who, 'расписание на 15 декабря');
    expect(schedule).toContain(`14:00–15:00 ${title}`);
    for (const event of booked) h.portal.data.events.splice(h.portal.data.events.indexOf(event), 1);
  });
});

describe('a meeting with a colleague', () => {
  it('«назначь встречу с Поповым …» invites Дмитрий Попов, says so in the question, and the meeting is in his calendar', async () => {
    const who = chat();
    const { question, buttons } = await ask(who, 'назначь встречу с Поповым 15 декабря в 11:00');
    expect(question).toBe(
      'Назначить встречу «Встреча с Поповым» на вторник, 15 декабря, 11:00–12:00, участники — Дмитрий Попов?',
    );
    await tap(who, yes(buttons));
    const popov = h.portal.data.users.find((user) => user.LAST_NAME === 'Попов')!;
    const booked = h.portal.data.events.filter((event) => event.NAME === 'Встреча с Поповым');
    expect(booked).toHaveLength(1);
    expect(booked[0]!.ATTENDEES_CODES).toContain(`U${popov.ID}`);
    const { question: his } = await ask(who, 'встречи Попова 15 декабря');
    expect(his).toContain('11:00–12:00 Встреча с Поповым');
    for (const event of booked) h.portal.data.events.splice(h.portal.data.events.indexOf(event), 1);
  });

  it('«встреча с Ромашкой» is with a client: nobody is invited, and the question names no one', async () => {
    const who = chat();
    const { question } = await ask(who, 'назначь встречу с Ромашкой 15 декабря в 16:00');
    expect(question).toBe('Назначить встречу «Встреча с Ромашкой» на вторник, 15 декабря, 16:00–17:00?');
  });
});

describe('a deal moved in the director’s words', () => {
  const romashka = () =>
    h.portal.data.deals.filter((deal) => String(deal.TITLE).includes('Ромашка') && deal.STAGE_SEMANTIC_ID === 'P');

  it('«в счёт на предоплату» is the stage «Счёт на предоплату» of the deal with Ромашка, not a deal «с Ромашкой в счёт»', async () => {
    const who = chat();
    const { question, buttons } = await ask(who, 'переведи сделку с Ромашкой в счёт на предоплату');
    const [open] = romashka();
    expect(romashka()).toHaveLength(1);
    expect(question).toBe(`Перевести сделку «${open!.TITLE}» на этап «Счёт на предоплату»?`);
    await tap(who, yes(buttons));
    expect(open!.STAGE_ID).toBe('PREPAYMENT_INVOICE');
    expect((await ask(who, 'сделки Ромашки')).question).toContain('Счёт на предоплату');
  });

  it('«закрой сделку с … как выигранную» moves the client’s deal, titled without its name, to the won stage', async () => {
    const company = h.portal.data.companies.find((one) => String(one.TITLE).includes('Кристалл'))!;
    const { result } = await h.client.call<number>('crm.deal.add', {
      fields: { TITLE: 'Сервисный контракт', COMPANY_ID: company.ID, STAGE_ID: 'NEW', CATEGORY_ID: 0 },
    });
    for (const deal of h.portal.data.deals)
      if (deal.COMPANY_ID === company.ID && Number(deal.ID) !== Number(result)) deal.STAGE_SEMANTIC_ID = 'F';
    const who = chat();
    const { question, buttons } = await ask(who, 'Закрой сделку с Кристаллом как выигранную');
    expect(question).toBe('Перевести сделку «Сервисный контракт» на этап «Сделка успешна»?');
    await tap(who, yes(buttons));
    const deal = h.portal.data.deals.find((one) => Number(one.ID) === Number(result))!;
    expect([deal.STAGE_ID, deal.STAGE_SEMANTIC_ID]).toEqual(['WON', 'S']);
  });
});

describe('a date already past is asked about, never kept', () => {
  it('«создай задачу … вчера» names the passed deadline and asks for another; the one picked is written', async () => {
    const who = chat();
    const { question, buttons } = await ask(who, 'создай задачу позвонить в Гранит вчера');
    expect(question).toBe(
      'Срок «вторник, 24 ноября, 18:00» уже прошёл. К какому сроку задача «Позвонить в Гранит»? Выберите или напишите дату.',
    );
    const before = h.portal.data.tasks.length;
    const typed = await ask(who, 'в пятницу');
    expect(typed.question).toMatch(/^Создать задачу «Позвонить в Гранит» на пятницу, 27 ноября, 18:00/u);
    await tap(who, yes(typed.buttons));
    const made = h.portal.data.tasks.slice(before);
    expect(made.map((task) => [task.title, task.deadline])).toEqual([
      ['Позвонить в Гранит', expect.stringMatching(/^2026-11-27T18:00:00\+03:00$/u)],
    ]);
    expect(buttons.map((button) => button.text)).toContain('Завтра, 18:00');
  });

  it.each([
    [
      'назначь встречу с Гранитом вчера в 15:00',
      'Время «вторник, 24 ноября, 15:00» уже прошло. На какой день и время назначить встречу?',
    ],
    [
      'перенеси встречу с Ромашкой на вчера 11:00',
      'Время «вторник, 24 ноября, 11:00» уже прошло. На какой день и время перенести встречу?',
    ],
  ])('«%s» gets one question naming the passed time, no buttons, nothing booked', async (phrase, asked) => {
    const before = JSON.stringify(h.portal.data.events);
    const { question, buttons } = await ask(chat(), phrase);
    expect([question, buttons]).toEqual([asked, []]);
    expect(JSON.stringify(h.portal.data.events)).toBe(before);
  });
});

describe('a meeting named only by its day', () => {
  it('«отмени встречу в четверг» lists that day’s meetings to pick from, never guesses; only the one picked goes', async () => {
    const who = chat();
    const { question, buttons } = await ask(who, 'отмени встречу в четверг');
    expect(question).toBe('Какую встречу удалить? Подходят несколько:');
    expect(buttons.length).toBeGreaterThan(1);
    for (const button of buttons) expect(button.text).toMatch(/^26\.11 \d\d:\d\d /u);
    const picked = (await tap(who, buttons[1])).replies;
    const title = buttons[1]!.text.replace(/^26\.11 \d\d:\d\d /u, '');
    expect(plainTextOf(picked[0]!.html)).toBe(`🗑 Удалить встречу «${title}» из календаря? Это нельзя отменить.`);
    const before = h.portal.data.events.length;
    await tap(who, yes(buttonsOf(picked)));
    expect(h.portal.data.events.length).toBe(before - 1);
    expect(h.portal.data.events.some((event) => event.NAME === title)).toBe(false);
    const left = buttons.filter((_, index) => index !== 1).map((button) => button.text.slice(12));
    for (const other of left) expect(h.portal.data.events.some((event) => event.NAME === other)).toBe(true);
  });
});

describe('a task’s deadline moved', () => {
  it('«перенеси срок задачи про акт сверки на пятницу»: namesakes to pick from, then the new deadline is written', async () => {
    const who = chat();
    const { question, buttons } = await ask(who, 'перенеси срок задачи про акт сверки на пятницу');
    expect(question).toBe('Какой задаче перенести срок? Нашлось несколько по «акт сверки»:');
    expect(buttons.length).toBeGreaterThan(1);
    const picked = (await tap(who, buttons[0])).replies;
    const title = buttons[0]!.text;
    expect(plainTextOf(picked[0]!.html)).toBe(`Перенести срок задачи «${title}» на пятницу, 27 ноября, 18:00?`);
    await tap(who, yes(buttonsOf(picked)));
    const task = h.portal.data.tasks.find((one) => one.title === title)!;
    expect(Date.parse(String(task.deadline))).toBe(Date.parse('2026-11-27T18:00:00+03:00'));
  });

  it('a deadline moved to a day already gone is asked about, the task stays as it was', async () => {
    const who = chat();
    const { buttons } = await ask(who, 'перенеси дедлайн задачи про акт сверки на вчера');
    const before = JSON.stringify(h.portal.data.tasks);
    const picked = (await tap(who, buttons[1])).replies;
    expect(plainTextOf(picked[0]!.html)).toBe(
      'Срок «вторник, 24 ноября, 18:00» уже прошёл. На какой срок перенести задачу?',
    );
    expect(buttonsOf(picked)).toEqual([]);
    expect(JSON.stringify(h.portal.data.tasks)).toBe(before);
  });
});

describe('the person a task goes to, however it is written', () => {
  it.each([
    [
      'create a task for Orlova to prepare the report by Friday',
      'Create the task “Prepare the report” for Friday, 27 November, 18:00, assigned to Мария Орлова?',
    ],
    [
      'постав задачу Орловой подготовить отчет к пятнице',
      'Создать задачу «Подготовить отчет» на пятницу, 27 ноября, 18:00, ответственный — Мария Орлова?',
    ],
  ])('«%s» goes to Мария Орлова, and she gets it', async (phrase, asked) => {
    const who = chat();
    const { question, buttons } = await ask(who, phrase);
    expect(question).toBe(asked);
    const before = h.portal.data.tasks.length;
    await tap(who, yes(buttons));
    const orlova = h.portal.data.users.find((user) => user.LAST_NAME === 'Орлова')!;
    expect(h.portal.data.tasks.slice(before).map((task) => Number(task.responsibleId))).toEqual([Number(orlova.ID)]);
  });

  it('a task the director sets for himself by his own surname is not «for someone else»: no deadline is asked', async () => {
    const { question } = await ask(chat(), 'поставь задачу Смирнову позвонить в Гранит');
    expect(question).toBe(
      'Создать задачу «Позвонить в Гранит» без срока, ответственный — вы, с привязкой к компании ООО «Гранит»?',
    );
  });
});
