// A day or a sum that cannot be gets one line naming it and a question, never a silent substitute
// (today's schedule for «31 февраля», tomorrow for «30 февраля», 5 ₽ for «-5 рублей»).
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

const snapshot = () => JSON.stringify([h.portal.data.tasks, h.portal.data.deals, h.portal.data.events]);

describe('impossible input', () => {
  it.each([
    ['расписание на 31 февраля', '31 февраля'],
    ['создай встречу 30 февраля в 10:00', '30 февраля'],
    ['создай сделку Поставка на -5 рублей', '-5 рублей'],
    ['покажи расписание на 31.04', '31.04'],
  ])('«%s» gets one line naming «%s» and a question, and nothing is written', async (phrase, what) => {
    const before = snapshot();
    const replies = h.record(await h.assistant().handleText(h.newChat(), phrase));
    expect(replies).toHaveLength(1);
    const text = plainTextOf(replies[0]!.html);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain(`«${what}»`);
    expect(text).toMatch(/\?$/);
    expect(replies[0]!.buttons ?? []).toEqual([]);
    expect(snapshot()).toBe(before);
  });

  it('a real date and a plain sum still work as before', async () => {
    const [schedule] = h.record(await h.assistant().handleText(h.newChat(), 'расписание на 28 февраля'));
    expect(plainTextOf(schedule!.html)).not.toMatch(/Не понял/);
    const [question] = h.record(await h.assistant().handleText(h.newChat(), 'создай сделку Поставка на 500 рублей'));
    expect(plainTextOf(question!.html)).toMatch(/500\s₽/);
  });
});
