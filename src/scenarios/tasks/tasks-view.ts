import { plural } from '../../views/format.ts';
import { taskLine } from '../../views/items.ts';
import { buttonLabel, hintLine, listLimit, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import {
  DONE_BUTTON,
  NO_OPEN_TASKS,
  NO_TASKS_HINT,
  TASKS_DONE_HINT,
  TASKS_HINT,
  YOUR_TASKS,
} from '../../views/messages-tasks.ts';
import type { Button } from '../../views/reply.ts';
import { count, nouns } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { Listed, Moment, TaskItem, ViewModel } from '../../vocabulary/view-models.ts';
import { moreButton } from '../questions/query-view.ts';

/** «⚠️ 3 задачи просрочены». */
export const overdueLine = (n: number, language: Language): string =>
  `⚠️ ${count(n, 'task', language)} ${plural(n, nouns.overdue[language], language)}`;

/** The overdue tasks under their count, the first ten; nothing when none is overdue. */
export function overdueSection(
  overdue: Listed<TaskItem>,
  at: Moment,
  language: Language,
  links?: RecordLinks,
): string[] | undefined {
  const total = totalOf(overdue);
  if (total === 0) return undefined;
  return [
    `${overdueLine(total, language)}:`,
    ...listLines(overdue, (task) => taskLine(task, at, language, links), 'task', language, 10),
  ];
}

/** The hint under overdue tasks: what the director can do about them. */
export const overdueHint = (language: Language): string => TASKS_HINT[language];

/** «Выполнить» under the first tasks: each proposes the completion, carried by the task's id. */
export function completeButtons(tasks: TaskItem[], language: Language, limit = 5): Button[][] {
  return tasks.slice(0, limit).map((task) => [
    {
      text: buttonLabel(DONE_BUTTON[language], task.title),
      action: { kind: 'propose', write: { type: 'completeTask', taskId: task.id, title: task.title } },
    },
  ]);
}

export function renderTasks(view: Extract<ViewModel, { view: 'tasks' }>, language: Language): Page {
  const total = totalOf(view.tasks);
  if (total === 0) {
    return {
      lines: sections(`✅ ${NO_OPEN_TASKS[language]}`, hintLine(NO_TASKS_HINT[language])),
    };
  }
  return {
    lines: sections(
      `✅ ${YOUR_TASKS[language]}: ${total}`,
      view.overdue > 0 ? overdueLine(view.overdue, language) : undefined,
      listLines(view.tasks, (task) => taskLine(task, view.at, language, view.links), 'task', language),
      hintLine(TASKS_DONE_HINT[language]),
    ),
    buttons: [
      ...completeButtons(view.tasks.items, language),
      ...moreButton(total - Math.min(view.tasks.items.length, listLimit), language),
    ],
  };
}
