// A write never invents or hides an argument, from the director's side: each word of the request goes to its
// slot (a person to the person responsible, a date to the deadline, a client to the binding), never into the
// title; the question names every argument (no deadline is said as such); what the portal shows against it
// (the person away, someone busy then) is one line under it; a change the assistant cannot make is said plainly.
import { describe, expect, it } from 'vitest';
import { CANNOT_DO } from '../../src/views/messages.ts';
import { harnessForFile, plainReplies } from './harness.ts';

const h = await harnessForFile();

async function ask(text: string): Promise<string> {
  const replies = h.record(await h.assistant().handleText(h.newChat(), text));
  return plainReplies(replies).replace(/[\u00a0\u202f\u2009]/gu, ' ');
}

// The parts of a task request, and what each becomes in the question (Wednesday 25 November).
const verbs = ['поставь задачу', 'создай задачу', 'добавь задачу'];
const people: [string, string][] = [
  ['Попову', 'Дмитрий Попов'],
  ['Дмитрию Попову', 'Дмитрий Попов'],
  ['Кузнецовой', 'Ольга Кузнецова'],
  ['Игорю Соколову', 'Игорь Соколов'],
];
const works: [string, string][] = [
  ['подготовить КП', 'Подготовить КП'],
  ['сверить остатки', 'Сверить остатки'],
  ['отправить договор', 'Отправить договор'],
];
const dates: [string, string][] = [
  ['до пятницы', 'пятницу, 27 ноября'],
  ['к 27-му', 'пятницу, 27 ноября'],
  ['завтра', 'четверг, 26 ноября'],
  ['к 30 числу', 'понедельник, 30 ноября'],
  ['до 1 декабря', 'вторник, 1 декабря'],
];
const clients: [string, string][] = [
  ['для Гранита', ', с привязкой к компании ООО «Гранит»'],
  ['для Ромашки', ', с привязкой к компании ООО «Ромашка»'],
  ['', ''],
];
type Parts = { verb: string; who: string; what: string; when: string; client: string };
const orders: ((p: Parts) => string)[] = [
  (p) => `${p.verb} ${p.who} ${p.what} ${p.client} ${p.when}`,
  (p) => `${p.verb} ${p.who} ${p.when} ${p.what} ${p.client}`,
  (p) => `поставь ${p.who} задачу ${p.what} ${p.client} ${p.when}`,
  (p) => `${p.verb} ${p.what} ${p.client} ${p.when}, ответственный ${p.who}`,
];

// A spread of the combinations: every part of each list appears, in every order.
const generated = Array.from({ length: 36 }, (_, n) => {
  const [who, person] = people[n % people.length]!;
  const [what, title] = works[(n >> 1) % works.length]!;
  const [when, day] = dates[n % dates.length]!;
  const [client, bound] = clients[(n >> 2) % clients.length]!;
  const verb = verbs[n % verbs.length]!;
  // «ответственный Дмитрию Попову» is not how it is said: the person after it is in the nominative.
  const order = orders[n % orders.length]!;
  const named = order === orders[3] ? person.split(' ').at(-1)! : who;
  const said = order({ verb, who: named, what, when, client }).replace(/\s+/gu, ' ').trim();
  return [said, `Создать задачу «${title}» на ${day}, 18:00, ответственный — ${person}${bound}?`] as const;
});

describe('each word of a new task goes to its slot, none into the title', () => {
  it.each(generated)('«%s»', async (said, question) => {
    expect(await ask(said)).toBe(question);
  });

  it.each([
    ['поставь задачу Марии сделать рассылку', '«Сделать рассылку»'],
    ['создай задачу Ольге подготовить отчёт', '«Подготовить отчёт»'],
  ])('a first name at the start is the person (asked which one when several fit): «%s»', async (said, title) => {
    const reply = await ask(said);
    expect(reply).toContain(title);
    expect(reply).not.toMatch(/«(?:Марии|Ольге) /u);
  });

  it('a word that names a position, not a person, stays the work: «создай задачу склад проверить»', async () => {
    expect(await ask('создай задачу склад проверить')).toBe(
      'Создать задачу «Склад проверить» без срока, ответственный — вы?',
    );
  });

  it.each([
    'поставь по ней задачу Попову позвонить клиенту',
    'поставь задачу Попову позвонить клиенту по ней',
    'создай задачу по этой сделке Попову позвонить клиенту',
  ])('a word pointing back is never the title: «%s»', async (said) => {
    // Nothing was shown before: the record it points at is asked about, or (with the pronoun at the end, read as part
    // of the work) the date is asked first with the task named as the work alone. Never «по ней» in a title.
    expect(await ask(said)).toMatch(
      /^(?:Не понял, о какой записи речь: перед этим я не показывал списка\.|К какому сроку задача «Позвонить клиенту»\? Выберите или напишите дату\.$)/u,
    );
  });

  it.each([
    ['досье Гранит', 'поставь по нему задачу Попову позвонить завтра', 'Позвонить', 'ООО «Гранит»'],
    [
      'расскажи про Ромашку',
      'создай задачу по ней отправить акт сверки завтра',
      'Отправить акт сверки',
      'ООО «Ромашка»',
    ],
  ])('after «%s», «%s» is bound to the client just shown', async (card, said, title, client) => {
    const who = h.newChat();
    const assistant = h.assistant();
    h.record(await assistant.handleText(who, card));
    const question = plainReplies(h.record(await assistant.handleText(who, said)));
    expect(question).toMatch(
      new RegExp(
        `^Создать задачу «${title}» на четверг, 26 ноября, 18:00, .*с привязкой к компании ${client}\\?$`,
        'u',
      ),
    );
  });

  it.each(['создай задачу Попову', 'поставь Кузнецовой задачу', 'поставь по ней задачу Смирнову'])(
    'a person without the work asks what to do: «%s»',
    async (said) => {
      expect(await ask(said)).toBe('Что нужно сделать?');
    },
  );

  it.each([
    ['поставь задачу позвонить в банк', 'Позвонить в банк'],
    ['создай задачу заказать воду', 'Заказать воду'],
  ])('a task of the director’s own says whose it is and that it has no deadline: «%s»', async (said, title) => {
    expect(await ask(said)).toBe(`Создать задачу «${title}» без срока, ответственный — вы?`);
  });
});

