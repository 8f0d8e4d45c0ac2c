// What comes back from storage is checked against the one catalogue, never trusted as it lies: a stored question
// whose write has the wrong shape (a corrupted row, an older version's) is refused politely and writes nothing,
// and a memory whose parts do not fit is forgotten part by part.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

async function storedAs(change: string, phrase: string) {
  const who = h.newChat();
  const [question] = h.record(await h.assistant().handleText(who, phrase));
  const yes = encodeAction(question!.buttons![0]![0]!.action);
  const db = await openDatabase(h.databasePath);
  await db.run(`UPDATE proposals SET write_json = ? WHERE id = ?`, [change, yes.slice(2)]);
  await db.close();
  return { who, yes };
}

describe('a stored question read back', () => {
  it.each([
    ['a task without its title', JSON.stringify({ type: 'createTask', deadline: 'tomorrow' })],
    ['a write the catalogue does not know', JSON.stringify({ type: 'dropDatabase', title: 'Сверить акты' })],
    ['a task id that is text', JSON.stringify({ type: 'completeTask', taskId: 'all', title: 'x' })],
    ['not JSON at all', '{"type": "createTask", "title": '],
  ])('with %s is refused in one sentence and nothing is written', async (_, stored) => {
    const tasksBefore = h.portal.data.tasks.length;
    const { who, yes } = await storedAs(stored, 'создай задачу сверить акты с поставщиком на пятницу');
    const outcome = h.recordOutcome(await h.assistant().handleButton(who, yes, 5));
    expect(plainTextOf(outcome.edit!.html)).toBe(
      'Этот вопрос уже не прочитать, ничего не изменено. Напишите просьбу ещё раз.',
    );
    // A second tap is no way round it either.
    const again = await h.assistant().handleButton(who, yes, 5);
    expect(again.edit?.html ?? again.notice).toBeTruthy();
    expect(h.portal.data.tasks).toHaveLength(tasksBefore);
  });

  it('with the right shape is written as before', async () => {
    const { who, yes } = await storedAs(
      JSON.stringify({ type: 'createTask', title: 'Проверить склад' }),
      'создай задачу сверить акты с поставщиком на пятницу',
    );
    const outcome = h.recordOutcome(await h.assistant().handleButton(who, yes, 5));
    expect(plainTextOf(outcome.edit!.html)).toContain('Проверить склад');
    expect(h.portal.data.tasks.filter((task) => task.title === 'Проверить склад')).toHaveLength(1);
  });
});

describe('a memory read back', () => {
  it('forgets a pick list whose option is not a write the catalogue allows, so its tap writes nothing', async () => {
    const who = h.newChat();
    h.record(await h.assistant().handleText(who, 'привет'));
    const forged = { choice: { id: 'list1', options: [{ write: { type: 'deleteDeal', dealId: 'every' } }] } };
    const db = await openDatabase(h.databasePath);
    await db.run('INSERT INTO memory_context (telegram_user_id, value_json, updated_at) VALUES (?, ?, ?)', [
      who.telegramUserId,
      JSON.stringify(forged),
      Date.now(),
    ]);
    await db.close();
    const dealsBefore = h.portal.data.deals.length;
    const tap = encodeAction({ kind: 'pick', listId: 'list1', index: 0 });
    const outcome = await h.assistant().handleButton(who, tap, 9);
    expect(outcome.replies).toEqual([]);
    expect(outcome.notice).toBeTruthy();
    expect(h.portal.data.deals).toHaveLength(dealsBefore);
  });

  it('forgets a last view that is not a request the catalogue allows, and still answers', async () => {
    const who = h.newChat();
    h.record(await h.assistant().handleText(who, 'привет'));
    const db = await openDatabase(h.databasePath);
    await db.run('INSERT INTO memory_context (telegram_user_id, value_json, updated_at) VALUES (?, ?, ?)', [
      who.telegramUserId,
      JSON.stringify({ previous: { kind: 'view', request: { scenario: 'schedule', date: 'someday' } } }),
      Date.now(),
    ]);
    await db.close();
    const replies = h.record(await h.assistant().handleText(who, 'а на завтра?'));
    expect(replies.length).toBeGreaterThan(0);
    expect(plainTextOf(replies[0]!.html)).not.toMatch(/someday/);
  });
});
