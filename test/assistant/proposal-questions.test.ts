import { describe, expect, it } from 'vitest';
import { guardText } from '../../src/present/guard.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import {
  notFoundSentence,
  proposalButtons,
  proposalOutcome,
  proposalQuestion,
} from '../../src/scenarios/writes/proposals-view.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { WriteRequest } from '../../src/vocabulary/writes.ts';

// Wednesday 25 November 2026 in Moscow.
const ru = { language: 'ru' as const, timeZone: 'Europe/Moscow', today: '2026-11-25' };
const en = { ...ru, language: 'en' as const };
const seen = (html: string) => plainTextOf(guardText(html, 'ru'));

describe('the one-line question of a write', () => {
  it('asks about a deal with its sum in Russian money format', () => {
    const write: WriteRequest = { type: 'createDeal', title: 'Поставка', amount: 500000, currency: 'RUB' };
    expect(seen(proposalQuestion(write, ru))).toBe('Создать сделку «Поставка» на 500\u202f000\u00a0₽?');
  });

  it('names the day in words and the time in the director’s zone', () => {
    const write: WriteRequest = { type: 'createTask', title: 'Подготовить отчёт', deadline: '2026-11-27T15:00:00Z' };
    expect(seen(proposalQuestion(write, ru))).toBe(
      'Создать задачу «Подготовить отчёт» на пятницу, 27 ноября, 18:00, ответственный — вы?',
    );
    const vladivostok = { ...ru, timeZone: 'Asia/Vladivostok' };
    expect(seen(proposalQuestion(write, vladivostok))).toContain('на субботу, 28 ноября, 01:00');
  });

  it('words deletions distinctly, warns that they are final, and says so on the button', () => {
    const write: WriteRequest = { type: 'deleteTask', taskId: 4, title: 'Старый отчёт' };
    expect(seen(proposalQuestion(write, ru))).toBe('🗑 Удалить задачу «Старый отчёт»? Это нельзя отменить.');
    expect(proposalButtons('abc123', write, 'ru')[0]?.map((button) => button.text)).toEqual(['Да, удалить', 'Нет']);
    const plain = proposalButtons('abc123', { type: 'createCompany', title: 'Ромашка' }, 'ru');
    expect(plain[0]?.map((button) => button.text)).toEqual(['Да', 'Нет']);
    for (const button of plain.flat()) expect(Buffer.byteLength(encodeAction(button.action))).toBeLessThanOrEqual(64);
  });

  it('keeps portal text as data: escaped, never markup', () => {
    const write: WriteRequest = { type: 'completeTask', taskId: 1, title: '<b>Счёт</b> & акт' };
    const html = guardText(proposalQuestion(write, ru), 'ru');
    expect(html).toContain('&lt;b&gt;Счёт&lt;/b&gt; &amp; акт');
    expect(html).not.toContain('<b>');
  });

  it('speaks English to an English-speaking director', () => {
    const write: WriteRequest = {
      type: 'createMeeting',
      title: 'Lunch',
      from: '2026-11-26T10:00:00+03:00',
      to: '2026-11-26T11:00:00+03:00',
    };
    expect(seen(proposalQuestion(write, en))).toMatch(
      /^Schedule the meeting “Lunch” for Thursday, 26 November, 10:00(\sam)?–11:00(\sam)?\?$/,
    );
    expect(seen(proposalOutcome(write, en))).toMatch(/^✅ Meeting “Lunch” scheduled: Thursday, 26 November/);
  });

  it('says plainly when nothing fits the name', () => {
    expect(seen(notFoundSentence('task', 'отчёт', 'ru'))).toBe(
      'Не нашёл открытой задачи «отчёт». Проверьте название и напишите ещё раз.',
    );
  });
});
