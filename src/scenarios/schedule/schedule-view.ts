import { DateTime } from 'luxon';
import { dayHeading, forDay, localDateOf, timeOf, weekdayFor } from '../../views/format.ts';
import { clashLine, eventLine, taskLine } from '../../views/items.ts';
import { bullet, hintLine, listLines, opens, type Page, sections, titleText } from '../../views/lines.ts';
import {
  EARLIER_BUTTON,
  EMPTY_DAY_HINT,
  EMPTY_DAYS_HINT,
  LATER_BUTTON,
  NEXT_DAY_BUTTON,
  NO_MEETINGS,
  NO_TASKS_DUE_THAT_DAY,
  NOTHING_ON_THESE_DAYS,
  nothingOnDay,
  OVERLAP_HINT,
  PREVIOUS_DAY_BUTTON,
  SCHEDULE_HINT,
  scheduleHeadline,
  TASKS_DUE_THAT_DAY,
} from '../../views/messages-schedule.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { overdueLine } from '../tasks/tasks-view.ts';
import { shiftDay } from './day-window.ts';

type ScheduleView = Extract<ViewModel, { view: 'schedule' }>;

export function renderSchedule(view: ScheduleView, language: Language): Page {
  if (view.to && view.to > view.date) return renderDays(view, view.to, language);
  const header = `📅 ${say(language, 'Расписание', 'Schedule')} ${forDay(view.date, language, view.at.today)}`;
  const buttons = [
    [
      {
        text: PREVIOUS_DAY_BUTTON[language],
        action: { kind: 'show', request: { scenario: 'schedule', date: shiftDay(view.date, -1) }, inPlace: true },
      },
      {
        text: NEXT_DAY_BUTTON[language],
        action: { kind: 'show', request: { scenario: 'schedule', date: shiftDay(view.date, 1) }, inPlace: true },
      },
    ],
  ] satisfies Page['buttons'];
  if (view.events.length === 0 && view.tasks.length === 0) {
    const weekday = weekdayFor(view.date, language);
    return {
      lines: sections(header, nothingOnDay(weekday, language), hintLine(EMPTY_DAY_HINT[language])),
      buttons,
    };
  }
  const meetings =
    view.events.length > 0
      ? [
          `🗓 ${say(language, 'Встречи', 'Meetings')} (${view.events.length}):`,
          ...listLines(view.events, (event) => eventLine(event, language, view.links), 'meeting', language, 30),
        ]
      : [NO_MEETINGS[language]];
  const tasks =
    view.tasks.length > 0
      ? [
          `✅ ${TASKS_DUE_THAT_DAY[language]} (${view.tasks.length}):`,
          ...listLines(view.tasks, (task) => taskLine(task, view.at, language, view.links), 'task', language),
        ]
      : [NO_TASKS_DUE_THAT_DAY[language]];
  const overdue = view.tasks.filter((task) => task.overdue).length;
  const insights = [
    ...view.clashes.map((clash) => clashLine(clash, language)),
    ...(overdue > 0 ? [overdueLine(overdue, language)] : []),
  ];
  const hint = view.clashes.length > 0 ? OVERLAP_HINT[language] : SCHEDULE_HINT[language];
  return { lines: sections(header, meetings, tasks, insights, hintLine(hint)), buttons };
}

/** «что у меня на неделе»: each day with its meetings and the tasks due that day; days with nothing left out. */
function renderDays(view: ScheduleView, to: string, language: Language): Page {
  // The header says what the days hold: «📅 Встречи с 23 по 29 ноября: 15, задач со сроком: 12».
  const days = daysInWords(view.date, to, view.at.today, language);
  const header = scheduleHeadline(days, view.events.length, view.tasks.length, language);
  const span = DateTime.fromISO(to).diff(DateTime.fromISO(view.date), 'days').days + 1;
  const shifted = (days: number) => ({
    kind: 'show' as const,
    request: { scenario: 'schedule' as const, date: shiftDay(view.date, days), to: shiftDay(to, days) },
    inPlace: true,
  });
  const buttons = [
    [
      { text: EARLIER_BUTTON[language], action: shifted(-span) },
      { text: LATER_BUTTON[language], action: shifted(span) },
    ],
  ] satisfies Page['buttons'];
  const overdue = view.tasks.filter((task) => task.overdue).length;
  const insights = [
    ...view.clashes.map((clash) => clashLine(clash, language)),
    ...(overdue > 0 ? [overdueLine(overdue, language)] : []),
  ];
  if (view.events.length === 0 && view.tasks.length === 0)
    return {
      lines: sections(header, NOTHING_ON_THESE_DAYS[language], hintLine(EMPTY_DAYS_HINT[language])),
      buttons,
    };
  const hint = view.clashes.length > 0 ? OVERLAP_HINT[language] : SCHEDULE_HINT[language];
  return { lines: sections(header, ...dayParts(view, language), insights, hintLine(hint)), buttons };
}

function dayParts(view: ScheduleView, language: Language): string[][] {
  const days = new Map<string, string[]>();
  const add = (date: string, line: string) => {
    const day = date < view.date ? view.date : date;
    days.set(day, [...(days.get(day) ?? []), line]);
  };
  for (const event of view.events) add(localDateOf(event.from), bullet(`🗓 ${eventLine(event, language, view.links)}`));
  for (const task of view.tasks) {
    if (!task.deadline) continue;
    const due = `${say(language, 'до', 'due')} ${timeOf(task.deadline, language)}`;
    const title = `${task.overdue ? '⚠️ ' : ''}${titleText(task.title, language)}`;
    add(localDateOf(task.deadline), bullet(`✅ ${title} — ${due}${opens(view.links, 'task', task.id)}`));
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, lines]) => [`<b>${dayHeading(date, view.at.today, language)}</b>`, ...lines]);
}

/** «на декабрь» for a whole month, otherwise «с 23 по 29 ноября» (with the year when it is not this one). */
function daysInWords(from: string, to: string, today: string, language: Language): string {
  const locale = language === 'ru' ? 'ru' : 'en-GB';
  const [first, last] = [DateTime.fromISO(from).setLocale(locale), DateTime.fromISO(to).setLocale(locale)];
  const year = (day: DateTime) => (day.year === DateTime.fromISO(today).year ? '' : ` ${day.year}`);
  if (first.day === 1 && +last === +first.endOf('month').startOf('day'))
    return say(language, `на ${first.toFormat('LLLL')}${year(first)}`, `for ${first.toFormat('LLLL')}${year(first)}`);
  const start = first.toFormat(first.hasSame(last, 'month') ? 'd' : 'd MMMM');
  const end = `${last.toFormat('d MMMM')}${year(last)}`;
  return say(language, `с ${start} по ${end}`, `from ${start} to ${end}`);
}
