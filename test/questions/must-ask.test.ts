// The must-ask pack (issue 25): questions whose right answer is a question back or an honest «не понял» — a name
// that fits several people, a date that does not exist, words the assistant does not know. Without a model, on
// the demo portal, none of them may be answered with a view as if it were understood.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { harnessForFile } from '../assistant/harness.ts';

const h = await harnessForFile();

const MUST_ASK = [
  // a name that fits several people (the demo has two contacts called Сидоров)
  'сделки Сидорова',
  'задачи Сидорова за неделю',
  // a date or a sum that cannot be
  'сделки за 31 февраля',
  'задачи на 30 февраля',
  'выручка за 32 декабря',
  'сделки на -5 рублей',
  // words the assistant does not know, never looked up as a name or dropped
  'покажи сделки зачем',
  'задачи Попова и почему',
  'лиды вообще-то',
  'покажи важные задачи',
  'задачи срочные',
  'сделки фывапр',
  'сделки Альфы и Беты',
  'сколько у нас денег на счету',
  'почему упала выручка в октябре',
  'нарисуй что-нибудь красивое',
  'выгрузи бухгалтерию',
  'задачи созданные вчера',
  'не просроченные задачи',
  'встречи по каждому клиенту',
];

// An honest answer says what it did not understand or find, asks, or offers a choice; a view does none of these.
const HONEST = /Не понял|Не нашёл|Что вы имели в виду|С этим я не помогу|Кого вы имели в виду|\?$/mu;

describe('the must-ask pack', () => {
  it.each(MUST_ASK)('«%s» is asked about or honestly not understood, never shown as a view', async (said) => {
    const who = h.newChat();
    const [reply] = await h.assistant().handleText(who, said);
    const text = plainTextOf(reply!.html);
    const choice = (reply!.buttons ?? []).flat().some((button) => button.action.kind === 'queryPick');
    expect(HONEST.test(text) || choice, text).toBe(true);
  });
});
