// The one-line questions of promise 3 («Создать сделку «Поставка» на 500 000 ₽?»), their buttons, and the
// line the question turns into after the tap. Names from the portal or the director are data: escaped and
// marked, so the guard leaves their words alone.

import { dayInWords, forDay, localDateOf, money, timeOf } from '../../views/format.ts';
import { nameQuoted, portalText, quoted } from '../../views/lines.ts';
import type { Button } from '../../views/reply.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import { type CrmLink, isDestructive, type WriteRequest } from '../../vocabulary/writes.ts';
import { planOutcome, planQuestion, whosePlan } from '../plan/plan-proposals-view.ts';
import type { LookupSubject } from './write-lookup.ts';

export interface ProposalContext {
  language: Language;
  /** The director's zone: dates and times are read in it. */
  timeZone: string;
  /** The director's local date, for «на завтра» and the year. */
  today: LocalDate;
  /** The person a new task goes to, when it is not the director. */
  responsibleName?: string;
  /** The colleagues a new meeting invites, by name. */
  attendeeNames?: string[];
}

/** «, участники — Дмитрий Попов» for a meeting that invites colleagues. */
function attendeesOf(context: ProposalContext): string {
  const names = context.attendeeNames ?? [];
  if (!names.length) return '';
  const list = names.map((name) => portalText(name)).join(', ');
  return context.language === 'ru' ? `, участники — ${list}` : `, with ${list}`;
}

type Texts = Record<Language, string>;

/** «на пятницу, 27 ноября, 18:00» / «for Friday, 27 November, 6:00 pm». */
function whenAt(iso: string, context: ProposalContext, until?: string): string {
  const day = forDay(localDateOf(iso, context.timeZone), context.language, context.today);
  const from = timeOf(iso, context.language, context.timeZone);
  const to = until ? `–${timeOf(until, context.language, context.timeZone)}` : '';
  return `${day}, ${from}${to}`;
}

/** «пятница, 27 ноября, 15:00–16:00». */
function dayAt(iso: string, context: ProposalContext, until?: string): string {
  const day = dayInWords(localDateOf(iso, context.timeZone), context.language, context.today);
  const to = until ? `–${timeOf(until, context.language, context.timeZone)}` : '';
  return `${day}, ${timeOf(iso, context.language, context.timeZone)}${to}`;
}

const entityWords: Record<'deal' | 'contact' | 'company', { ru: string; en: string }> = {
  deal: { ru: 'сделке', en: 'deal' },
  contact: { ru: 'контакту', en: 'contact' },
  company: { ru: 'компании', en: 'company' },
};

const contactName = (write: { name: string; lastName?: string }) =>
  [write.name, write.lastName].filter(Boolean).join(' ');

// «компании «Ромашка»» after «с привязкой к», «the company “Romashka”» after «linked to».
const linkWords: Record<CrmLink['kind'], Texts> = {
  deal: { ru: 'сделке', en: 'the deal' },
  company: { ru: 'компании', en: 'the company' },
  contact: { ru: 'контакту', en: 'the contact' },
};

/** «, с привязкой к сделке «…» и компании «…»»: every record the task will show on. */
function linkedTo(links: CrmLink[] | undefined, language: Language): string {
  if (!links?.length) return '';
  const named = links.map((link) => `${linkWords[link.kind][language]} ${nameQuoted(link.title, language)}`);
  const list =
    named.length > 1 ? `${named.slice(0, -1).join(', ')} ${language === 'ru' ? 'и' : 'and'} ${named.at(-1)}` : named[0];
  return language === 'ru' ? `, с привязкой к ${list}` : `, linked to ${list}`;
}

/** «, клиент — компания «Ромашка»»: who the new deal is with. */
function clientOf(client: CrmLink, language: Language): string {
  const kind = client.kind === 'contact' ? { ru: 'контакт', en: 'the contact' } : { ru: 'компания', en: 'the company' };
  return language === 'ru'
    ? `, клиент — ${kind.ru} ${nameQuoted(client.title, language)}`
    : `, client: ${kind.en} ${nameQuoted(client.title, language)}`;
}

