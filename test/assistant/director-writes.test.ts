// Changes said the way a director writes them: the one-line question names exactly what will be written, and
// after the tap the demo portal holds exactly that (the next read shows it).
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { plainTextOf } from '../../src/views/plain-text.ts';
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

const yes = (buttons: Button[]) => buttons.find((button) => /^Да/u.test(button.text));

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
