import { shiftDay } from '../scenarios/day-window.ts';
import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { forDay, weekdayFor } from './format.ts';
import { clashLine, eventLine, taskLine } from './items.ts';
import { hintLine, listLines, type Page, sections } from './lines.ts';
import { overdueLine } from './tasks-view.ts';
import { say } from './words.ts';

export function renderSchedule(view: Extract<ViewModel, { view: 'schedule' }>, language: Language): Page {
  const header = `📅 ${say(language, 'Расписание', 'Schedule')} ${forDay(view.date, language, view.at.today)}`;
  const buttons = [
    [
      {
        text: say(language, '◀️ Предыдущий день', '◀️ Previous day'),
        action: { kind: 'show', request: { scenario: 'schedule', date: shiftDay(view.date, -1) }, inPlace: true },
      },
      {
        text: say(language, 'Следующий день ▶️', 'Next day ▶️'),
        action: { kind: 'show', request: { scenario: 'schedule', date: shiftDay(view.date, 1) }, inPlace: true },
      },
    ],
  ] satisfies Page['buttons'];
  if (view.events.length === 0 && view.tasks.length === 0) {
    const weekday = weekdayFor(view.date, language);
    return {
      lines: sections(
        header,
        say(language, `На ${weekday} встреч и задач нет.`, `Nothing on ${weekday}: no meetings, no tasks due.`),
        hintLine(
          say(language, 'Могу создать встречу или задачу на этот день.', 'I can add a meeting or a task for that day.'),
        ),
      ),
      buttons,
    };
  }
  const meetings =
    view.events.length > 0
      ? [
          `🗓 ${say(language, 'Встречи', 'Meetings')} (${view.events.length}):`,
          ...listLines(view.events, (event) => eventLine(event, language, view.links), 'meeting', language, 30),
        ]
      : [say(language, 'Встреч нет.', 'No meetings.')];
  const tasks =
    view.tasks.length > 0
      ? [
          `✅ ${say(language, 'Задачи со сроком в этот день', 'Tasks due that day')} (${view.tasks.length}):`,
          ...listLines(view.tasks, (task) => taskLine(task, view.at, language, view.links), 'task', language),
        ]
      : [say(language, 'Задач со сроком в этот день нет.', 'No tasks due that day.')];
  const overdue = view.tasks.filter((task) => task.overdue).length;
  const insights = [
    ...view.clashes.map((clash) => clashLine(clash, language)),
    ...(overdue > 0 ? [overdueLine(overdue, language)] : []),
  ];
  const hint =
    view.clashes.length > 0
      ? say(language, 'Могу перенести одну из пересекающихся встреч.', 'I can move one of the overlapping meetings.')
      : say(language, 'Могу перенести встречу или добавить задачу.', 'I can move a meeting or add a task.');
  return { lines: sections(header, meetings, tasks, insights, hintLine(hint)), buttons };
}
