import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import type { WriteDraft } from '../../src/vocabulary/drafts.ts';

// Wednesday 25 November 2026, 12:30 in Moscow, 19:30 in Vladivostok.
const now = new Date('2026-11-25T09:30:00Z');
const draftOf = (text: string, timeZone = 'Europe/Moscow'): WriteDraft | undefined => {
  const { intent } = understand(text, { now, timeZone });
  return intent.kind === 'write' ? intent.draft : undefined;
};

describe('sums of money', () => {
  it.each([
    ['создай сделку Поставка на 500 000 ₽', 500_000, 'RUB'],
    ['создай сделку Поставка на 500 тысяч', 500_000, undefined],
    ['создай сделку Поставка на 1,5 млн', 1_500_000, undefined],
    ['создай сделку Монтаж на сумму 750 000 рублей', 750_000, 'RUB'],
    ['создай сделку Аудит €1 200', 1_200, 'EUR'],
    ['новая сделка Лицензии 2.5k$', 2_500, 'USD'],
    ['создай сделку Поставка на 300к', 300_000, undefined],
  ])('reads «%s»', (text, amount, currency) => {
    expect(draftOf(text)).toEqual({
      type: 'createDeal',
      title: text.split(' ')[2],
      amount,
      ...(currency ? { currency } : {}),
    });
  });

  it('creates a deal with no sum when none is said', () => {
    expect(draftOf('создай сделку «Поставка оборудования»')).toEqual({
      type: 'createDeal',
      title: 'Поставка оборудования',
    });
  });
});

describe('task deadlines', () => {
  it('a day without a time is 18:00 that day, in the director’s own offset', () => {
    expect(draftOf('создай задачу сверить акты на пятницу')).toMatchObject({ deadline: '2026-11-27T18:00:00+03:00' });
    expect(draftOf('создай задачу сверить акты на пятницу', 'Asia/Vladivostok')).toMatchObject({
      deadline: '2026-11-27T18:00:00+10:00',
    });
  });

  it('"до конца недели" is Friday evening, "до конца дня" this evening', () => {
    expect(draftOf('создай задачу сверить акты до конца недели')).toEqual({
      type: 'createTask',
      title: 'Сверить акты',
      deadline: '2026-11-27T18:00:00+03:00',
    });
    expect(draftOf('создай задачу отправить счёт до конца дня')).toMatchObject({
      deadline: '2026-11-25T18:00:00+03:00',
    });
  });

  it('«до конца месяца» is the month’s last day at 18:00, not words of the title', () => {
    expect(draftOf('поставь задачу Волковой до конца месяца сделать презентацию')).toEqual({
      type: 'createTask',
      title: 'Сделать презентацию',
      deadline: '2026-11-30T18:00:00+03:00',
      responsibleName: 'Волковой',
    });
  });

  it('a time without a day is today, or tomorrow once it has passed', () => {
    expect(draftOf('создай задачу позвонить Иванову в 15:00')).toMatchObject({ deadline: '2026-11-25T15:00:00+03:00' });
    expect(draftOf('создай задачу проверить счета в 9')).toMatchObject({ deadline: '2026-11-26T09:00:00+03:00' });
  });

  it('keeps the title as written, with its case and ё, without the date words', () => {
    expect(draftOf('создай задачу «Проверить Ёлкин договор» на завтра в 11:30')).toEqual({
      type: 'createTask',
      title: 'Проверить Ёлкин договор',
      deadline: '2026-11-26T11:30:00+03:00',
    });
  });

  it('a task about an e-mail is a task, not a request to send one', () => {
    expect(draftOf('создай задачу отправить письмо Иванову')).toEqual({
      type: 'createTask',
      title: 'Отправить письмо Иванову',
    });
  });
});