const IRREVERSIBLE: Texts = { ru: 'Это нельзя отменить.', en: 'This cannot be undone.' };

/** The one question a write is confirmed with. Deletions say so plainly and warn that they are final. */
export function proposalQuestion(write: WriteRequest, context: ProposalContext): string {
  const { language: lang } = context;
  const q = (text: string) => quoted(portalText(text), lang);
  const ru = lang === 'ru';
  switch (write.type) {
    case 'createTask':
      return newTaskQuestion(write, context);
    case 'completeTask':
      return ru ? `Отметить задачу ${q(write.title)} выполненной?` : `Mark the task ${q(write.title)} as done?`;
    case 'moveTask':
      return ru
        ? `Перенести срок задачи ${q(write.title)} ${whenAt(write.deadline, context)}?`
        : `Move the deadline of the task ${q(write.title)} ${whenAt(write.deadline, context)}?`;
    case 'deleteTask':
      return ru
        ? `🗑 Удалить задачу ${q(write.title)}? ${IRREVERSIBLE.ru}`
        : `🗑 Delete the task ${q(write.title)}? ${IRREVERSIBLE.en}`;
    case 'createDeal':
      return newDealQuestion(write, lang);
    case 'moveDeal':
      return ru
        ? `Перевести сделку ${q(write.title)} на этап ${q(write.stageName)}?`
        : `Move the deal ${q(write.title)} to the stage ${q(write.stageName)}?`;
    case 'deleteDeal':
      return ru
        ? `🗑 Удалить сделку ${q(write.title)}? ${IRREVERSIBLE.ru}`
        : `🗑 Delete the deal ${q(write.title)}? ${IRREVERSIBLE.en}`;
    case 'addComment':
      return ru
        ? `Добавить к ${entityWords[write.entity].ru} ${q(write.entityTitle)} комментарий ${q(write.text)}?`
        : `Add the comment ${q(write.text)} to the ${entityWords[write.entity].en} ${q(write.entityTitle)}?`;
    case 'createMeeting':
      return ru
        ? `Назначить встречу ${q(write.title)} ${whenAt(write.from, context, write.to)}${attendeesOf(context)}?`
        : `Schedule the meeting ${q(write.title)} ${whenAt(write.from, context, write.to)}${attendeesOf(context)}?`;
    case 'moveMeeting':
      return ru
        ? `Перенести встречу ${q(write.title)} ${whenAt(write.from, context, write.to)}?`
        : `Move the meeting ${q(write.title)} to ${dayAt(write.from, context, write.to)}?`;
    case 'deleteMeeting':
      return ru
        ? `🗑 Удалить встречу ${q(write.title)} из календаря? ${IRREVERSIBLE.ru}`
        : `🗑 Delete the meeting ${q(write.title)} from the calendar? ${IRREVERSIBLE.en}`;
    case 'createContact':
      return newContactQuestion(write, lang);
    case 'createCompany':
      return ru ? `Создать компанию ${q(write.title)}?` : `Create the company ${q(write.title)}?`;
    case 'setPlan':
      return planQuestion(write, lang);
  }
}

type Write<T extends WriteRequest['type']> = Extract<WriteRequest, { type: T }>;

/** «Создать задачу «…» на пятницу, 27 ноября, 18:00, ответственный — …, с привязкой к …?» */
function newTaskQuestion(write: Write<'createTask'>, context: ProposalContext): string {
  const ru = context.language === 'ru';
  const title = quoted(portalText(write.title), context.language);
  // Every argument is shown: no deadline is said as such, and a task of the director's own as theirs.
  const when = write.deadline ? ` ${whenAt(write.deadline, context)}` : ru ? ' без срока' : ' with no deadline';
  const person = context.responsibleName ? portalText(context.responsibleName) : ru ? 'вы' : 'you';
  const who = ru ? `, ответственный — ${person}` : `, assigned to ${person}`;
  const about = linkedTo(write.links, context.language);
  return ru ? `Создать задачу ${title}${when}${who}${about}?` : `Create the task ${title}${when}${who}${about}?`;
}

