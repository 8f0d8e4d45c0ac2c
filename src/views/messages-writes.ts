// The writes' fixed sentences, in Russian and English (the messages table's own file).
import type { Language } from '../vocabulary/director.ts';

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

export const someoneBusyThen = (what: string, language: Language): string =>
  language === 'ru'
    ? `В это время на встрече ${what} кто-то занят. Свободное время в этот день:`
    : `Someone is busy then for the meeting ${what}. Free times that day:`;

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
