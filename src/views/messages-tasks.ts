// The tasks' fixed words and sentences, in Russian and English (the messages table's own file).
import type { Texts } from './messages.ts';

export const TASKS_HINT: Texts = {
  ru: 'Могу отметить задачу выполненной или поставить новую.',
  en: 'I can mark a task done or create a new one.',
};

export const DONE_BUTTON: Texts = { ru: '✔️ Выполнить: ', en: '✔️ Done: ' };

export const NO_OPEN_TASKS: Texts = { ru: 'Открытых задач нет.', en: 'No open tasks.' };

export const NO_TASKS_HINT: Texts = {
  ru: 'Могу создать задачу: скажите, что и к какому сроку.',
  en: 'I can create a task: tell me what and by when.',
};

export const YOUR_TASKS: Texts = { ru: 'Ваши задачи', en: 'Your tasks' };

export const TASKS_DONE_HINT: Texts = {
  ru: 'Нажмите «Выполнить», чтобы закрыть задачу, или попросите создать новую.',
  en: 'Tap “Done” to close a task, or ask me to create a new one.',
};