function newDealQuestion(write: Write<'createDeal'>, language: Language): string {
  const title = quoted(portalText(write.title), language);
  const sum = write.amount === undefined ? '' : money(write.amount, write.currency ?? 'RUB', language);
  const client = write.client ? clientOf(write.client, language) : '';
  if (language === 'ru') return `Создать сделку ${title}${sum ? ` на ${sum}` : ''}${client}?`;
  return `Create the deal ${title}${sum ? ` for ${sum}` : ''}${client}?`;
}

function newContactQuestion(write: Write<'createContact'>, language: Language): string {
  const name = quoted(portalText(contactName(write)), language);
  const details = [write.phone, write.email].filter(Boolean).map((part) => portalText(part ?? ''));
  const works = write.company && nameQuoted(write.company.title, language);
  const at = works ? (language === 'ru' ? `, компания ${works}` : `, at the company ${works}`) : '';
  const tail = `${details.length ? `, ${details.join(', ')}` : ''}${at}`;
  return language === 'ru' ? `Создать контакт ${name}${tail}?` : `Create the contact ${name}${tail}?`;
}

/** [Да] [Нет] under a question; a deletion's «yes» names what it does. */
export function proposalButtons(proposalId: string, write: WriteRequest, language: Language): Button[][] {
  const destructive = isDestructive(write);
  const yes = language === 'ru' ? (destructive ? 'Да, удалить' : 'Да') : destructive ? 'Yes, delete' : 'Yes';
  const no = language === 'ru' ? 'Нет' : 'No';
  return [
    [
      { text: yes, action: { kind: 'confirm', proposalId } },
      { text: no, action: { kind: 'cancel', proposalId } },
    ],
  ];
}

/** What the question becomes once the write is done. */
export function proposalOutcome(write: WriteRequest, context: ProposalContext): string {
  const { language: lang } = context;
  const q = (text: string) => quoted(portalText(text), lang);
  const ru = lang === 'ru';
  switch (write.type) {
    case 'createTask': {
      const when = write.deadline
        ? ru
          ? `, срок — ${dayAt(write.deadline, context)}`
          : `, due ${dayAt(write.deadline, context)}`
        : '';
      return ru ? `✅ Задача ${q(write.title)} создана${when}.` : `✅ Task ${q(write.title)} created${when}.`;
    }
    case 'completeTask':
      return ru ? `✅ Задача ${q(write.title)} выполнена.` : `✅ Task ${q(write.title)} is done.`;
    case 'moveTask':
      return ru
        ? `✅ Срок задачи ${q(write.title)} перенесён: ${dayAt(write.deadline, context)}.`
        : `✅ The task ${q(write.title)} is now due ${dayAt(write.deadline, context)}.`;
    case 'deleteTask':
      return ru ? `🗑 Задача ${q(write.title)} удалена.` : `🗑 Task ${q(write.title)} deleted.`;
    case 'createDeal':
      return ru ? `✅ Сделка ${q(write.title)} создана.` : `✅ Deal ${q(write.title)} created.`;
    case 'moveDeal':
      return ru
        ? `✅ Сделка ${q(write.title)} переведена на этап ${q(write.stageName)}.`
        : `✅ Deal ${q(write.title)} moved to ${q(write.stageName)}.`;
    case 'deleteDeal':
      return ru ? `🗑 Сделка ${q(write.title)} удалена.` : `🗑 Deal ${q(write.title)} deleted.`;
    case 'addComment':
      return ru
        ? `✅ Комментарий к ${entityWords[write.entity].ru} ${q(write.entityTitle)} добавлен.`
        : `✅ Comment added to the ${entityWords[write.entity].en} ${q(write.entityTitle)}.`;
    case 'createMeeting':
      return ru
        ? `✅ Встреча ${q(write.title)} назначена: ${dayAt(write.from, context, write.to)}${attendeesOf(context)}.`
        : `✅ Meeting ${q(write.title)} scheduled: ${dayAt(write.from, context, write.to)}${attendeesOf(context)}.`;
    case 'moveMeeting':
      return ru
        ? `✅ Встреча ${q(write.title)} перенесена: ${dayAt(write.from, context, write.to)}.`
        : `✅ Meeting ${q(write.title)} moved: ${dayAt(write.from, context, write.to)}.`;
    case 'deleteMeeting':
      return ru ? `🗑 Встреча ${q(write.title)} удалена из календаря.` : `🗑 Meeting ${q(write.title)} deleted.`;
    case 'createContact':
      return ru ? `✅ Контакт ${q(contactName(write))} создан.` : `✅ Contact ${q(contactName(write))} created.`;
    case 'createCompany':
      return ru ? `✅ Компания ${q(write.title)} создана.` : `✅ Company ${q(write.title)} created.`;
    case 'setPlan':
      return planOutcome(write, lang);
  }
}