describe('meetings', () => {
  it('with a day and no time asks the time, with nothing said asks when and with whom (no start made up)', () => {
    expect(understand('назначь встречу с Ивановым завтра', { now, timeZone: 'Europe/Moscow' }).intent).toEqual({
      kind: 'ask',
      question: 'meetingTime',
      said: 'назначь встречу с Ивановым завтра',
    });
    expect(understand('назначь встречу с Ивановым', { now, timeZone: 'Europe/Moscow' }).intent).toMatchObject({
      question: 'newMeetingWhen',
    });
    expect(understand('создай встречу', { now, timeZone: 'Europe/Moscow' }).intent).toMatchObject({
      question: 'newMeeting',
    });
  });

  it('takes a length or a range when one is said', () => {
    expect(draftOf('назначь встречу с Ивановым завтра в 15:00 на полчаса')).toMatchObject({
      to: '2026-11-26T15:30:00+03:00',
    });
    expect(draftOf('назначь встречу в пятницу в 10 на 2 часа')).toMatchObject({
      from: '2026-11-27T10:00:00+03:00',
      to: '2026-11-27T12:00:00+03:00',
    });
  });

  it('moves the meeting of a named day to a new day at the same time', () => {
    expect(draftOf('перенеси встречу завтра в 14:00 на пятницу')).toEqual({
      type: 'moveMeeting',
      meetingQuery: '14:00',
      date: '2026-11-26',
      // No new time: the meeting keeps its own (14:00), read when it is looked up.
      toDate: '2026-11-27',
    });
  });

  it('cancels a meeting by a name and a day', () => {
    expect(draftOf('отмени встречу с Ивановым в пятницу')).toEqual({
      type: 'deleteMeeting',
      meetingQuery: 'Иванов',
      date: '2026-11-27',
    });
  });
});

describe('contacts and comments', () => {
  it('reads a phone and an e-mail out of the name', () => {
    expect(draftOf('создай контакт Пётр Иванов ivanov@romashka.ru +7 (999) 123-45-67')).toEqual({
      type: 'createContact',
      name: 'Пётр',
      lastName: 'Иванов',
      phone: '+7 (999) 123-45-67',
      email: 'ivanov@romashka.ru',
    });
  });

  it('takes the first word as the record when there is no colon', () => {
    expect(draftOf('добавь комментарий к контакту Иванов просил перезвонить')).toEqual({
      type: 'addComment',
      entity: 'contact',
      entityQuery: 'Иванов',
      text: 'Просил перезвонить',
    });
  });

  it('deletes only on an explicit request', () => {
    expect(draftOf('удали задачу отчёт')).toEqual({ type: 'deleteTask', taskQuery: 'отчёт' });
    expect(draftOf('задачи на удаление')).toBeUndefined();
    expect(draftOf('покажи удалённые сделки')).toBeUndefined();
  });
});

describe('a write without what it needs', () => {
  it.each([
    ['создай сделку', 'dealTitle'],
    ['удали сделку', 'whichDeal'],
    ['закрой задачу', 'whichTask'],
    ['создай задачу', 'taskTitle'],
    ['перенеси встречу на 17:00', 'whichMeeting'],
    ['перенеси встречу с Ромашкой', 'meetingWhen'],
  ])('«%s» asks one question (%s), never shown as a view or written half-made', (text, question) => {
    expect(understand(text, { now, timeZone: 'Europe/Moscow' }).intent).toEqual({ kind: 'ask', question, said: text });
  });
});

describe('words in another order', () => {
  it.each([
    [
      'назначь на завтра в 11 встречу с Гранитом',
      { type: 'createMeeting', title: 'Встреча с Гранитом', from: '2026-11-26T11:00:00+03:00' },
    ],
    [
      'в понедельник в 10 созвон с Альфа-Трейд, запланируй',
      { type: 'createMeeting', title: 'Созвон с Альфа-Трейд', from: '2026-11-30T10:00:00+03:00' },
    ],
    [
      'сделку с Ромашкой переведи в счёт на предоплату',
      { type: 'moveDeal', otherSplits: [{ dealQuery: 'Ромашка', stageQuery: 'счёт на предоплату' }] },
    ],
    ['Ромашке поставь задачу выставить счёт', { type: 'createTask', title: 'Выставить счёт Ромашке' }],
  ])('«%s» is the same change as with the verb first', (text, draft) => {
    expect(draftOf(text)).toMatchObject(draft);
  });

  it('a view that names no change stays a view', () => {
    expect(draftOf('задачи Орловой на завтра')).toBeUndefined();
  });
});

describe('a bare hour as the new time of a meeting', () => {
  it.each([
    ['сдвинь встречу с Ромашкой на 15', '15:00'],
    ['перенеси созвон с Гранитом на 3', '15:00'],
    ['перенеси встречу с Ромашкой на 10', '10:00'],
  ])('«%s» moves it to %s, never asks when again', (text, toTime) => {
    expect(draftOf(text)).toMatchObject({ type: 'moveMeeting', toTime });
  });
});
