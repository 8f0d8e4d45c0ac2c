// Questions as directors word them, beyond the examples: a denial, «кто …» about the team, a stage
// whose name holds «на», a meeting by its client's name in any case, and breakdowns by week and month. Each
// answer is checked against the demo portal, and none may show other data under the question's header.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';
import { eventsOf, ms, openTasksOf } from '../scenarios/demo.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 8000;
const ask = async (text: string) => {
  user += 1;
  const replies = await h.assistant().handleText({ telegramUserId: user, chatId: user }, text);
  return replies.map((reply: Reply) => plainTextOf(reply.html)).join('\n');
};

describe('a denial is never read as its opposite', () => {
  it.each([
    ['кто не закрыл задачи', 'Открытые'],
    ['у кого просроченные задачи', 'Просроченные'],
    ['кто просрочил задачи', 'Просроченные'],
    ['Кто не выполнил задачи?', 'Открытые'],
    ['у кого просрочки', 'Просроченные'],
  ])('«%s» counts the team’s tasks person by person, not the director’s own list', async (phrase, status) => {
    const text = await ask(phrase);
    expect(text).toMatch(new RegExp(`^📊 ${status} задачи команды по сотрудникам: \\d+\\n`, 'u'));
    expect(text).not.toMatch(/Не понял|Ваши/u);
  });

  it('«невыполненные задачи Попова» are his open tasks', async () => {
    expect(await ask('невыполненные задачи Попова')).toMatch(/^✅ Открытые задачи Дмитрия Попова: \d+/u);
  });

  it('«не просроченные задачи»: the denied word is said, and the overdue filter is not applied', async () => {
    const text = await ask('не просроченные задачи');
    expect(text).toMatch(/^❔ Не понял «не просроченные»\. Показать «задачи»\?$/u);
    expect(text).not.toMatch(/Ваши просроченные задачи/u);
  });
});

describe('words a director adds that change nothing', () => {
  it('«сделки которые зависли» are the stuck deals, with nothing left unexplained', async () => {
    const text = await ask('сделки которые зависли');
    expect(text).toMatch(/^💼 Зависшие сделки: \d+/u);
    expect(text).not.toMatch(/Не понял/u);
  });
});

describe('a stage whose name holds a preposition', () => {
  it('«сделки на стадии счёт на предоплату» are the deals at exactly that stage', async () => {
    const stageIds = new Set(
      h.portal.data.statuses
        .filter((row) => String(row.ENTITY_ID).startsWith('DEAL_STAGE') && row.NAME === 'Счёт на предоплату')
        .map((row) => String(row.STATUS_ID)),
    );
    const expected = h.portal.data.deals.filter((deal) => stageIds.has(String(deal.STAGE_ID))).length;
    expect(expected).toBeGreaterThan(0);
    const text = await ask('сделки на стадии счёт на предоплату');
    expect(text).toMatch(new RegExp(`^💼 Открытые сделки на стадии «Счёт на предоплату»: ${expected} на `, 'u'));
    expect(text).not.toMatch(/Финальный счёт|Не понял/u);
  });
});

describe('a meeting by its client’s name', () => {
  it('«встреча с банком» finds the meeting with the bank on another day, not "no such client"', async () => {
    const text = await ask('встреча с банком');
    expect(text).toMatch(/^📅 Встречи по запросу «банком»: 1/u);
    expect(text).toContain('Встреча с банком по кредитной линии');
  });
});