/** «Срок «суббота, 28 ноября, 18:00» уже прошёл.»: said before the choice of another one. */
export function passedDeadline(iso: string, context: ProposalContext): string {
  const when = quoted(dayAt(iso, context), context.language);
  return context.language === 'ru' ? `Срок ${when} уже прошёл.` : `The deadline ${when} has already passed.`;
}

/** «Время «суббота, 28 ноября, 15:00» уже прошло. На какой день и время назначить встречу?» */
export function passedWhen(
  write: Write<'createMeeting' | 'moveMeeting' | 'moveTask'>,
  context: ProposalContext,
): string {
  const ru = context.language === 'ru';
  if (write.type === 'moveTask')
    return `${passedDeadline(write.deadline, context)} ${ru ? 'На какой срок перенести задачу?' : 'To when should the task move?'}`;
  const when = quoted(dayAt(write.from, context), context.language);
  const moved = write.type === 'moveMeeting';
  return ru
    ? `Время ${when} уже прошло. На какой день и время ${moved ? 'перенести' : 'назначить'} встречу?`
    : `${when} has already passed. To which day and time should I ${moved ? 'move' : 'schedule'} the meeting?`;
}

/** The question over a list of records to pick from (each button is its own proposal or question). */
export function choiceQuestion(
  subject: LookupSubject,
  query: string,
  write: WriteRequest | undefined,
  language: Language,
  busy?: { name?: string; title: string },
): string {
  const ru = language === 'ru';
  const what = quoted(portalText(query), language);
  switch (subject) {
    case 'person':
      return write?.type === 'setPlan' ? whosePlan(query, language) : whoGetsTheTask(query, write, language);
    case 'stage':
      return ru ? 'На какой этап перевести сделку?' : 'Which stage should the deal move to?';
    case 'task':
      if (write?.type === 'moveTask')
        return ru
          ? `Какой задаче перенести срок? Нашлось несколько по ${what}:`
          : `Which task gets the new deadline? Several match ${what}:`;
      if (write?.type === 'deleteTask')
        return ru
          ? `Какую задачу удалить? Нашлось несколько по ${what}:`
          : `Which task to delete? Several match ${what}:`;
      return ru
        ? `Какую задачу отметить выполненной? Нашлось несколько по ${what}:`
        : `Which task is done? Several match ${what}:`;
    case 'meeting':
      if (write?.type === 'deleteMeeting')
        return ru ? `Какую встречу удалить? Подходят несколько:` : 'Which meeting to delete? Several match:';
      return ru ? 'Какую встречу перенести? Подходят несколько:' : 'Which meeting to move? Several match:';
    case 'deal':
      return whichDeal(what, write, language);
    case 'contact':
      return ru
        ? `${write?.type === 'addComment' ? 'Какому контакту добавить комментарий?' : 'Какой контакт?'} Нашлось несколько по ${what}:`
        : `Which contact? Several match ${what}:`;
    case 'company':
      return ru
        ? `${write?.type === 'addComment' ? 'Какой компании добавить комментарий?' : 'Какая компания?'} Нашлось несколько по ${what}:`
        : `Which company? Several match ${what}:`;
    case 'deadline':
      // A typed date is read as the answer too: only a few dates fit on buttons.
      return ru
        ? `К какому сроку задача ${what}? Выберите или напишите дату.`
        : `By when should ${what} be done? Pick one or type a date.`;
    case 'time':
      return busyQuestion(what, busy, language);
  }
}