describe('a new deal: the client is the client, not the name', () => {
  it.each([
    ['создай сделку Поставка станков для Гранита на 2 млн', 'Поставка станков', ' на 2 000 000 ₽', 'ООО «Гранит»'],
    ['создай сделку Обслуживание для Ромашки', 'Обслуживание', '', 'ООО «Ромашка»'],
    ['новая сделка Монтаж для ООО Гранит на 500 тысяч', 'Монтаж', ' на 500 000 ₽', 'ООО «Гранит»'],
  ])('«%s»', async (said, title, sum, client) => {
    expect(await ask(said)).toBe(`Создать сделку «${title}»${sum}, клиент — компания ${client}?`);
  });

  it.each(['создай сделку для Кристалла', 'создай сделку для Гранита', 'новая сделка с Ромашкой'])(
    'only a client: the name is asked for: «%s»',
    async (said) => {
      expect(await ask(said)).toBe('Как назвать сделку?');
    },
  );
});

describe('a new contact: where the person works is the company, not the name', () => {
  it.each([
    [
      'добавь контакт Иван Сергеев из Гранита, телефон +7 916 111-22-33',
      '«Иван Сергеев», +7 916 111-22-33, компания ООО «Гранит»',
    ],
    ['создай контакт Анна Белова из компании Ромашка', '«Анна Белова», компания ООО «Ромашка»'],
    ['новый контакт Белова Анна из Ромашки', '«Анна Белова», компания ООО «Ромашка»'],
  ])('«%s»', async (said, shown) => {
    expect(await ask(said)).toBe(`Создать контакт ${shown}?`);
  });

  it('a company nobody has is said plainly, not made part of the name', async () => {
    expect(await ask('создай контакт Олег Рыбин из Зенита')).toMatch(/^Не нашёл компании/u);
  });
});

describe('a meeting never starts at a made-up time', () => {
  it.each([
    ['создай встречу', 'Когда и с кем встреча?'],
    ['назначь встречу с Поповым', 'На какой день и время назначить встречу?'],
    ['назначь созвон с Фёдоровым на завтра', 'Во сколько начать встречу?'],
    ['запланируй встречу с Гранитом в пятницу', 'Во сколько начать встречу?'],
  ])('«%s» asks', async (said, question) => {
    expect(await ask(said)).toBe(question);
  });
});

describe('what the portal shows against the write is one line under its question', () => {
  it.each([
    ['поставь задачу Васильевой подготовить договор на завтра', '⚠️ Екатерина Васильева в отпуске до 29 ноября.'],
    ['поставь задачу Семёновой сверить кассу на завтра', '⚠️ Ирина Семёнова на больничном до 26 ноября.'],
    ['поставь задачу Егорову проверить монтаж на пятницу', '⚠️ Андрей Егоров в командировке до 28 ноября.'],
  ])('the person is away: «%s»', async (said, line) => {
    expect((await ask(said)).split('\n')[1]).toBe(line);
  });

  it('a person at work: no line', async () => {
    expect(await ask('поставь задачу Попову сверить склад на завтра')).not.toContain('\n');
  });

  it.each([
    [
      'сдвинь совещание руководителей на 15',
      '⚡ В это же время у вас «Презентация для ПАО «Уральские Машины»» (14:00–15:30).',
    ],
    [
      'назначь встречу с Кузнецовой сегодня в 16',
      '⚡ В это же время «Встреча с клиентом «Альфа-Трейд»» (16:00–17:00), участник — Ольга Кузнецова.',
    ],
    [
      'назначь созвон с Фёдоровым на завтра в 10',
      '⚡ В это же время у вас «Совещание руководителей отделов» (10:00–11:00).',
    ],
  ])('someone is busy then: «%s»', async (said, line) => {
    expect((await ask(said)).split('\n')[1]).toBe(line);
  });
});

describe('a change the assistant cannot make is said plainly', () => {
  it.each([
    'конвертируй первый лид в сделку',
    'объедини контакты Петрова',
    'удали контакт Сергеев',
    'переименуй компанию Гранит',
    'передай сделку Гранита Попову',
    'заархивируй сделку с Ромашкой',
  ])('«%s»', async (said) => {
    expect(await ask(said)).toBe(CANNOT_DO.change.ru);
  });

  it('«отмени обед с Техносферой» is the meeting by its name: the deletion’s own question', async () => {
    expect(await ask('отмени обед с Техносферой')).toMatch(/^🗑 Удалить встречу «Обед с партнёрами из «Техносферы»»/u);
  });
});
