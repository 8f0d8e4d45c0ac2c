// Settings in words (issue 13): «выключи утренний брифинг», «итоги дня в 19:00», «не присылай сводку по
// вечерам» change that digest, the reply confirms it in one line with the settings button, and the change is
// stored (the settings message drawn afresh shows it).
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { Conversation } from '../../src/vocabulary/director.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

const director: Conversation = { telegramUserId: 4001, chatId: 4001 };
const say = async (text: string) => h.record(await h.assistant().handleText(director, text));
/** The settings message as a tap on «Все рассылки» shows it, from a fresh assistant (as after a restart). */
const settingsNow = async () => {
  const outcome = h.recordOutcome(
    await h.assistant().handleButton(director, encodeAction({ kind: 'digestSettings' }), 1),
  );
  return plainTextOf(outcome.edit?.html ?? '');
};
const oneLine = (replies: Reply[]) => {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  expect(plainTextOf(reply!.html).split('\n')).toHaveLength(1);
  expect(reply!.buttons?.flat().map((button) => encodeAction(button.action))).toEqual(['dg']);
  return plainTextOf(reply!.html);
};

describe('digest settings in words', () => {
  it('«присылай итоги дня в 19:00» switches the evening summary on at 19:00 and says so in one line', async () => {
    expect(oneLine(await say('присылай итоги дня в 19:00'))).toBe('🔔 Итоги дня: по будням в 19:00.');
    expect(await settingsNow()).toMatch(/🔔 Итоги дня, 19:00 — /);
  });

  it('«не присылай сводку по вечерам» switches it off and keeps its time', async () => {
    expect(oneLine(await say('не присылай сводку по вечерам'))).toMatch(/^🔕 Итоги дня: выключено/);
    expect(await settingsNow()).toContain('🔕 Итоги дня, 19:00 — выкл.');
  });

  it('«выключи утренний брифинг» turns the briefing off instead of showing it', async () => {
    expect(oneLine(await say('включи утренний брифинг'))).toBe('🔔 Утренний брифинг: по будням в 09:00.');
    expect(oneLine(await say('выключи утренний брифинг'))).toMatch(/^🔕 Утренний брифинг: выключено/);
    expect(await settingsNow()).toContain('🔕 Утренний брифинг, 09:00 — выкл.');
  });

  it('«итоги дня в 19:00» sets the time; «итоги недели» on Fridays; English works too', async () => {
    expect(oneLine(await say('итоги дня в 19:30'))).toBe('🔔 Итоги дня: по будням в 19:30.');
    expect(oneLine(await say('присылай итоги недели'))).toBe('🔔 Итоги недели: по пятницам в 17:00.');
    const english = { telegramUserId: 4002, chatId: 4002 };
    const replies = h.record(await h.assistant().handleText(english, 'turn on the morning briefing'));
    expect(plainTextOf(replies[0]!.html)).toBe('🔔 Morning briefing: on workdays at 09:00.');
  });

  it('«отключи все рассылки» switches every digest off, each keeping its time; «включи все рассылки» brings them all back', async () => {
    const other: Conversation = { telegramUserId: 4003, chatId: 4003 };
    const sayAs = async (text: string) => h.record(await h.assistant().handleText(other, text));
    await sayAs('утренний брифинг в 8:30');
    await sayAs('присылай итоги дня');
    const off = plainTextOf((await sayAs('отключи все рассылки'))[0]!.html);
    expect(off).toMatch(/^🔕 Все рассылки выключены/);
    expect(off).not.toContain('🔔');
    expect(off).toContain('Утренний брифинг, 08:30 — выкл.');
    const on = plainTextOf((await sayAs('включи все рассылки'))[0]!.html);
    expect(on).toMatch(/^🔔 Все рассылки включены/);
    expect(on).not.toContain('выкл.');
    expect(on).toContain('🔔 Утренний брифинг, 08:30');
    expect(plainTextOf((await sayAs('не присылай больше никаких рассылок'))[0]!.html)).toMatch(/^🔕 Все рассылки/);
  });
});
