// Words that work (issue 13): every example phrase the assistant itself offers — in /help, in the line of what
// it can help with, and in the hints under its views — is understood when the director types it, in both
// languages. A phrase answered with the introduction or «I cannot help with that» fails the test.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { CAN_HELP_WITH, HELP, INTRODUCTION } from '../../src/views/messages.ts';
import type { Language } from '../../src/vocabulary/director.ts';
import { type Harness, harnessForFile } from './harness.ts';

const h = await harnessForFile();

let assistant: ReturnType<Harness['assistant']>;
const ask = async (text: string) => {
  assistant ??= h.assistant();
  const replies = h.record(await assistant.handleText(h.newChat(), text));
  return replies.map((reply) => reply.html);
};

// Quoted examples: «…» in Russian, “…” in English.
const quotedIn = (html: string) =>
  [...plainTextOf(html).matchAll(/«([^«»]+(?:«[^«»]*»[^«»]*)*)»|“([^“”]+)”/gu)].map((match) => match[1] ?? match[2]!);

// Views whose hints carry examples; each is asked so its hint lines are the ones a director really sees.
const VIEWS: Record<Language, string[]> = {
  ru: [
    'мои задачи',
    'покажи сделки',
    'воронка',
    'что у меня сегодня?',
    'дай расписание на среду',
    'итоги дня',
    'итоги недели',
    'статус команды',
    'досье Ромашка',
    'найди Ромашка',
    'подготовь к встрече с банком',
    'подготовь к встрече с Марсианами',
  ],
  en: [
    'my tasks',
    'show deals',
    'pipeline',
    'what do I have today?',
    'schedule for Wednesday',
    'day results',
    'weekly report',
    'team status',
    'dossier Romashka',
    'find Romashka',
    'prepare me for the meeting with the bank',
    'prepare me for the meeting with Martians',
  ],
};

// Quotes that name a button to tap, not words to type.
const BUTTONS = new Set(['Выполнить', 'Complete', 'Done']);

describe('every example the assistant offers is understood', () => {
  for (const language of ['ru', 'en'] as const) {
    it(`in ${language === 'ru' ? 'Russian' : 'English'}`, async () => {
      const hints: string[] = [];
      for (const view of VIEWS[language])
        for (const html of await ask(view))
          for (const line of html.split('\n')) if (line.startsWith('💡')) hints.push(...quotedIn(line));
      const examples = [...new Set([...quotedIn(HELP[language]), ...quotedIn(CAN_HELP_WITH[language]), ...hints])];
      expect(examples.length).toBeGreaterThan(15);
      const refusals = [plainTextOf(CAN_HELP_WITH[language]), plainTextOf(INTRODUCTION[language])];
      const notUnderstood: string[] = [];
      // The views asked above are understood already: only the others are tried.
      for (const example of examples.filter((quote) => !BUTTONS.has(quote) && !VIEWS[language].includes(quote))) {
        const reply = (await ask(example)).map((html) => plainTextOf(html)).join('\n');
        if (refusals.some((refusal) => reply.includes(refusal))) notUnderstood.push(example);
      }
      expect(notUnderstood).toEqual([]);
    }, 60_000);
  }
});
