// The writes' fixed sentences, in Russian and English (the messages table's own file): the one question a write
// is confirmed with, the line it turns into after the tap, and the questions over records to pick from. Names
// arrive quoted and escaped.
import type { DateTime } from 'luxon';
import type { Language } from '../vocabulary/director.ts';
import type { LocalDate } from '../vocabulary/requests.ts';
import type { AbsenceReason } from '../vocabulary/view-models.ts';
import type { CrmLink } from '../vocabulary/writes.ts';
import { dateInWords } from './format.ts';
import { portalText, quoted } from './lines.ts';
import type { Texts } from './messages.ts';

export const YES: Texts = { ru: 'Да', en: 'Yes' };
/** A deletion's «yes» names what it does. */
export const YES_DELETE: Texts = { ru: 'Да, удалить', en: 'Yes, delete' };
export const NO: Texts = { ru: 'Нет', en: 'No' };
export const AND: Texts = { ru: 'и', en: 'and' };

const IRREVERSIBLE: Texts = { ru: 'Это нельзя отменить.', en: 'This cannot be undone.' };

export const deleteTaskQuestion = (title: string, language: Language): string =>
  language === 'ru'
    ? `🗑 Удалить задачу ${title}? ${IRREVERSIBLE.ru}`
    : `🗑 Delete the task ${title}? ${IRREVERSIBLE.en}`;

export const deleteDealQuestion = (title: string, language: Language): string =>
  language === 'ru'
    ? `🗑 Удалить сделку ${title}? ${IRREVERSIBLE.ru}`
    : `🗑 Delete the deal ${title}? ${IRREVERSIBLE.en}`;

export const deleteMeetingQuestion = (title: string, language: Language): string =>
  language === 'ru'
    ? `🗑 Удалить встречу ${title} из календаря? ${IRREVERSIBLE.ru}`
    : `🗑 Delete the meeting ${title} from the calendar? ${IRREVERSIBLE.en}`;

/** The record a comment goes on, after «к» / «the». */
const COMMENTED: Record<'deal' | 'contact' | 'company', Texts> = {
  deal: { ru: 'сделке', en: 'deal' },
  contact: { ru: 'контакту', en: 'contact' },
  company: { ru: 'компании', en: 'company' },
};

export const addCommentQuestion = (
  entity: keyof typeof COMMENTED,
  title: string,
  text: string,
  language: Language,
): string =>
  language === 'ru'
    ? `Добавить к ${COMMENTED[entity].ru} ${title} комментарий ${text}?`
    : `Add the comment ${text} to the ${COMMENTED[entity].en} ${title}?`;

export const commentAdded = (entity: keyof typeof COMMENTED, title: string, language: Language): string =>
  language === 'ru'
    ? `✅ Комментарий к ${COMMENTED[entity].ru} ${title} добавлен.`
    : `✅ Comment added to the ${COMMENTED[entity].en} ${title}.`;

/** «компании «Ромашка»» after «с привязкой к», «the company “Romashka”» after «linked to». */
export const LINK_WORDS: Record<CrmLink['kind'], Texts> = {
  deal: { ru: 'сделке', en: 'the deal' },
  company: { ru: 'компании', en: 'the company' },
  contact: { ru: 'контакту', en: 'the contact' },
};

/** «, клиент — компания «Ромашка»»: who the new deal is with. */
export const clientIs = (kind: CrmLink['kind'], title: string, language: Language): string => {
  const contact = kind === 'contact';
  return language === 'ru'
    ? `, клиент — ${contact ? 'контакт' : 'компания'} ${title}`
    : `, client: ${contact ? 'the contact' : 'the company'} ${title}`;
};

/** `sum` and `client` are empty when not said. */
export const createDealQuestion = (title: string, sum: string, client: string, language: Language): string =>
  language === 'ru'
    ? `Создать сделку ${title}${sum ? ` на ${sum}` : ''}${client}?`
    : `Create the deal ${title}${sum ? ` for ${sum}` : ''}${client}?`;

