import { describe, expect, it } from 'vitest';
import { countOf, dayInWords, dueInWords, forDay, money, timeOf } from '../../src/views/format.ts';
import { moveLine } from '../../src/views/items.ts';
import { nouns } from '../../src/views/words.ts';

describe('money, as a director reads it', () => {
  it('groups roubles by thin spaces and puts the sign after', () => {
    expect(money(1_250_000, 'RUB', 'ru')).toBe('1\u202f250\u202f000\u00a0₽');
    expect(money(500_000, 'RUB', 'ru')).toMatch(/^500\s000\s₽$/);
  });

  it('keeps kopecks only when there are any', () => {
    expect(money(1_250_000.5, 'RUB', 'ru')).toBe('1\u202f250\u202f000,5\u00a0₽');
  });

  it('shows other currencies by their sign, and English groups by commas', () => {
    expect(money(3_000, 'USD', 'ru')).toMatch(/^3\s000\s\$$/);
    expect(money(1_250_000, 'RUB', 'en')).toBe('₽1,250,000');
  });
});

describe('Russian plural forms', () => {
  it.each([
    [1, '1 задача'],
    [2, '2 задачи'],
    [3, '3 задачи'],
    [5, '5 задач'],
    [11, '11 задач'],
    [21, '21 задача'],
    [22, '22 задачи'],
    [111, '111 задач'],
  ])('%i → %s', (n, words) => {
    expect(countOf(n, nouns.task.ru, 'ru').replace(/\s/g, ' ')).toBe(words);
  });

  it('English has one and other', () => {
    expect(countOf(1, nouns.deal.en, 'en').replace(/\s/g, ' ')).toBe('1 deal');
    expect(countOf(2, nouns.deal.en, 'en').replace(/\s/g, ' ')).toBe('2 deals');
  });
});

describe('dates and times in words', () => {
  it('names the weekday and month in Russian, in the accusative after «на»', () => {
    expect(dayInWords('2026-11-25', 'ru', '2026-11-25')).toBe('среда, 25 ноября');
    expect(forDay('2026-11-25', 'ru', '2026-11-25')).toBe('на среду, 25 ноября');
    expect(forDay('2026-11-27', 'ru', '2026-11-25')).toBe('на пятницу, 27 ноября');
    expect(forDay('2026-11-23', 'ru', '2026-11-25')).toBe('на понедельник, 23 ноября');
    expect(forDay('2026-11-28', 'en', '2026-11-25')).toBe('for Saturday, 28 November');
  });

  it('adds the year only for another year', () => {
    expect(dayInWords('2027-01-04', 'ru', '2026-11-25')).toBe('понедельник, 4 января 2027');
  });

  it('shows a time in the offset it carries (the director’s), not the server’s', () => {
    expect(timeOf('2026-11-25T23:30:00+10:00', 'ru')).toBe('23:30');
    expect(timeOf('2026-11-25T13:30:00Z', 'ru', 'Asia/Vladivostok')).toBe('23:30');
    expect(timeOf('2026-11-25T14:05:00+03:00', 'en')).toBe('14:05');
  });

  it('says when something is due relative to the director’s today', () => {
    expect(dueInWords('2026-11-25T18:00:00+03:00', '2026-11-25', 'ru')).toBe('до 18:00');
    expect(dueInWords('2026-11-26T18:00:00+03:00', '2026-11-25', 'ru')).toBe('до завтра 18:00');
    expect(dueInWords('2026-12-03T10:00:00+03:00', '2026-11-25', 'ru')).toBe('до 3 декабря 10:00');
  });
});

describe('a deal that moved, in the day and week results', () => {
  // Without the marks that keep the guard off portal text.
  const line = (...args: Parameters<typeof moveLine>) => moveLine(...args).replace(/[\uE000\uE001]/g, '');
  const at = { now: '2026-11-25T18:00:00+03:00', today: '2026-11-25', timeZone: 'Europe/Moscow' };
  const move = {
    dealId: 7,
    dealTitle: 'Поставка оборудования',
    toStage: 'Подготовка документов',
    outcome: 'process' as const,
    at: '2026-11-25T11:30:00+03:00',
  };

  it('shows the stage it left and the one it reached', () => {
    expect(line({ ...move, fromStage: 'Новая' }, at, 'ru')).toBe(
      'Поставка оборудования: Новая → Подготовка документов (11:30)',
    );
  });

  it('says «перешла на стадию» when the stage it left is older than the history read, never an arrow from nothing', () => {
    expect(line(move, at, 'ru')).toBe('Поставка оборудования: перешла на стадию Подготовка документов (11:30)');
    expect(line(move, at, 'en')).toMatch(/^Поставка оборудования: moved to Подготовка документов \(/);
  });
});
