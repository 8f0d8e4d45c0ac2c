// Periods as a director says them, composed from parts: the forms of a period × the subjects asked about × the
// tense, in Russian and English. Each reply's header must state the period asked for, in dates where it is not a
// named month, quarter or year; a union of adjacent periods counts as both; a period that could be two is asked.
// Today in the harness: Wednesday 25 November 2026, 10:00 in Moscow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 9700;
const ask = async (text: string) => {
  const id = ++user;
  const replies = await h.assistant().handleText({ telegramUserId: id, chatId: id }, text);
  return replies.map((reply: Reply) => plainTextOf(reply.html)).join('\n');
};
const header = (text: string) => text.split('\n')[0]!;
const countOf = (text: string) => Number(header(text).match(/: (\d+)/u)?.[1]);

const SUBJECTS_RU = [
  { said: 'лиды', shown: 'Лиды' },
  { said: 'выигранные сделки', shown: 'Выигранные сделки' },
  { said: 'выручка', shown: 'Выручка' },
];

// The period's words × what the header says of them.
const PERIODS_RU: [said: string, shown: string][] = [
  ['с 20 октября', 'с 20 октября по 25 ноября'],
  ['с сентября', 'с 1 сентября по 25 ноября'],
  ['до 1 ноября', 'до 1 ноября'],
  ['с 1.11 по 15.11', 'с 1 по 15 ноября'],
  ['с 3 ноября по вчера', 'с 3 по 24 ноября'],
  ['за сентябрь и октябрь', 'с 1 сентября по 31 октября'],
  ['сентябрь-октябрь', 'с 1 сентября по 31 октября'],
  ['за вчера и сегодня', 'с 24 по 25 ноября'],
  ['за 3 квартал', 'за III квартал'],
  ['за третий квартал', 'за III квартал'],
  ['в 3-м квартале', 'за III квартал'],
  ['за Q3', 'за III квартал'],
  ['за 2025', 'за 2025 год'],
  ['в 2025 году', 'за 2025 год'],
  ['за октябрь прошлого года', 'за октябрь 2025'],
  ['в ноябре 2025 года', 'за ноябрь 2025'],
  ['за позапрошлую неделю', 'с 9 по 15 ноября'],
  ['за полгода', 'с 26 мая по 25 ноября'],
  ['за последние полгода', 'с 26 мая по 25 ноября'],
  ['за выходные', 'с 21 по 22 ноября'],
  ['за прошлые выходные', 'с 21 по 22 ноября'],
  ['за лето', 'с 1 июня по 31 августа'],
  ['прошлой зимой', 'с 1 декабря 2025 по 28 февраля 2026'],
];

describe('a period in any of its forms, for any subject', () => {
  const cases = SUBJECTS_RU.flatMap((subject) =>
    PERIODS_RU.flatMap(([said, shown]) => [
      [`${subject.said} ${said}`, `${subject.shown} ${shown}`],
      [`${said} ${subject.said}`, `${subject.shown} ${shown}`],
    ]),
  );
  it.each(cases)('«%s» → «%s»', async (question, shown) => {
    expect(header(await ask(question))).toContain(`${shown}:`);
  });
});

describe('adjacent periods asked together are one range', () => {
  it.each([
    ['лиды за сентябрь и октябрь', 'лиды за сентябрь', 'лиды за октябрь'],
    ['лиды за вчера и сегодня', 'лиды вчера', 'лиды сегодня'],
    ['выигранные сделки сентябрь-октябрь', 'выигранные сделки в сентябре', 'выигранные сделки в октябре'],
  ])('«%s» counts «%s» and «%s»', async (both, first, second) => {
    const [all, one, two] = await Promise.all([ask(both), ask(first), ask(second)]);
    expect(countOf(all)).toBe(countOf(one) + countOf(two));
  });
});

describe('the tense decides which weekday', () => {
  // Wednesday 25 November: the last such day, and the coming one (today included).
  const WEEKDAYS: [said: string, last: string, coming: string][] = [
    ['понедельник', '23 ноября', '30 ноября'],
    ['среду', '18 ноября', '25 ноября'],
    ['четверг', '19 ноября', '26 ноября'],
    ['пятницу', '20 ноября', '27 ноября'],
    ['субботу', '21 ноября', '28 ноября'],
  ];
  const pastQuestions = (day: string) => [
    `какие встречи были в ${day}`,
    `что было в ${day}`,
    `какие сделки выиграли в ${day}`,
    `задачи закрытые в ${day}`,
    `сделки выигранные в ${day}`,
  ];
  it.each(WEEKDAYS.flatMap(([day, last]) => pastQuestions(day).map((question) => [question, last])))(
    '«%s» is about %s',
    async (question, last) => {
      expect(header(await ask(question))).toContain(last);
    },
  );
  it.each(WEEKDAYS.flatMap(([day, , coming]) => [`встречи в ${day}`, `задачи на ${day}`].map((q) => [q, coming])))(
    '«%s», with no tense, is about the coming %s',
    async (question, coming) => {
      expect(header(await ask(question))).toContain(coming);
    },
  );
  it.each([
    ['расписание на сб', 'субботу, 28 ноября'],
    ['расписание на 27-е', 'пятницу, 27 ноября'],
    ['что было 2 ноября', 'понедельник, 2 ноября'],
    ['что было вчера', 'вторник, 24 ноября'],
  ])('«%s» is the schedule of %s', async (question, day) => {
    expect(header(await ask(question))).toContain(day);
  });
});

describe('how long overdue is not a period', () => {
  it.each([
    ['просроченные больше недели', 7],
    ['задачи просроченные более чем на 5 дней', 5],
    ['просроченные задачи больше 3 дней', 3],
  ])('«%s»: tasks late by more than %i days, whatever week they fell in', async (question, days) => {
    const text = await ask(question);
    expect(header(text)).toMatch(
      new RegExp(`^✅ Ваши просроченные задачи \\(просрочка больше ${days} дн\\.\\): \\d+`, 'u'),
    );
    expect(header(text)).not.toMatch(/ноября|декабря/u);
    expect(countOf(text)).toBeLessThanOrEqual(countOf(await ask('просроченные задачи')));
  });
});

describe('a client’s money with no period said', () => {
  it('is all that client ever brought', async () => {
    expect(header(await ask('сколько мы заработали на Ромашке'))).toMatch(/за всё время: /u);
    expect(header(await ask('выручка по Ромашке за ноябрь'))).toMatch(/за ноябрь: /u);
  });
});

describe('a period that cannot be placed is asked about, never guessed', () => {
  it.each(['выручка за осень', 'лиды с 31.11 по 32.11'])('«%s»', async (question) => {
    // 25 November: this autumn is still running, so «за осень» could be this one or last year's.
    expect(await ask(question)).toMatch(/^(?:❔ )?Не понял «/u);
  });
});

describe('in English', () => {
  it.each([
    ['revenue for Q3', 'Revenue in Q3:'],
    ['leads in the third quarter', 'Leads in Q3:'],
    ['leads since 20 October', 'Leads from 20 October to 25 November:'],
    ['won deals last weekend', 'from 21 to 22 November:'],
    ['leads for the last two weeks', 'Leads'],
    ['revenue in October last year', 'Revenue in October 2025:'],
    ['overdue tasks by more than a week', 'late by 7+ days'],
    ['what happened on Friday', 'Friday, 20 November'],
    ['deals won on Monday', '23 November'],
    ['schedule for Friday', 'Friday, 27 November'],
  ])('«%s» → «%s»', async (question, shown) => {
    expect(header(await ask(question))).toContain(shown);
  });
});