export const MOVE_TASK_TO_WHEN: Texts = { ru: 'На какой срок перенести задачу?', en: 'To when should the task move?' };

/** «Время «суббота, 28 ноября, 15:00» уже прошло. На какой день и время назначить встречу?» */
export const meetingTimePassed = (when: string, moved: boolean, language: Language): string =>
  language === 'ru'
    ? `Время ${when} уже прошло. На какой день и время ${moved ? 'перенести' : 'назначить'} встречу?`
    : `${when} has already passed. To which day and time should I ${moved ? 'move' : 'schedule'} the meeting?`;

export const WHICH_STAGE: Texts = { ru: 'На какой этап перевести сделку?', en: 'Which stage should the deal move to?' };
export const WHICH_MEETING_TO_DELETE: Texts = {
  ru: 'Какую встречу удалить? Подходят несколько:',
  en: 'Which meeting to delete? Several match:',
};
export const WHICH_MEETING_TO_MOVE: Texts = {
  ru: 'Какую встречу перенести? Подходят несколько:',
  en: 'Which meeting to move? Several match:',
};

export const whichContact = (what: string, forComment: boolean, language: Language): string =>
  language === 'ru'
    ? `${forComment ? 'Какому контакту добавить комментарий?' : 'Какой контакт?'} Нашлось несколько по ${what}:`
    : `Which contact? Several match ${what}:`;

export const whichCompany = (what: string, forComment: boolean, language: Language): string =>
  language === 'ru'
    ? `${forComment ? 'Какой компании добавить комментарий?' : 'Какая компания?'} Нашлось несколько по ${what}:`
    : `Which company? Several match ${what}:`;

/** What was looked for and not found, after «Не нашёл» / «I could not find». */
const NOT_FOUND = {
  task: { ru: 'открытой задачи', en: 'an open task' },
  deal: { ru: 'сделки', en: 'a deal' },
  contact: { ru: 'контакта', en: 'a contact' },
  company: { ru: 'компании', en: 'a company' },
  meeting: { ru: 'встречи', en: 'a meeting' },
  person: { ru: 'сотрудника', en: 'a colleague' },
  stage: { ru: 'этапа', en: 'a stage' },
  time: { ru: 'свободного времени для встречи', en: 'a free time for the meeting' },
  deadline: { ru: 'срока', en: 'a deadline' },
} satisfies Record<string, Texts>;

/** Nothing fits the name: one plain sentence. */
export const nothingFitsName = (subject: keyof typeof NOT_FOUND, what: string, language: Language): string =>
  language === 'ru'
    ? `Не нашёл ${NOT_FOUND[subject].ru} ${what}. Проверьте название и напишите ещё раз.`
    : `I could not find ${NOT_FOUND[subject].en} matching ${what}. Please check the name and try again.`;

/** A tap on a question whose write a restart cut short, when the portal cannot tell. */
export const UNKNOWN_IF_LANDED: Texts = {
  ru: 'Не знаю, успело ли это выполниться до перезапуска, — проверьте в Битрикс24.',
  en: 'I do not know whether this went through before the restart; please check in Bitrix24.',
};

export const withAttendees = (list: string, language: Language): string =>
  language === 'ru' ? `, участники — ${list}` : `, with ${list}`;

export const linkedToRecords = (list: string, language: Language): string =>
  language === 'ru' ? `, с привязкой к ${list}` : `, linked to ${list}`;

export const completeTaskQuestion = (title: string, language: Language): string =>
  language === 'ru' ? `Отметить задачу ${title} выполненной?` : `Mark the task ${title} as done?`;

export const moveTaskQuestion = (title: string, deadline: string, language: Language): string =>
  language === 'ru'
    ? `Перенести срок задачи ${title} ${deadline}?`
    : `Move the deadline of the task ${title} ${deadline}?`;

