// Small talk from the director's side: thanks, goodbyes, «ты кто?», praise, a complaint, «ок» and «отмена» get a
// short answer in the director's language, never the refusal; an unclear message in mid-conversation is said
// back as not understood, never answered with the first greeting and its briefing offer.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { INTRODUCTION } from '../../src/views/messages.ts';
import { SMALL_TALK, YOU_ARE_WELCOME } from '../../src/views/messages-understanding.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, harnessForFile } from './harness.ts';

const h = await harnessForFile();
let assistant: ReturnType<Harness['assistant']>;

/** A chat that has already asked something: nothing said next is a first contact. */
async function chatInProgress() {
  assistant ??= h.assistant();
  const who = h.newChat();
  h.record(await assistant.handleText(who, 'мои задачи'));
  return async (text: string) => h.record(await assistant.handleText(who, text));
}

const textOf = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
const buttonsOf = (replies: Reply[]) => replies.flatMap((reply) => (reply.buttons ?? []).flat().map((b) => b.text));

// The parts a director's small talk is made of, composed with softeners and punctuation.
const SOFTENERS = ['', 'ну ', 'ок, ', 'отлично, ', 'ладно, '];
const ENDINGS = ['', '!', '.', ')', '!!'];
const compose = (core: string[]) =>
  core.flatMap((said, at) => [SOFTENERS[at % SOFTENERS.length] + said + ENDINGS[at % ENDINGS.length], said]);

const SAID = {
  thanks: compose(['спасибо', 'спасибо большое', 'спс', 'благодарю', 'пасибки', 'спасибо тебе', 'мерси']),
  bye: compose(['пока', 'до завтра', 'до свидания', 'всего доброго', 'хорошего дня', 'пока-пока', 'спасибо, пока']),
  who: compose(['ты кто', 'ты кто такой?', 'кто ты', 'ты бот?', 'ты робот', 'ты человек?']),
  howAreYou: compose(['как дела?', 'как ты', 'как поживаешь']),
  praise: compose(['круто', 'класс', 'супер', 'молодец', 'здорово']),
  ok: ['ок', 'ясно', 'понятно', 'окей', 'ага', 'хорошо', 'ладно', 'понял'],
  complaint: ['не то', 'неправильно', 'ну не то', 'ты не понял'],
  cancel: ['отмена', 'отмени', 'стоп'],
} as const;

describe('small talk gets a short answer, in mid-conversation', () => {
  for (const [what, phrases] of Object.entries(SAID)) {
    it(`«${phrases[0]}» and its variations: ${what}`, async () => {
      const say = await chatInProgress();
      const expected = what === 'thanks' ? YOU_ARE_WELCOME.ru : SMALL_TALK[what as keyof typeof SMALL_TALK].ru;
      const wrong: string[] = [];
      for (const phrase of phrases) if (textOf(await say(phrase)) !== plainTextOf(expected)) wrong.push(phrase);
      expect(wrong).toEqual([]);
    });
  }

  it('answers in English when the director writes English', async () => {
    const say = await chatInProgress();
    for (const [phrase, expected] of [
      ['thanks a lot!', YOU_ARE_WELCOME.en],
      ['who are you?', SMALL_TALK.who.en],
      ['bye', SMALL_TALK.bye.en],
      ['great, thanks', YOU_ARE_WELCOME.en],
    ] as const)
      expect(textOf(await say(phrase))).toBe(expected);
  });

  it('a question with a thank-you in it is still a question', async () => {
    const say = await chatInProgress();
    expect(textOf(await say('спасибо, а теперь покажи сделки'))).toMatch(/сделк/i);
  });
});

describe('an unclear message in mid-conversation is not a new start', () => {
  const UNCLEAR = ['какая погода в Сочи', 'спой песню про зиму', 'сколько будет дважды два', 'где мой кофе'];

  it('is said back as not understood, without the introduction or the briefing offer', async () => {
    const say = await chatInProgress();
    for (const phrase of UNCLEAR) {
      const replies = await say(phrase);
      const text = textOf(replies);
      expect(text).toMatch(/^❔ Не понял/);
      expect(text).not.toContain(plainTextOf(INTRODUCTION.ru));
      expect(buttonsOf(replies).join(' ')).not.toMatch(/брифинг/);
    }
  });

  it('even when the director never said hello', async () => {
    assistant ??= h.assistant();
    const who = h.newChat();
    h.record(await assistant.handleText(who, 'воронка'));
    const replies = h.record(await assistant.handleText(who, 'перенеси стратегическую сессию на вторник'));
    expect(buttonsOf(replies).join(' ')).not.toMatch(/брифинг/);
    expect(textOf(replies)).not.toContain(plainTextOf(INTRODUCTION.ru));
  });

  it('offers the nearest question as a button when one word is all that was not understood', async () => {
    const say = await chatInProgress();
    const replies = await say('мои задачи ёпрст');
    expect(textOf(replies)).toBe('❔ Не понял «ёпрст». Показать «мои задачи»?');
    expect(buttonsOf(replies)).toEqual(['Показать']);
  });
});
