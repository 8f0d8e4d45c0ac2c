// What a new task lacks and is asked for with buttons: the person, when the director gives it away without
// naming anyone (their own people), and the date, when it goes to someone else without one.
import { DateTime } from 'luxon';
import { DEADLINE_CHOICES } from '../../../views/messages-writes.ts';
import type { Director } from '../../../vocabulary/director.ts';
import type { NameDirectory, Person } from '../../names.ts';
import { withSubdepartments } from '../../reports/team-status.ts';
import { isoOf } from '../../schedule/day-window.ts';

/** One way to fill a part of the write: its button text (when there is a choice) and what it sets. */
export interface Alternative<T> {
  text: string;
  value: T;
}

const DEADLINE_HOUR = 18;

/**
 * The people the director gives work to directly: those in the departments the director heads (not the ones
 * below) and the heads of the departments right below. A director heading nothing: their own department.
 */
export async function directReports(names: NameDirectory, me: number): Promise<Person[]> {
  const [departments, profiles] = await Promise.all([names.departments(), names.profiles()]);
  const headed = new Set(departments.filter((department) => department.headId === me).map((d) => d.id));
  const own = profiles.find((profile) => profile.ID === me)?.UF_DEPARTMENT ?? [];
  const scope = headed.size > 0 ? headed : withSubdepartments(own, []);
  const heads = departments
    .filter((department) => department.parentId !== undefined && scope.has(department.parentId))
    .flatMap((department) => (department.headId === undefined ? [] : [department.headId]));
  const ids = new Set([
    ...profiles.filter((profile) => (profile.UF_DEPARTMENT ?? []).some((id) => scope.has(id))).map((p) => p.ID),
    ...heads,
  ]);
  ids.delete(me);
  return [...(await names.users([...ids])).values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

/** Today (while there is time), tomorrow, this Friday, next Monday, each by the end of the working day; or none. */
export function deadlineChoices(now: Date, director: Director): Alternative<string | undefined>[] {
  const words = DEADLINE_CHOICES[director.language];
  const local = DateTime.fromJSDate(now, { zone: director.timeZone });
  const today = local.startOf('day');
  const friday = today.plus({ days: (5 - today.weekday + 7) % 7 });
  const monday = today.plus({ days: 8 - today.weekday });
  const days: [DateTime, string][] = [
    ...(local.hour < DEADLINE_HOUR - 1 ? [[today, words.today] as [DateTime, string]] : []),
    [today.plus({ days: 1 }), words.tomorrow],
    ...[friday, monday]
      .filter((day) => day > today.plus({ days: 1 }))
      .map((day): [DateTime, string] => [day, words.by(day)]),
  ];
  return [
    ...days
      .sort(([a], [b]) => a.toMillis() - b.toMillis())
      .map(([day, text]) => ({ text, value: isoOf(day.set({ hour: DEADLINE_HOUR })) })),
    { text: words.none, value: undefined },
  ];
}
