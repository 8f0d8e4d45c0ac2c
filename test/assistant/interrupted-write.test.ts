// A write cut short by a crash stays 'executing'. After the restart, a tap on its question gets one honest
// sentence instead of silence, and where the portal can tell (a task or deal with that exact title, created
// since the question) it says which way it went.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

/** Asks, then "crashes" in the middle of the write: the proposal is left executing. */
async function askThenCrash(phrase: string) {
  const who = h.newChat();
  const [question] = h.record(await h.assistant().handleText(who, phrase));
  const yes = encodeAction(question!.buttons![0]![0]!.action);
  const db = await openDatabase(h.databasePath);
  await db.run(`UPDATE proposals SET status = 'executing' WHERE id = ?`, [yes.slice(2)]);
  await db.close();
  h.clock.now = new Date(h.clock.now.getTime() + 60_000);
  return { who, yes, restarted: h.assistant() };
}

describe('a tap on a write a crash cut short', () => {
  it('says the task did not get there when the portal has no such task', async () => {
    const { who, yes, restarted } = await askThenCrash('создай задачу сверить акты с поставщиком на пятницу');
    const outcome = h.recordOutcome(await restarted.handleButton(who, yes, 5));
    expect(plainTextOf(outcome.edit!.html)).toBe(
      'Это не успело выполниться до перезапуска: задачи «Сверить акты с поставщиком» в Битрикс24 нет. Напишите просьбу ещё раз.',
    );
    // The next tap reads the same sentence; nothing is written.
    const again = await restarted.handleButton(who, yes, 5);
    expect(plainTextOf(again.edit!.html)).toBe(plainTextOf(outcome.edit!.html));
    expect(h.portal.data.tasks.filter((task) => task.title === 'Сверить акты с поставщиком')).toHaveLength(0);
  });

  it('says the task is there when the write reached the portal before the crash', async () => {
    const { who, yes, restarted } = await askThenCrash('создай задачу обновить прайс для дилеров на пятницу');
    await h.client.call('tasks.task.add', { fields: { TITLE: 'Обновить прайс для дилеров', RESPONSIBLE_ID: 1 } });
    const outcome = h.recordOutcome(await restarted.handleButton(who, yes, 6));
    expect(plainTextOf(outcome.edit!.html)).toBe(
      'Это успело выполниться до перезапуска: задача «Обновить прайс для дилеров» есть в Битрикс24.',
    );
    expect(h.portal.data.tasks.filter((task) => task.title === 'Обновить прайс для дилеров')).toHaveLength(1);
  });

  it('for other writes says plainly it does not know', async () => {
    const deal = h.portal.data.deals.find((one) => one.STAGE_SEMANTIC_ID === 'P')!;
    const { who, yes, restarted } = await askThenCrash(`удали сделку ${deal.TITLE}`);
    const outcome = h.recordOutcome(await restarted.handleButton(who, yes, 7));
    expect(plainTextOf(outcome.edit!.html)).toBe(
      'Не знаю, успело ли это выполниться до перезапуска, — проверьте в Битрикс24.',
    );
  });
});