export const moveDealQuestion = (title: string, stageName: string, language: Language): string =>
  language === 'ru'
    ? `Перевести сделку ${title} на этап ${stageName}?`
    : `Move the deal ${title} to the stage ${stageName}?`;

export const createMeetingQuestion = (title: string, when: string, attendees: string, language: Language): string =>
  language === 'ru'
    ? `Назначить встречу ${title} ${when}${attendees}?`
    : `Schedule the meeting ${title} ${when}${attendees}?`;

export const moveMeetingQuestion = (title: string, when: string, day: string, language: Language): string =>
  language === 'ru' ? `Перенести встречу ${title} ${when}?` : `Move the meeting ${title} to ${day}?`;

export const createCompanyQuestion = (title: string, language: Language): string =>
  language === 'ru' ? `Создать компанию ${title}?` : `Create the company ${title}?`;

export const responsibleIs = (responsibleName: string, language: Language): string =>
  language === 'ru' ? `, ответственный — ${responsibleName}` : `, assigned to ${responsibleName}`;

export const createTaskQuestion = (
  title: string,
  when: string,
  who: string,
  about: string,
  language: Language,
): string =>
  language === 'ru'
    ? `Создать задачу ${title}${when}${who}${about}?`
    : `Create the task ${title}${when}${who}${about}?`;

export const createContactQuestion = (name: string, tail: string, language: Language): string =>
  language === 'ru' ? `Создать контакт ${name}${tail}?` : `Create the contact ${name}${tail}?`;

export const deadlineIs = (deadline: string, language: Language): string =>
  language === 'ru' ? `, срок — ${deadline}` : `, due ${deadline}`;

export const taskCreated = (title: string, when: string, language: Language): string =>
  language === 'ru' ? `✅ Задача ${title} создана${when}.` : `✅ Task ${title} created${when}.`;

export const taskCompleted = (title: string, language: Language): string =>
  language === 'ru' ? `✅ Задача ${title} выполнена.` : `✅ Task ${title} is done.`;

export const taskMoved = (title: string, deadline: string, language: Language): string =>
  language === 'ru'
    ? `✅ Срок задачи ${title} перенесён: ${deadline}.`
    : `✅ The task ${title} is now due ${deadline}.`;

export const taskDeleted = (title: string, language: Language): string =>
  language === 'ru' ? `🗑 Задача ${title} удалена.` : `🗑 Task ${title} deleted.`;

export const dealCreated = (title: string, language: Language): string =>
  language === 'ru' ? `✅ Сделка ${title} создана.` : `✅ Deal ${title} created.`;

export const dealMoved = (title: string, stageName: string, language: Language): string =>
  language === 'ru' ? `✅ Сделка ${title} переведена на этап ${stageName}.` : `✅ Deal ${title} moved to ${stageName}.`;

export const dealDeleted = (title: string, language: Language): string =>
  language === 'ru' ? `🗑 Сделка ${title} удалена.` : `🗑 Deal ${title} deleted.`;

export const meetingCreated = (title: string, when: string, attendees: string, language: Language): string =>
  language === 'ru'
    ? `✅ Встреча ${title} назначена: ${when}${attendees}.`
    : `✅ Meeting ${title} scheduled: ${when}${attendees}.`;

export const meetingMoved = (title: string, from: string, language: Language): string =>
  language === 'ru' ? `✅ Встреча ${title} перенесена: ${from}.` : `✅ Meeting ${title} moved: ${from}.`;

export const meetingDeleted = (title: string, language: Language): string =>
  language === 'ru' ? `🗑 Встреча ${title} удалена из календаря.` : `🗑 Meeting ${title} deleted.`;

export const contactCreated = (contactName: string, language: Language): string =>
  language === 'ru' ? `✅ Контакт ${contactName} создан.` : `✅ Contact ${contactName} created.`;