/** «В это время у вас «Разбор воронки»»: who is busy at the time asked and with what, then the free times. */
function busyQuestion(what: string, busy: { name?: string; title: string } | undefined, language: Language): string {
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

/** Whom a task goes to: nobody was named, or several colleagues fit the name. */
function whoGetsTheTask(query: string, write: WriteRequest | undefined, language: Language): string {
  const ru = language === 'ru';
  const task = write?.type === 'createTask' ? ` ${quoted(portalText(write.title), language)}` : '';
  // A typed name is read as the answer too: only a few people fit on buttons.
  if (!query)
    return ru
      ? `Кому поручить задачу${task}? Выберите или напишите имя.`
      : `Who should get the task${task}? Pick one or type a name.`;
  const what = quoted(portalText(query), language);
  return ru
    ? `Кому поставить задачу${task}? Под ${what} подходят несколько сотрудников:`
    : `Who should get the task${task}? Several colleagues match ${what}:`;
}

/** Several deals fit: the question says what happens to the one picked. */
function whichDeal(what: string, write: WriteRequest | undefined, language: Language): string {
  const ru = language === 'ru';
  if (write?.type === 'deleteDeal')
    return ru ? `Какую сделку удалить? Нашлось несколько по ${what}:` : `Which deal to delete? Several match ${what}:`;
  if (write?.type === 'addComment')
    return ru
      ? `К какой сделке добавить комментарий? Нашлось несколько по ${what}:`
      : `Which deal gets the comment? Several match ${what}:`;
  if (write?.type === 'createTask')
    return ru ? `Какая сделка? Нашлось несколько по ${what}:` : `Which deal? Several match ${what}:`;
  return ru ? `Какую сделку перевести? Нашлось несколько по ${what}:` : `Which deal to move? Several match ${what}:`;
}

const notFoundWords: Record<LookupSubject, Texts> = {
  task: { ru: 'открытой задачи', en: 'an open task' },
  deal: { ru: 'сделки', en: 'a deal' },
  contact: { ru: 'контакта', en: 'a contact' },
  company: { ru: 'компании', en: 'a company' },
  meeting: { ru: 'встречи', en: 'a meeting' },
  person: { ru: 'сотрудника', en: 'a colleague' },
  stage: { ru: 'этапа', en: 'a stage' },
  time: { ru: 'свободного времени для встречи', en: 'a free time for the meeting' },
  deadline: { ru: 'срока', en: 'a deadline' },
};

/** Nothing fits the name: one plain sentence. */
export function notFoundSentence(subject: LookupSubject, query: string, language: Language): string {
  const what = quoted(portalText(query), language);
  return language === 'ru'
    ? `Не нашёл ${notFoundWords[subject].ru} ${what}. Проверьте название и напишите ещё раз.`
    : `I could not find ${notFoundWords[subject].en} matching ${what}. Please check the name and try again.`;
}

/** A tap on a question whose write a restart cut short: one honest sentence, and what the portal shows if it can. */
export function interruptedWrite(write: WriteRequest, landed: boolean | undefined, language: Language): string {
  const ru = language === 'ru';
  if (landed === undefined)
    return ru
      ? 'Не знаю, успело ли это выполниться до перезапуска, — проверьте в Битрикс24.'
      : 'I do not know whether this went through before the restart; please check in Bitrix24.';
  const title = quoted(portalText('title' in write ? write.title : ''), language);
  const what = write.type === 'createTask' ? (ru ? 'задача' : 'task') : ru ? 'сделка' : 'deal';
  const whatMissing = write.type === 'createTask' ? (ru ? 'задачи' : 'task') : ru ? 'сделки' : 'deal';
  if (landed)
    return ru
      ? `Это успело выполниться до перезапуска: ${what} ${title} есть в Битрикс24.`
      : `This went through before the restart: the ${what} ${title} is in Bitrix24.`;
  return ru
    ? `Это не успело выполниться до перезапуска: ${whatMissing} ${title} в Битрикс24 нет. Напишите просьбу ещё раз.`
    : `This did not go through before the restart: there is no ${whatMissing} ${title} in Bitrix24. Please ask again.`;
}