describe('breakdowns by week and month', () => {
  it('«выручка по месяцам» covers a year of months, and its header names both years', async () => {
    const text = await ask('выручка по месяцам');
    expect(text).toMatch(/^📊 Выигранные сделки с 1 декабря 2025 по 25 ноября 2026 по месяцам: \d+/u);
    expect(text.match(/^\d+\. \p{L}+ 2026 — /gmu)?.length ?? 0).toBeGreaterThan(2);
  });

  it('«лиды по неделям» counts the leads week by week', async () => {
    const text = await ask('лиды по неделям');
    expect(text).toMatch(/^📊 Лиды с \d+ \p{L}+ по 25 ноября по неделям: \d+/u);
    const counts = [...text.matchAll(/— (\d+)\s(?:лид|лида|лидов)$/gmu)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(2);
    const total = Number(text.match(/по неделям: (\d+)/u)?.[1]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(total);
  });

  it('«лиды по статусам» counts them by the portal’s own status names', async () => {
    const text = await ask('лиды по статусам');
    expect(text).toMatch(/^📊 Лиды по статусам: \d+/u);
    expect(text).not.toMatch(/\bNEW\b|IN_PROCESS|JUNK/u);
  });
});

describe('a client’s tasks', () => {
  it('«задачи по Ромашке» are the tasks bound to its card, everyone’s, not the director’s whole list', async () => {
    const company = h.portal.data.companies.find((one) => one.TITLE === 'ООО «Ромашка»')!;
    const bound = h.portal.data.tasks.filter(
      (task) => Number(task.status) < 5 && (task.ufCrmTask as string[]).includes(`CO_${company.ID}`),
    );
    expect(bound.length).toBeGreaterThan(0);
    const text = await ask('задачи по Ромашке');
    expect(text).toMatch(new RegExp(`^✅ Задачи по клиенту ООО «Ромашка»: ${bound.length}\\n`, 'u'));
    for (const task of bound) expect(text).toContain(String(task.title));
  });
});

describe('money in other words', () => {
  it.each([
    ['сколько денег принес Соколов в ноябре', /^💰 Выручка Игоря Соколова за ноябрь: /u],
    ['сколько принесла Морозова за квартал', /^💰 Выручка Анны Морозовой за IV квартал: /u],
    ['what did we earn last month', /^💰 Revenue in October: /u],
    ['how much money did Sokolov bring in November', /^💰 Revenue of Игорь Соколов in November: /u],
  ])('«%s» is the won sum', async (phrase, header) => {
    const text = await ask(phrase);
    expect(text).toMatch(header);
    expect(text).not.toMatch(/Не понял|not sure what|didn’t understand/iu);
  });
});

describe('whose tasks, said once', () => {
  it('«задачи Орловой» names her in the header, not on every line; the team’s tasks name each one’s person', async () => {
    const hers = (await ask('задачи Орловой')).split('\n').filter((line) => line.startsWith('• '));
    expect(hers.length).toBeGreaterThan(0);
    for (const line of hers) expect(line).not.toContain('Мария Орлова');
    const team = (await ask('задачи команды')).split('\n').filter((line) => line.startsWith('• '));
    expect(team.some((line) => / · \p{Lu}\p{L}+ \p{Lu}\p{L}+/u.test(line))).toBe(true);
  });
});

describe('the best manager, and a period named by its word alone', () => {
  it.each([
    ['лучший менеджер месяца', /^📊 Выигранные сделки за ноябрь по менеджерам: \d+/u],
    ['кто из менеджеров лучший в этом месяце', /^📊 Выигранные сделки за ноябрь по менеджерам: \d+/u],
    ['кто из продавцов самый лучший', /^📊 Выигранные сделки за ноябрь по менеджерам: \d+/u],
    ['сделки прошлого квартала', /^💼 Сделки за III квартал: \d+/u],
    ['выручка года', /^💰 Выручка за 2026 год: /u],
  ])('«%s» is understood, no word of it taken for a name', async (phrase, header) => {
    const text = await ask(phrase);
    expect(text).toMatch(header);
    expect(text).not.toMatch(/Не нашёл|Не понял/u);
  });

  it('«15 декабря 2026 года» is that day, not the year', async () => {
    expect(await ask('встречи 15 декабря 2026 года')).not.toMatch(/2026 год|Не понял|Не нашёл/u);
  });
});

describe('names and words in other forms', () => {
  it('a surname in Latin letters is not declined: «Orlova» is Мария Орлова, «Orlov» Роман Орлов', async () => {
    expect(await ask('tasks of Orlova')).toMatch(/^✅ Tasks of Мария Орлова: \d+/u);
    expect(await ask('tasks of Orlov')).toMatch(/^✅ Tasks of Роман Орлов: \d+/u);
  });

  it('«какие сделки закрыли в ноябре» are the ones won and lost then, and the header says closed', async () => {
    expect(await ask('какие сделки закрыли в ноябре')).toMatch(/^💼 Закрытые сделки за ноябрь: \d+ на /u);
  });
});

describe('a week is each of its days', () => {
  it('«что у меня на неделе» shows this week’s meetings and tasks due, day by day, not today alone', async () => {
    const zone = 'Europe/Moscow';
    const monday = DateTime.fromJSDate(h.clock.now, { zone }).startOf('week');
    const inWeek = (ms: number) => ms >= monday.toMillis() && ms < monday.plus({ weeks: 1 }).toMillis();
    const meetings = eventsOf(h.portal).filter((event) => inWeek(Number(event.DATE_FROM_TS_UTC) * 1000));
    const tasks = openTasksOf(h.portal).filter((task) => inWeek(ms(task.deadline)));
    expect(meetings.length).toBeGreaterThan(0);
    const text = await ask('Что у меня на неделе?');
    expect(text).toMatch(
      new RegExp(`^📅 Встречи с 23 по 29 ноября: ${meetings.length}, задач со сроком: ${tasks.length}\\n`, 'u'),
    );
    const days = new Set(meetings.map((event) => DateTime.fromMillis(Number(event.DATE_FROM_TS_UTC) * 1000, { zone })));
    for (const day of days) expect(text).toContain(day.setLocale('ru').toFormat('cccc, d MMMM'));
    expect(text).not.toMatch(/Сводка на сегодня/u);
  });

  it('«что у меня на следующей неделе» is the whole next week, from Monday to Sunday', async () => {
    expect(await ask('что у меня на следующей неделе')).toMatch(
      /^📅 Встречи с 30 ноября по 6 декабря: \d+, задач со сроком: \d+\n/u,
    );
  });

  it('«встречи в декабре» said in November are this December’s, not last year’s', async () => {
    expect(await ask('встречи в декабре')).toMatch(/^📅 Встречи за декабрь: \d+/u);
  });
});

describe('an employee’s contacts', () => {
  const popov = () => h.portal.data.users.find((user) => user.LAST_NAME === 'Попов')!;
  const his = () => h.portal.data.contacts.filter((contact) => String(contact.ASSIGNED_BY_ID) === String(popov().ID));

  it.each([
    ['за месяц', 29, /за 30\sдней/u],
    ['за год', 364, /с 26 ноября 2025 по 25 ноября 2026/u],
  ])(
    '«контакты Попова %s» are the contacts he is responsible for, added in that period',
    async (period, days, words) => {
      const since = DateTime.fromJSDate(h.clock.now, { zone: 'Europe/Moscow' }).startOf('day').minus({ days });
      const recent = his().filter((contact) => ms(contact.DATE_CREATE) >= since.toMillis());
      if (days > 300) expect(recent.length).toBeGreaterThan(0);
      const text = await ask(`контакты Попова ${period}`);
      expect(text).toMatch(new RegExp(`^👤 Контакты Дмитрия Попова ${words.source}: ${recent.length}\\n`, 'u'));
    },
  );

  it('«контакты Попова», when no client is called so, are his contacts, not "no such client"', async () => {
    expect(his().length).toBeGreaterThan(0);
    const text = await ask('контакты Попова');
    expect(text).toMatch(new RegExp(`^👤 Контакты Дмитрия Попова: ${his().length}\\n`, 'u'));
    expect(text).not.toMatch(/Не нашёл/u);
  });
});

describe('a link names nobody', () => {
  it.each([
    [
      'создай задачу проверить сайт https://romashka.ru/catalog',
      'Создать задачу «Проверить сайт https://romashka.ru/catalog» без срока, ответственный — вы?',
    ],
    [
      'создай задачу прочитать статью https://vc.ru/ivanov-petrov',
      'Создать задачу «Прочитать статью https://vc.ru/ivanov-petrov» без срока, ответственный — вы?',
    ],
    ['создай сделку Поставка для www.granit.ru', 'Создать сделку «Поставка для www.granit.ru»?'],
  ])('«%s» is not bound to a client its link spells', async (phrase, question) => {
    expect(await ask(phrase)).toBe(question);
  });

  it('a client named beside a link is still found: «позвонить в Ромашку про https://romashka.ru/price»', async () => {
    expect(await ask('создай задачу позвонить в Ромашку про https://romashka.ru/price')).toMatch(
      /с привязкой к компании ООО «Ромашка»\?$/u,
    );
  });

  it('a link in a question is said as not applied, and its words are not read as keywords', async () => {
    const text = await ask('задачи Орловой https://bitrix24.ru/tasks/deals');
    expect(text).toMatch(/^❔ Не понял «https:\/\/bitrix24\.ru\/tasks\/deals»\. Показать «задачи Орловой»\?$/u);
  });
});

describe('«кто», «у кого»: the answer is by person', () => {
  const now = () => h.clock.now.getTime();
  const people = (text: string) =>
    new Map(
      [...text.matchAll(/^\d+\. (.+?) — (\d+)\s(?:задач|задачи|задача|звонок|звонка|звонков)$/gmu)].map((m) => [
        m[1],
        Number(m[2]),
      ]),
    );

  it('«у кого просрочки»: every person’s overdue tasks, the director’s own among them, adding up to the total', async () => {
    const text = await ask('у кого просрочки');
    const rows = people(text);
    const total = Number(text.match(/по сотрудникам: (\d+)/u)?.[1]);
    expect([...rows.values()].reduce((sum, n) => sum + n, 0)).toBe(total);
    const mine = openTasksOf(h.portal).filter((task) => ms(task.deadline) < now()).length;
    expect(mine).toBeGreaterThan(0);
    expect(rows.get('Алексей Смирнов')).toBe(mine);
  });

  it('«кто больше всех звонил» counts the calls by the person who made them, the most first', async () => {
    const calls = h.portal.data.activities.filter((activity) => String(activity.TYPE_ID) === '2');
    const text = await ask('кто больше всех звонил');
    expect(text).toMatch(new RegExp(`^📊 Звонки по сотрудникам: ${calls.length}\\n`, 'u'));
    const counts = [...people(text).values()];
    expect(counts.length).toBeGreaterThan(1);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('«задачи по сотрудникам» are grouped as asked, not the director’s list under that header', async () => {
    expect(await ask('задачи по сотрудникам')).toMatch(/^📊 Задачи команды по сотрудникам: \d+\n\n1\. /u);
  });

  it('«задачи по неделям»: by the week of their deadline, tasks without one last', async () => {
    const text = await ask('задачи по неделям');
    expect(text).toMatch(/^📊 Ваши задачи по неделям: \d+/u);
    expect(text).not.toMatch(/Invalid/u);
  });

  it.each([
    ['у кого больше всего сделок', /^📊 Открытые сделки по менеджерам: \d+/u],
    ['who has the most deals', /^📊 Open deals by manager: \d+/u],
  ])('«%s» counts the deals in hand by manager, not this month’s won ones, the most first', async (phrase, header) => {
    const text = await ask(phrase);
    expect(text).toMatch(header);
    // Ranked by how many deals each has, not by their sum.
    const counts = [...text.matchAll(/^\d+\. .+? — (\d+)\s(?:сдел\p{L}*|deals?)/gmu)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(1);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('«у кого зависшие сделки» are the stuck deals by manager, not this month’s won ones', async () => {
    expect(await ask('у кого зависшие сделки')).toMatch(/^📊 Зависшие сделки по менеджерам: \d+/u);
  });
});

describe('a client typed in lower case', () => {
  it('«сделки ромашки» are the deals of ООО «Ромашка», not all deals with «ромашки» not understood', async () => {
    const company = h.portal.data.companies.find((one) => one.TITLE === 'ООО «Ромашка»')!;
    const deals = h.portal.data.deals.filter(
      (deal) => String(deal.COMPANY_ID) === String(company.ID) && deal.STAGE_SEMANTIC_ID === 'P',
    );
    const text = await ask('сделки ромашки');
    expect(text).toMatch(new RegExp(`^💼 Открытые сделки по клиенту ООО «Ромашка»: ${deals.length} на `, 'u'));
  });

  it('an adjective left over is still said, not looked up as a name: «задачи срочные»', async () => {
    expect(await ask('задачи срочные')).toMatch(/^❔ Не понял «срочные»\. Показать «задачи»\?$/u);
  });
});

describe('money between two bounds, and names in the genitive', () => {
  it('«сделки на сумму от 2 до 5 млн» are the open deals within both bounds', async () => {
    const within = h.portal.data.deals.filter(
      (deal) =>
        deal.STAGE_SEMANTIC_ID === 'P' &&
        Number(deal.OPPORTUNITY) >= 2_000_000 &&
        Number(deal.OPPORTUNITY) <= 5_000_000,
    );
    const text = await ask('покажи сделки на сумму от 2 до 5 млн');
    expect(text).toMatch(
      new RegExp(`^💼 Открытые сделки от 2\\s000\\s000\\s₽ до 5\\s000\\s000\\s₽: ${within.length} на `, 'u'),
    );
  });

  it('«лиды от 100 до 200 тысяч» filter the leads by their sum too', async () => {
    const within = h.portal.data.leads.filter(
      (lead) => Number(lead.OPPORTUNITY) >= 100_000 && Number(lead.OPPORTUNITY) <= 200_000,
    );
    expect(within.length).toBeLessThan(h.portal.data.leads.length);
    expect(await ask('лиды от 100 до 200 тысяч')).toMatch(new RegExp(`: ${within.length}\\n`, 'u'));
  });

  it('«сделки от 1 до 15 ноября» is a range of days, not a sum', async () => {
    expect(await ask('сделки от 1 до 15 ноября')).toMatch(/^💼 Сделки с 1 по 15 ноября: \d+/u);
  });

  it('a first name in -ина is not declined as a surname: «Екатерины Васильевой»', async () => {
    expect(await ask('сделки в работе у Васильевой')).toMatch(/^💼 Открытые сделки Екатерины Васильевой: \d+/u);
  });

  it('«кто в отпуске» is no client called «Отпуск»; «кто сегодня на работе» is the team’s day', async () => {
    expect(await ask('кто в отпуске')).not.toMatch(/Не нашёл клиента/u);
    expect(await ask('кто сегодня на работе')).toMatch(/^👥 Команда: \d+/u);
  });

  it('a word in lower case searched for as a client and not found is said back as not understood, with what can be asked', async () => {
    for (const topic of ['что с оплатами', 'что там с поставками', 'что по счетам']) {
      const reply = await ask(topic);
      expect(reply, topic).toMatch(
        /^❔ Не понял «[а-я]+»: среди контактов и компаний такого клиента нет\. Могу показать/u,
      );
      expect(reply, topic).not.toMatch(/Не нашёл клиента/u);
    }
    // A client typed in lower case is still found, and a name written with a capital is still looked for as one.
    expect(await ask('что с ромашкой')).toMatch(/^🏢 .*Ромашка/u);
    expect(await ask('что с Зеленоглазовым')).toMatch(/^🔎 Не нашёл клиента «Зеленоглазовым»/u);
  });

  it('a verb it does not know is said back, never looked for as a person: «сделки, которые закрываются»', async () => {
    expect(await ask('сделки которые закрываются в этом месяце')).toMatch(/^❔ Не понял «закрываются»\./u);
    expect(await ask('сколько лидов конвертировалось в сделки')).toMatch(/^❔ Не понял «конвертировалось»\./u);
    expect(await ask('согласовать')).not.toMatch(/клиент|Не нашёл/u);
    // A client typed in lower case after the subject is still the one word left to look up.
    expect(await ask('сделки ромашки')).toMatch(/^💼 Открытые сделки по клиенту ООО «Ромашка»/u);
  });
});

describe('a name with a typo', () => {
  const buttonsOf = async (text: string) => {
    user += 1;
    const replies = await h.assistant().handleText({ telegramUserId: user, chatId: user }, text);
    return { text: plainTextOf(replies[0]!.html), buttons: (replies[0]!.buttons ?? []).flat().map((b) => b.text) };
  };

  it('«сдлеки Соколва» asks «did you mean Игорь Соколов?», and the tap is his deals', async () => {
    const { text, buttons } = await buttonsOf('сдлеки Соколва');
    expect(text).toBe('Не нашёл «Соколва». Может быть, вы имели в виду:');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatch(/Игорь Соколов/u);
  });

  it('«задачи Смирновой»: a woman’s form never names Алексей Смирнов; he is only offered', async () => {
    const { text, buttons } = await buttonsOf('задачи Смирновой');
    expect(text).not.toMatch(/Задачи Алексея Смирнова/u);
    expect(buttons.join(' ')).toMatch(/Алексей Смирнов/u);
  });
});

describe('English money words', () => {
  it('«how many deals did we win last month» counts the deals won in October', async () => {
    expect(await ask('how many deals did we win last month')).toMatch(/^💼 Won deals in October: \d+/u);
  });
});

describe('«что по …», «как дела у …»: about a client or an employee', () => {
  it.each(['что по Ромашке', 'что с Ромашкой?', 'как там Ромашка'])('«%s» opens the client’s card', async (phrase) => {
    expect(await ask(phrase)).toMatch(/^🏢 ООО «Ромашка»/u);
  });

  it.each(['как дела у Орловой', 'как успехи у Марии Орловой'])(
    '«%s» is Мария Орлова’s tasks, not «no such client»',
    async (phrase) => {
      expect(await ask(phrase)).toMatch(/^✅ Задачи Марии Орловой: \d+/u);
    },
  );

  it('«чем занята Орлова»: «Орлова» is also Роман Орлов’s genitive, so which one is asked', async () => {
    expect(await ask('чем занята Орлова')).toBe('Под «Орлова» подходят несколько сотрудников — кого вы имели в виду?');
  });

  it('«расскажи про Соколова» is Игорь Соколов’s tasks', async () => {
    expect(await ask('расскажи про Соколова')).toMatch(/^✅ Задачи Игоря Соколова: \d+/u);
  });

  it('«как дела в отделе» stays the team’s status', async () => {
    expect(await ask('как дела в отделе')).toMatch(/^👥 Команда: \d+/u);
  });
});

describe('words about when a record was made', () => {
  it('«сделки, созданные на этой неделе»: a deal’s period is its creation, so the word is understood', async () => {
    const text = await ask('сделки, созданные на этой неделе');
    expect(text).toMatch(/^💼 Сделки (?:с 23 по 29 ноября|за 7\sдней): \d+/u);
    expect(text).not.toMatch(/Не понял/u);
  });

  it('«задачи, созданные вчера»: a task’s day is its deadline, so the word is said, not dropped', async () => {
    expect(await ask('задачи созданные вчера')).toMatch(/^❔ Не понял «созданные»\. Показать «задачи вчера»\?$/u);
  });
});

describe('two people in one question', () => {
  it('«сделки Соколова и Морозовой» are both managers’ open deals together, both named in the header', async () => {
    const ids = ['Соколов', 'Морозова'].map((last) =>
      String(h.portal.data.users.find((one) => one.LAST_NAME === last)!.ID),
    );
    const deals = h.portal.data.deals.filter(
      (deal) => ids.includes(String(deal.ASSIGNED_BY_ID)) && deal.STAGE_SEMANTIC_ID === 'P',
    );
    const text = await ask('сделки Соколова и Морозовой');
    expect(text).toMatch(new RegExp(`^💼 Открытые сделки Игоря Соколова и Анны Морозовой: ${deals.length} на `, 'u'));
  });
});

describe('meetings of other people', () => {
  it('«встречи Орловой и Попова на этой неделе» are both their calendars, not the director’s', async () => {
    const zone = 'Europe/Moscow';
    const monday = DateTime.fromJSDate(h.clock.now, { zone }).startOf('week');
    const inWeek = (event: { DATE_FROM_TS_UTC?: unknown }) => {
      const at = Number(event.DATE_FROM_TS_UTC) * 1000;
      return at >= monday.toMillis() && at < monday.plus({ weeks: 1 }).toMillis();
    };
    const ids = ['Орлова', 'Попов'].map((last) =>
      Number(h.portal.data.users.find((one) => one.LAST_NAME === last)!.ID),
    );
    const theirs = new Set(
      ids.flatMap((id) =>
        eventsOf(h.portal, id)
          .filter(inWeek)
          .map((event) => event.ID),
      ),
    );
    expect(theirs.size).toBeGreaterThan(0);
    const text = await ask('встречи Орловой и Попова на этой неделе');
    expect(text).toMatch(
      new RegExp(`^📅 Встречи Марии Орловой и Дмитрия Попова с 23 по 29 ноября: ${theirs.size}`, 'u'),
    );
  });
});

describe('a comparison said alone after a question of sums', () => {
  it('«а меньше?», «а дешевле» compare with the last question’s sum, the other way', async () => {
    user += 1;
    const chat = { telegramUserId: user, chatId: user };
    const say = async (text: string) =>
      (await h.assistant().handleText(chat, text)).map((reply: Reply) => plainTextOf(reply.html)).join('\n');
    expect(await say('сделки Смирнова дороже 5 млн')).toMatch(
      /^💼 Открытые сделки Алексея Смирнова от 5\s000\s000\s₽:/u,
    );
    expect(await say('а меньше?')).toMatch(/^💼 Открытые сделки Алексея Смирнова до 5\s000\s000\s₽:/u);
    expect(await say('а дороже?')).toMatch(/^💼 Открытые сделки Алексея Смирнова от 5\s000\s000\s₽:/u);
    expect(await say('лиды от 100 тысяч')).toMatch(/^🆕 Лиды от 100\s000\s₽:/u);
    expect(await say('а дешевле')).toMatch(/^🆕 Лиды до 100\s000\s₽:/u);
  });
});

describe('a person and a client in one question', () => {
  it.each([
    ['задачи Орловой по Ромашке', /^✅ Задачи Марии Орловой по клиенту ООО «Ромашка»: \d+/u],
    ['задачи Орловой с ромашкой', /^✅ Задачи Марии Орловой по клиенту ООО «Ромашка»: \d+/u],
    ['встречи Смирнова с Ромашкой', /^📅 Встречи Алексея Смирнова по клиенту ООО «Ромашка»: \d+/u],
    ['сделки Смирнова для Гранита', /^💼 Открытые сделки Алексея Смирнова по клиенту ООО «Гранит»: \d+/u],
    // A lower-case word after «по» is still what the titles are about, and two people still two people.
    ['задачи Орловой по ремонту', /^✅ Задачи Марии Орловой по запросу «ремонту»: \d+/u],
    ['сделки Соколова и Морозовой', /^💼 Открытые сделки Игоря Соколова и Анны Морозовой: \d+/u],
  ])('«%s» asks for both, never for one name made of the two', async (text, header) => {
    expect(await ask(text)).toMatch(header);
  });
});

describe('how long, said with or without «больше»', () => {
  it.each([
    ['просроченные задачи старше недели', /^✅ Ваши просроченные задачи \(просрочка больше 7 дн\.\): \d+/u],
    ['сделки без движения 30 дней', /^💼 Зависшие сделки без движения от 30 дн\.: \d+/u],
    ['сделки без движения старше двух недель', /^💼 Зависшие сделки без движения от 14 дн\.: \d+/u],
  ])('«%s» is late or idle that long, never a name', async (text, header) => {
    expect(await ask(text)).toMatch(header);
  });
});