export const companyCreated = (title: string, language: Language): string =>
  language === 'ru' ? `✅ Компания ${title} создана.` : `✅ Company ${title} created.`;

export const deadlinePassed = (when: string, language: Language): string =>
  language === 'ru' ? `Срок ${when} уже прошёл.` : `The deadline ${when} has already passed.`;

export const whichTaskToMove = (what: string, language: Language): string =>
  language === 'ru'
    ? `Какой задаче перенести срок? Нашлось несколько по ${what}:`
    : `Which task gets the new deadline? Several match ${what}:`;

export const whichTaskToDelete = (what: string, language: Language): string =>
  language === 'ru'
    ? `Какую задачу удалить? Нашлось несколько по ${what}:`
    : `Which task to delete? Several match ${what}:`;

export const whichTaskDone = (what: string, language: Language): string =>
  language === 'ru'
    ? `Какую задачу отметить выполненной? Нашлось несколько по ${what}:`
    : `Which task is done? Several match ${what}:`;

export const byWhenQuestion = (what: string, language: Language): string =>
  language === 'ru'
    ? `К какому сроку задача ${what}? Выберите или напишите дату.`
    : `By when should ${what} be done? Pick one or type a date.`;

/** «В это время у вас «Разбор воронки»»: who is busy at the time asked and with what, then the free times. */
export function busyQuestion(
  what: string,
  busy: { name?: string; title: string } | undefined,
  language: Language,
): string {
  const ru = language === 'ru';
  if (!busy)
    return ru
      ? `В это время на встрече ${what} кто-то занят. Свободное время в этот день:`
      : `Someone is busy then for the meeting ${what}. Free times that day:`;
  const other = quoted(portalText(busy.title), language);
  const who = busy.name && portalText(busy.name);
  if (ru)
    return who
      ? `В это время ${other}, участник — ${who}. Свободное время для встречи ${what} в этот день:`
      : `В это время у вас ${other}. Свободное время для встречи ${what} в этот день:`;
  return who
    ? `At that time: ${other}, attended by ${who}. Free times for ${what} that day:`
    : `At that time you have ${other}. Free times for ${what} that day:`;
}

/** A task's deadline not said: the question says so. */
export const NO_DEADLINE: Texts = { ru: ' без срока', en: ' with no deadline' };
/** The director's own task: «ответственный — вы». */
export const YOU: Texts = { ru: 'вы', en: 'you' };

export const atCompany = (company: string, language: Language): string =>
  language === 'ru' ? `, компания ${company}` : `, at the company ${company}`;

export const whoGetsTaskQuestion = (task: string, language: Language): string =>
  language === 'ru'
    ? `Кому поручить задачу${task}? Выберите или напишите имя.`
    : `Who should get the task${task}? Pick one or type a name.`;

export const whichColleagueGetsTask = (task: string, what: string, language: Language): string =>
  language === 'ru'
    ? `Кому поставить задачу${task}? Под ${what} подходят несколько сотрудников:`
    : `Who should get the task${task}? Several colleagues match ${what}:`;

export const whichDealToDelete = (what: string, language: Language): string =>
  language === 'ru'
    ? `Какую сделку удалить? Нашлось несколько по ${what}:`
    : `Which deal to delete? Several match ${what}:`;

export const whichDealGetsComment = (what: string, language: Language): string =>
  language === 'ru'
    ? `К какой сделке добавить комментарий? Нашлось несколько по ${what}:`
    : `Which deal gets the comment? Several match ${what}:`;

export const whichDealForTask = (what: string, language: Language): string =>
  language === 'ru' ? `Какая сделка? Нашлось несколько по ${what}:` : `Which deal? Several match ${what}:`;

export const whichDealToMove = (what: string, language: Language): string =>
  language === 'ru'
    ? `Какую сделку перевести? Нашлось несколько по ${what}:`
    : `Which deal to move? Several match ${what}:`;

