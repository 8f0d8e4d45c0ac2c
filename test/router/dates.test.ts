import { describe, expect, it } from 'vitest';
import { findDays, findTimes, localDateTime, parseDay } from '../../src/understanding/router/dates.ts';

const moscow = 'Europe/Moscow';
const vladivostok = 'Asia/Vladivostok';
const at = (iso: string) => new Date(iso);

describe('the director’s day', () => {
  it('turns over at local midnight in Moscow', () => {
    expect(parseDay('сегодня', at('2026-11-25T20:59:00Z'), moscow)).toBe('2026-11-25');
    expect(parseDay('сегодня', at('2026-11-25T21:01:00Z'), moscow)).toBe('2026-11-26');
    expect(parseDay('завтра', at('2026-11-25T20:59:00Z'), moscow)).toBe('2026-11-26');
    expect(parseDay('завтра', at('2026-11-25T21:01:00Z'), moscow)).toBe('2026-11-27');
  });

  it('turns over at local midnight in Vladivostok, ten hours ahead of UTC', () => {
    expect(parseDay('сегодня', at('2026-11-25T13:59:00Z'), vladivostok)).toBe('2026-11-25');
    expect(parseDay('сегодня', at('2026-11-25T14:01:00Z'), vladivostok)).toBe('2026-11-26');
    expect(parseDay('вчера', at('2026-11-25T14:01:00Z'), vladivostok)).toBe('2026-11-25');
  });

  it('reads the same instant as different days in the two zones', () => {
    // 18:30 UTC: Wednesday 21:30 in Moscow, Thursday 04:30 in Vladivostok.
    const wednesdayEvening = at('2026-11-25T18:30:00Z');
    expect(parseDay('сегодня', wednesdayEvening, moscow)).toBe('2026-11-25');
    expect(parseDay('сегодня', wednesdayEvening, vladivostok)).toBe('2026-11-26');
    expect(parseDay('послезавтра', wednesdayEvening, vladivostok)).toBe('2026-11-28');
    // chrono-node gets the zone's offset, so its relative days follow the local day too.
    expect(parseDay('через 2 дня', wednesdayEvening, moscow)).toBe('2026-11-27');
    expect(parseDay('через 2 дня', wednesdayEvening, vladivostok)).toBe('2026-11-28');
  });

  it('writes a local date and time with the offset that day has in that zone', () => {
    expect(localDateTime('2026-11-27', '18:00', moscow)).toBe('2026-11-27T18:00:00+03:00');
    expect(localDateTime('2026-11-27', '18:00', vladivostok)).toBe('2026-11-27T18:00:00+10:00');
    expect(localDateTime('2026-03-28', '18:00', 'Europe/Berlin')).toBe('2026-03-28T18:00:00+01:00');
    expect(localDateTime('2026-03-29', '18:00', 'Europe/Berlin')).toBe('2026-03-29T18:00:00+02:00');
  });
});

describe('weekdays', () => {
  const wednesday = at('2026-11-25T09:30:00Z');
  it('«в среду» on a Wednesday is today: the coming one, today included', () => {
    expect(parseDay('в среду', wednesday, moscow)).toBe('2026-11-25');
    expect(parseDay('на среду', wednesday, moscow)).toBe('2026-11-25');
  });

  it('the same words late on Wednesday UTC are next week in Vladivostok, where it is Thursday', () => {
    expect(parseDay('на среду', at('2026-11-25T22:30:00Z'), vladivostok)).toBe('2026-12-02');
    expect(parseDay('в четверг', at('2026-11-25T22:30:00Z'), vladivostok)).toBe('2026-11-26');
  });

  it('reads every case ending and the English names', () => {
    expect(parseDay('в пятницу', wednesday, moscow)).toBe('2026-11-27');
    expect(parseDay('до пятницы', wednesday, moscow)).toBe('2026-11-27');
    expect(parseDay('к понедельнику', wednesday, moscow)).toBe('2026-11-30');
    expect(parseDay('во вторник', wednesday, moscow)).toBe('2026-12-01');
    expect(parseDay('в субботу', wednesday, moscow)).toBe('2026-11-28');
    expect(parseDay('в воскресенье', wednesday, moscow)).toBe('2026-11-29');
    expect(parseDay('on Friday', wednesday, moscow)).toBe('2026-11-27');
  });

  it('«следующую»/«прошлую» mean next week’s and the last one', () => {
    expect(parseDay('в следующую среду', wednesday, moscow)).toBe('2026-12-02');
    expect(parseDay('в следующую пятницу', wednesday, moscow)).toBe('2026-12-04');
    expect(parseDay('в прошлую пятницу', wednesday, moscow)).toBe('2026-11-20');
    expect(parseDay('next monday', wednesday, moscow)).toBe('2026-11-30');
  });
});

