import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarEvent } from '../../src/demo-portal/company.ts';
import { presentView } from '../../src/scenarios/registry.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { eventsOf, ms, openTasksOf, plain, type Stand, startStand } from './demo.ts';

let stand: Stand;
beforeAll(async () => {
  stand = await startStand();
});
afterAll(() => stand.close());

type Schedule = Extract<ViewModel, { view: 'schedule' }>;

async function schedule(date: string, timeZone: string, language: 'ru' | 'en' = 'ru') {
  const view = (await stand.scenarios.run(stand.director(timeZone, language), {
    scenario: 'schedule',
    date,
  })) as Schedule;
  expect(view.view).toBe('schedule');
  const text = plain(
    presentView(view, language)
      .map((reply) => reply.html)
      .join('\n'),
  );
  return { view, text };
}

/** A call of the director alone, straight into the demo portal's calendar. */
function addCall(name: string, start: DateTime, minutes: number, zone: string) {
  addCalendarEvent(stand.demo.data, {
    owner: 1,
    name,
    start: start.toMillis(),
    end: start.plus({ minutes }).toMillis(),
    zone,
    allDay: false,
    attendees: [],
    location: '',
    description: '',
    importance: 'normal',
    created: stand.demo.data.events.length,
  });
}

function expectedDay(date: string, timeZone: string) {
  const start = DateTime.fromISO(date, { zone: timeZone }).toMillis();
  const end = DateTime.fromISO(date, { zone: timeZone }).plus({ days: 1 }).toMillis();
  const events = eventsOf(stand.demo)
    .filter((event) => event.DT_SKIP_TIME !== 'Y')
    .filter((event) => {
      const from = Number(event.DATE_FROM_TS_UTC) * 1000;
      return from >= start && from < end;
    })
    .map((event) => Number(event.ID))
    .sort((a, b) => a - b);
  const tasks = openTasksOf(stand.demo)
    .filter((task) => task.deadline && ms(task.deadline) >= start && ms(task.deadline) < end)
    .map((task) => Number(task.id))
    .sort((a, b) => a - b);
  return { events, tasks };
}

describe('schedule for a day', () => {
  it('holds exactly the meetings and the tasks due on that Moscow day', async () => {
    const { view, text } = await schedule('2026-11-25', 'Europe/Moscow');
    const expected = expectedDay('2026-11-25', 'Europe/Moscow');
    expect(
      view.events
        .filter((event) => !event.allDay)
        .map((event) => event.id)
        .sort((a, b) => a - b),
    ).toEqual(expected.events);
    expect(view.tasks.map((task) => task.id).sort((a, b) => a - b)).toEqual(expected.tasks);
    expect(expected.events.length).toBeGreaterThan(1);
    expect(text.startsWith('📅 Расписание на среду, 25 ноября')).toBe(true);
  });

  it('names overlapping meetings in pairs', async () => {
    const { view, text } = await schedule('2026-11-25', 'Europe/Moscow');
    const timed = view.events.filter((event) => !event.allDay);
    const pairs: string[] = [];
    for (const [i, a] of timed.entries()) {
      for (const b of timed.slice(i + 1))
        if (ms(b.from) < ms(a.to) && ms(a.from) < ms(b.to)) pairs.push(`${a.title}|${b.title}`);
    }
    expect(pairs.length).toBeGreaterThan(0);
    expect(view.clashes.map((clash) => `${clash.first.title}|${clash.second.title}`)).toEqual(pairs);
    for (const pair of pairs) {
      const [first, second] = pair.split('|');
      expect(text).toContain(`⚡ Пересекаются: «${first}»`);
      expect(text).toContain(`и «${second}»`);
    }
  });

  it('puts a 23:30 meeting on the right day far east of Moscow (Vladivostok, +10)', async () => {
    const zone = 'Asia/Vladivostok';
    const late = DateTime.fromISO('2026-11-26T23:30', { zone });
    const early = DateTime.fromISO('2026-11-27T00:30', { zone });
    addCall('Поздний созвон с Токио', late, 25, zone);
    addCall('Ранний созвон с Сеулом', early, 25, zone);
    const thursday = await schedule('2026-11-26', zone);
    const friday = await schedule('2026-11-27', zone);
    expect(thursday.view.events.map((event) => event.title)).toContain('Поздний созвон с Токио');
    expect(thursday.view.events.map((event) => event.title)).not.toContain('Ранний созвон с Сеулом');
    expect(friday.view.events.map((event) => event.title)).toContain('Ранний созвон с Сеулом');
    expect(friday.view.events.map((event) => event.title)).not.toContain('Поздний созвон с Токио');
    expect(thursday.text).toContain('23:30–23:55 Поздний созвон с Токио');
    expect(friday.text).toContain('00:30–00:55 Ранний созвон с Сеулом');
    const expected = expectedDay('2026-11-26', zone);
    expect(
      thursday.view.events
        .filter((event) => !event.allDay)
        .map((event) => event.id)
        .sort((a, b) => a - b),
    ).toEqual(expected.events);
    expect(thursday.view.tasks.map((task) => task.id).sort((a, b) => a - b)).toEqual(expected.tasks);
  });

  it('keeps the evening of the day far west (Los Angeles, −8) and speaks English', async () => {
    const zone = 'America/Los_Angeles';
    const start = DateTime.fromISO('2026-11-25T23:30', { zone });
    addCall('Late call with the West Coast', start, 30, zone);
    const { view, text } = await schedule('2026-11-25', zone, 'en');
    expect(view.events.map((event) => event.title)).toContain('Late call with the West Coast');
    expect(
      view.events
        .filter((event) => !event.allDay)
        .map((event) => event.id)
        .sort((a, b) => a - b),
    ).toEqual(expectedDay('2026-11-25', zone).events);
    expect(text).toContain('📅 Schedule for Wednesday, 25 November');
    expect(text).toContain('23:30–00:00 Late call with the West Coast');
  });

  it('says so naturally when the day is empty', async () => {
    const { view, text } = await schedule('2027-06-09', 'Europe/Moscow');
    expect(view.events).toEqual([]);
    expect(view.tasks).toEqual([]);
    expect(text).toContain('На среду встреч и задач нет.');
  });
});
