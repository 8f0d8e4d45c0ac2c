// How a director types, from their side: Russian in Latin letters or on the English keyboard layout, everyday and
// clipped words («скока», «покаж», «кинь», «проср»), politeness («будь добр») and the short forms of colleagues'
// first names («Дима», «Катя»). Each variation, generated from parts, gets the answer the plainly typed question
// gets, in Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 9100;
const ask = async (text: string) => {
  user += 1;
  const replies = await h.assistant().handleText({ telegramUserId: user, chatId: user }, text);
  const buttons = (reply: Reply) => (reply.buttons ?? []).flat().map((button) => `[${button.text}]`);
  return replies.map((reply: Reply) => [plainTextOf(reply.html), ...buttons(reply)].join('\n')).join('\n');
};
const headerOf = async (text: string) => (await ask(text)).split('\n')[0]!;

// The questions typed plainly, lower case as on a phone; each header is what every variation must show.
const QUESTIONS = [
  'мои задачи',
  'что у меня завтра',
  'кто в отпуске',
  'сделки попова',
  'задачи орловой',
  'просроченные задачи',
  'воронка',
  'выручка за ноябрь',
];

// The common transliteration, letter by letter (hard and soft signs dropped).
const LATIN_LETTERS = 'a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya'.split(' ');
const TRANSLIT = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((char, at) => [char, LATIN_LETTERS[at]!.replace('-', '')]),
);
const latinOf = (text: string) => [...text].map((char) => TRANSLIT[char] ?? char).join('');

const RUSSIAN_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const onEnglishLayout = (text: string) =>
  [...text].map((char) => LATIN_KEYS[RUSSIAN_KEYS.indexOf(char)] ?? char).join('');

describe('Russian typed without Russian letters is answered as Russian', () => {
  it.each(QUESTIONS)('«%s» in Latin letters and on the English layout', async (question) => {
    const expected = await headerOf(question);
    expect(expected).not.toMatch(/Не понял|Не нашёл|^I /u);
    for (const variant of [latinOf(question), onEnglishLayout(question), `${latinOf(question)}?`])
      expect(await headerOf(variant), variant).toBe(expected);
  });

  it('English stays English', async () => {
    expect(await headerOf('show my tasks')).toMatch(/^✅ Your tasks/u);
  });
});

// Everyday words composed around the plain questions: each is read as the word it stands for.
const LEADS = ['будь добр, ', 'будьте добры, ', 'просто ', 'покаж ', 'кинь ', 'скинь ', 'глянь ', 'слушай, покаж '];

describe('everyday and clipped words are understood, never asked about', () => {
  it.each(QUESTIONS.filter((question) => !question.startsWith('что')))('«…%s»', async (question) => {
    const expected = await headerOf(question);
    for (const lead of LEADS) expect(await headerOf(lead + question), lead + question).toBe(expected);
  });

  it('fillers inside a question («уже», «что-нибудь», «вообще») change nothing', async () => {
    expect(await headerOf('кто уже на работе')).toBe(await headerOf('кто на работе'));
    expect(await headerOf('Волкова просрочила что-нибудь?')).toBe(await headerOf('Волкова просрочила'));
    expect(await headerOf('какие вообще у меня задачи')).toBe(await headerOf('какие у меня задачи'));
  });

  it('«на что обратить внимание сегодня» and its wordings are «что горит»', async () => {
    const expected = await headerOf('что горит?');
    for (const said of [
      'на что обратить внимание сегодня',
      'на что мне стоит обратить внимание',
      'что требует внимания',
    ])
      expect(await headerOf(said), said).toBe(expected);
  });

  it('«скока», «проср», «чё» are «сколько», «просроченные», «что»', async () => {
    expect(await headerOf('скока сделок у попова')).toBe(await headerOf('сколько сделок у попова'));
    expect(await headerOf('проср задачи попова')).toBe(await headerOf('просроченные задачи попова'));
    expect(await headerOf('чё у меня завтра')).toBe(await headerOf('что у меня завтра'));
  });
});

// Short forms of first names, declined as a director says them, for the portal's people with one such name.
const SHORT: [string, string[]][] = [
  ['Дмитрий', ['Дима', 'Димы', 'Диме', 'Диму']],
  ['Екатерина', ['Катя', 'Кати', 'Кате', 'Катю']],
  ['Игорь', []],
  ['Михаил', ['Миша', 'Миши', 'Мише']],
  ['Наталья', ['Наташа', 'Наташи']],
  ['Павел', ['Паша', 'Паши']],
  ['Татьяна', ['Таня', 'Тани']],
  ['Андрей', ['Андрюша', 'Андрюши']],
  ['Ирина', ['Ира', 'Иры']],
  ['Юлия', ['Юля', 'Юли']],
  ['Светлана', ['Света', 'Светы']],
  ['Ксения', ['Ксюша', 'Ксюши']],
];

describe('a colleague’s short first name is the full one', () => {
  it('«сделки Димы», «задачи Кати» …: the person, by every form of the short name', async () => {
    const people = h.portal.data.users.filter((person) => person.ACTIVE === true);
    for (const [full, forms] of SHORT) {
      const named = people.filter((person) => person.NAME === full);
      if (named.length !== 1 || forms.length === 0) continue;
      const surname = String(named[0]!.LAST_NAME);
      const expected = await headerOf(`задачи ${full} ${surname}`.replace(/ $/u, ''));
      for (const form of forms.filter((word) => /[ыи]$/u.test(word)))
        expect(await headerOf(`задачи ${form}`), form).toBe(await headerOf(`задачи ${named[0]!.NAME} ${surname}`));
      expect(expected).toMatch(new RegExp(surname.slice(0, 4), 'u'));
    }
  });

  it('«задачи Маши» asks which Мария, never a client named «Машины»', async () => {
    const text = await ask('задачи Маши');
    expect(text).toMatch(/Мария/u);
    expect(text).not.toMatch(/Машин/u);
  });
});
