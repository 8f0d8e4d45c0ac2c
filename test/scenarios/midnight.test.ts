import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { presentView } from '../../src/scenarios/registry.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { ms, openTasksOf, plain, startStand } from './demo.ts';

// Around midnight the director's today is not the server's (UTC) nor the portal's (Moscow) today.
describe.each([
  ['Asia/Vladivostok', '2026-11-25T14:30:00Z', '2026-11-26', 'четверг, 26 ноября'],
  ['America/Los_Angeles', '2026-11-26T07:50:00Z', '2026-11-25', 'среда, 25 ноября'],
])('the briefing in %s at %s', (zone, instant, today, words) => {
  it('takes the director’s own day for "today" and "overdue"', async () => {
    const now = new Date(instant);
    const stand = await startStand(now);
    try {
      const view = (await stand.scenarios.run(stand.director(zone), { scenario: 'briefing' })) as Extract<
        ViewModel,
        { view: 'briefing' }
      >;
      expect(view.at.today).toBe(today);
      const start = DateTime.fromISO(today, { zone }).toMillis();
      const end = DateTime.fromISO(today, { zone }).plus({ days: 1 }).toMillis();
      const open = openTasksOf(stand.demo);
      const overdue = open.filter((task) => task.deadline && ms(task.deadline) < now.getTime());
      const dueToday = open.filter(
        (task) => task.deadline && ms(task.deadline) >= Math.max(start, now.getTime()) && ms(task.deadline) < end,
      );
      const ids = (tasks: { id?: unknown }[]) => tasks.map((task) => Number(task.id)).sort((a, b) => a - b);
      expect(overdue.length).toBeGreaterThan(0);
      expect(ids(view.overdue.items)).toEqual(ids(overdue));
      expect(ids(view.dueToday)).toEqual(ids(dueToday));
      const events = view.events.filter((event) => !event.allDay);
      for (const event of events) expect(event.from.slice(0, 10)).toBe(today);
      const text = plain(
        presentView(view, 'ru')
          .map((reply) => reply.html)
          .join('\n'),
      );
      expect(text.startsWith(`☀️ Сводка на сегодня — ${words}`)).toBe(true);
    } finally {
      await stand.close();
    }
  });
});