describe('next week, dates with a month', () => {
  it('«на следующей неделе» is Monday of next week, even on a Sunday', () => {
    expect(parseDay('на следующей неделе', at('2026-11-25T09:30:00Z'), moscow)).toBe('2026-11-30');
    expect(parseDay('на следующей неделе', at('2026-11-29T17:00:00Z'), moscow)).toBe('2026-11-30');
    expect(parseDay('next week', at('2026-11-29T17:00:00Z'), moscow)).toBe('2026-11-30');
    // Sunday 22:00 UTC is already Monday in Vladivostok: next week starts a week later there.
    expect(parseDay('на следующей неделе', at('2026-11-29T22:00:00Z'), vladivostok)).toBe('2026-12-07');
  });

  it('reads DD.MM, which chrono misses, as the closest such date', () => {
    const now = at('2026-11-25T09:30:00Z');
    expect(parseDay('15.11', now, moscow)).toBe('2026-11-15');
    expect(parseDay('на 1.12', now, moscow)).toBe('2026-12-01');
    expect(parseDay('10.01', now, moscow)).toBe('2027-01-10');
    expect(parseDay('15.11.2027', now, moscow)).toBe('2027-11-15');
    expect(parseDay('31.02', now, moscow)).toBeUndefined();
    expect(parseDay('в 15.30', now, moscow)).toBeUndefined();
  });

  it('reads month names through chrono', () => {
    const now = at('2026-11-25T09:30:00Z');
    expect(parseDay('11 марта', now, moscow)).toBe('2027-03-11');
    expect(parseDay('3 декабря', now, moscow)).toBe('2026-12-03');
    expect(parseDay('20 ноября', now, moscow)).toBe('2026-11-20');
    expect(parseDay('March 11', now, moscow)).toBe('2027-03-11');
  });

  it('finds every day in order with its preposition, so it can be cut out of a title', () => {
    const text = 'перенеси со среды на пятницу';
    const days = findDays(text, at('2026-11-25T09:30:00Z'), moscow);
    expect(days.map((day) => day.date)).toEqual(['2026-11-25', '2026-11-27']);
    expect(text.slice(days[1]!.start, days[1]!.end)).toBe('на пятницу');
  });

  it('finds no day in a message without one', () => {
    expect(parseDay('мои задачи', at('2026-11-25T09:30:00Z'), moscow)).toBeUndefined();
    expect(parseDay('создай контакт Иван +7 999 123-45-67', at('2026-11-25T09:30:00Z'), moscow)).toBeUndefined();
  });
});

describe('times of day', () => {
  const times = (text: string) => findTimes(text).map((found) => found.time);
  it('reads «в 14:00», «в 9», «в 15.30» and English forms', () => {
    expect(times('в 14:00')).toEqual(['14:00']);
    expect(times('в 9')).toEqual(['09:00']);
    expect(times('в 15.30')).toEqual(['15:30']);
    expect(times('в 9 вечера')).toEqual(['21:00']);
    expect(times('at 3pm')).toEqual(['15:00']);
    expect(times('at 11:30 am')).toEqual(['11:30']);
  });

  it('reads a bare small hour as the afternoon of a working day', () => {
    expect(times('в 3')).toEqual(['15:00']);
    expect(times('в 3 утра')).toEqual(['03:00']);
  });

  it('keeps the preposition, so a move can tell source from target', () => {
    expect(findTimes('с 14:00 на 16:00').map((found) => [found.time, found.preposition])).toEqual([
      ['14:00', 'с'],
      ['16:00', 'на'],
    ]);
  });

  it('does not take sums, spans or years for times', () => {
    expect(times('сделка на 500 000 ₽')).toEqual([]);
    expect(times('отпуск на 3 дня')).toEqual([]);
    expect(times('в 2026 году')).toEqual([]);
    expect(times('в 2 раза больше')).toEqual([]);
  });
});
