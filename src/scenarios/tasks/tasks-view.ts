import { plural } from '../../views/format.ts';
import { taskLine } from '../../views/items.ts';
import { buttonLabel, hintLine, listLines, type Page, sections, totalOf } from '../../views/lines.ts';
import type { Button } from '../../views/reply.ts';
import { count, nouns, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { Listed, Moment, TaskItem, ViewModel } from '../../vocabulary/view-models.ts';

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
export const overdueHint = (language: Language): string =>
  say(language, 'Могу отметить задачу выполненной или поставить новую.', 'I can mark a task done or create a new one.');

/** «Выполнить» under the first tasks: each proposes the completion, carried by the task's id. */
export function completeButtons(tasks: TaskItem[], language: Language, limit = 5): Button[][] {
  return tasks.slice(0, limit).map((task) => [
    {
      text: buttonLabel(say(language, '✔️ Выполнить: ', '✔️ Done: '), task.title),
      action: { kind: 'propose', write: { type: 'completeTask', taskId: task.id, title: task.title } },
    },
  ]);
}

export function renderTasks(view: Extract<ViewModel, { view: 'tasks' }>, language: Language): Page {
  const total = totalOf(view.tasks);
  if (total === 0) {
    return {
      lines: sections(
        `✅ ${say(language, 'Открытых задач нет.', 'No open tasks.')}`,
        hintLine(
          say(
            language,
            'Могу создать задачу: скажите, что и к какому сроку.',
            'I can create a task: tell me what and by when.',
          ),
        ),
      ),
    };
  }
  return {
    lines: sections(
      `✅ ${say(language, 'Ваши задачи', 'Your tasks')}: ${total}`,
      view.overdue > 0 ? overdueLine(view.overdue, language) : undefined,
      listLines(view.tasks, (task) => taskLine(task, view.at, language, view.links), 'task', language),
      hintLine(
        say(
          language,
          'Нажмите «Выполнить», чтобы закрыть задачу, или попросите создать новую.',
          'Tap “Done” to close a task, or ask me to create a new one.',
        ),
      ),
    ),
    buttons: completeButtons(view.tasks.items, language),
  };
}