export const landedBeforeRestart = (what: string, title: string, language: Language): string =>
  language === 'ru'
    ? `Это успело выполниться до перезапуска: ${what} ${title} есть в Битрикс24.`
    : `This went through before the restart: the ${what} ${title} is in Bitrix24.`;

export const lostInRestart = (whatMissing: string, title: string, language: Language): string =>
  language === 'ru'
    ? `Это не успело выполниться до перезапуска: ${whatMissing} ${title} в Битрикс24 нет. Напишите просьбу ещё раз.`
    : `This did not go through before the restart: there is no ${whatMissing} ${title} in Bitrix24. Please ask again.`;

/** The deadlines offered for a new task: today, tomorrow, a day of the week, or none. */
export const DEADLINE_CHOICES: Record<
  Language,
  { today: string; tomorrow: string; none: string; by: (day: DateTime) => string }
> = {
  ru: {
    today: 'Сегодня, 18:00',
    tomorrow: 'Завтра, 18:00',
    none: 'Без срока',
    by: (day) =>
      day
        .setLocale('ru')
        .toFormat('cccc, dd.MM')
        .replace(/^./u, (letter) => letter.toUpperCase()),
  },
  en: {
    today: 'Today, 6 pm',
    tomorrow: 'Tomorrow, 6 pm',
    none: 'No deadline',
    by: (day) => day.setLocale('en').toFormat('cccc, dd.MM'),
  },
};

/** «да» with no yes/no question waiting. */
export const NOTHING_TO_CONFIRM: Texts = {
  ru: 'Сейчас нечего подтверждать: я ничего не предлагал. Напишите, что сделать или показать.',
  en: 'There is nothing to confirm right now: I have not proposed anything. Tell me what to do or show.',
};

/** «нет» with nothing waiting. */
export const NOTHING_TO_CANCEL: Texts = {
  ru: 'Хорошо, ничего не меняю.',
  en: 'All right, nothing is changed.',
};

/** «да» while a pick list waits: a yes does not say which. */
export const PICK_ABOVE: Texts = {
  ru: 'Выберите вариант кнопкой выше или напишите его.',
  en: 'Pick an option with a button above, or type it.',
};

/** «да» while a question waits for a word (what to do, which deal): the word is needed. */
export const ANSWER_ABOVE: Texts = {
  ru: 'Напишите, пожалуйста, ответ на вопрос выше.',
  en: 'Please type the answer to the question above.',
};

const AWAY_WORDS: Record<AbsenceReason, Texts> = {
  vacation: { ru: 'в отпуске', en: 'on vacation' },
  sick: { ru: 'на больничном', en: 'on sick leave' },
  trip: { ru: 'в командировке', en: 'on a business trip' },
  other: { ru: 'отсутствует', en: 'away' },
};

/** «⚠️ Екатерина Васильева в отпуске до 11 декабря.»: under a task's question, when its person is away. */
export const awayLine = (name: string, reason: AbsenceReason, until: LocalDate, language: Language): string =>
  language === 'ru'
    ? `⚠️ ${portalText(name)} ${AWAY_WORDS[reason].ru} до ${dateInWords(until, language)}.`
    : `⚠️ ${portalText(name)} is ${AWAY_WORDS[reason].en} until ${dateInWords(until, language)}.`;

/** «⚡ В это же время у вас «Презентация» (14:00–15:30).»: under a meeting's question, when someone is busy. */
export function busyLine(busy: { name?: string; title: string; from: string; to: string }, language: Language): string {
  const what = `${quoted(portalText(busy.title), language)} (${busy.from}–${busy.to})`;
  if (language === 'ru')
    return busy.name
      ? `⚡ В это же время ${what}, участник — ${portalText(busy.name)}.`
      : `⚡ В это же время у вас ${what}.`;
  return busy.name
    ? `⚡ At the same time: ${what}, attended by ${portalText(busy.name)}.`
    : `⚡ At the same time you have ${what}.`;
}
