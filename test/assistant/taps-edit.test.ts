// Taps edit, not pile up (issue 13): the previous or next day and another pipeline replace the message tapped
// on; other buttons (a card from a list) still answer with a new message.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Button, Reply } from '../../src/views/reply.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

const who = { telegramUserId: 8001, chatId: 8001 };
const buttonsOf = (reply: Reply | undefined): Button[] => (reply?.buttons ?? []).flat();
const tap = async (button: Button) =>
  h.recordOutcome(await h.assistant().handleButton(who, encodeAction(button.action), 42));

describe('taps edit the message they were tapped on', () => {
  it('the next and previous day replace the schedule', async () => {
    const [schedule] = h.record(await h.assistant().handleText(who, 'дай расписание на среду'));
    const next = buttonsOf(schedule).find((button) => button.text.includes('Следующий день'))!;
    const outcome = await tap(next);
    expect(outcome.replies).toEqual([]);
    expect(plainTextOf(outcome.edit!.html)).toMatch(/четверг, 26 ноября/);
    const previous = buttonsOf(outcome.edit).find((button) => button.text.includes('Предыдущий день'))!;
    expect(plainTextOf((await tap(previous)).edit!.html)).toMatch(/среду, 25 ноября/);
  });

  it('another pipeline replaces the pipeline', async () => {
    const [pipeline] = h.record(await h.assistant().handleText(who, 'воронка'));
    const other = buttonsOf(pipeline).find((button) => button.text.startsWith('📊'))!;
    const outcome = await tap(other);
    expect(outcome.replies).toEqual([]);
    expect(plainTextOf(outcome.edit!.html)).toContain(other.text.replace(/^📊\s*/u, '').replace(/…$/u, ''));
  });

  it('«Ещё» turns the list into its next part; with the list gone from memory it leaves the message alone', async () => {
    const [list] = h.record(await h.assistant().handleText(who, 'задачи команды'));
    const more = buttonsOf(list).find((button) => button.action.kind === 'queryMore')!;
    const outcome = await tap(more);
    expect(outcome.replies).toEqual([]);
    expect(plainTextOf(outcome.edit!.html)).toMatch(/^✅ Задачи команды: \d+ \(с 21-й\)/u);
    const stranger = { telegramUserId: 8002, chatId: 8002 };
    const stale = h.recordOutcome(await h.assistant().handleButton(stranger, encodeAction(more.action), 43));
    expect(stale).toMatchObject({ replies: [] });
    expect(stale.edit).toBeUndefined();
    expect(stale.notice).toBeTruthy();
  });
});
