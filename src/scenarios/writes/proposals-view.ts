// The one-line questions of promise 3 («Создать сделку «Поставка» на 500 000 ₽?»), their buttons, and the
// line the question turns into after the tap. Names from the portal or the director are data: escaped and
// marked, so the guard leaves their words alone.

import { dayInWords, forDay, localDateOf, money, timeOf } from '../../views/format.ts';
import { nameQuoted, portalText, quoted } from '../../views/lines.ts';
import {
  AND,
  addCommentQuestion,
  atCompany,
  busyQuestion,
  byWhenQuestion,
  clientIs,
  commentAdded,
  companyCreated,
  completeTaskQuestion,
  contactCreated,
  createCompanyQuestion,
  createContactQuestion,
  createDealQuestion,
  createMeetingQuestion,
  createTaskQuestion,
  deadlineIs,
  deadlinePassed,
  dealCreated,
  dealDeleted,
  dealMoved,
  deleteDealQuestion,
  deleteMeetingQuestion,
  deleteTaskQuestion,
  LINK_WORDS,
  landedBeforeRestart,
  linkedToRecords,
  lostInRestart,
  MOVE_TASK_TO_WHEN,
  meetingCreated,
  meetingDeleted,
  meetingMoved,
  meetingTimePassed,
  moveDealQuestion,
  moveMeetingQuestion,
  moveTaskQuestion,
  NO,
  NO_DEADLINE,
  nothingFitsName,
  responsibleIs,
  taskCompleted,
  taskCreated,
  taskDeleted,
  taskMoved,
  UNKNOWN_IF_LANDED,
  WHICH_MEETING_TO_DELETE,
  WHICH_MEETING_TO_MOVE,
  WHICH_STAGE,
  whichColleagueGetsTask,
  whichCompany,
  whichContact,
  whichDealForTask,
  whichDealGetsComment,
  whichDealToDelete,
  whichDealToMove,
  whichTaskDone,
  whichTaskToDelete,
  whichTaskToMove,
  whoGetsTaskQuestion,
  withAttendees,
  YES,
  YES_DELETE,
  YOU,
} from '../../views/messages-writes.ts';
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
  return withAttendees(list, context.language);
}

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

const contactName = (write: { name: string; lastName?: string }) =>
  [write.name, write.lastName].filter(Boolean).join(' ');

/** «, с привязкой к сделке «…» и компании «…»»: every record the task will show on. */
function linkedTo(links: CrmLink[] | undefined, language: Language): string {
  if (!links?.length) return '';
  const named = links.map((link) => `${LINK_WORDS[link.kind][language]} ${nameQuoted(link.title, language)}`);
  const list =
    named.length > 1 ? `${named.slice(0, -1).join(', ')} ${AND[language]} ${named.at(-1)}` : (named[0] ?? '');
  return linkedToRecords(list, language);
}

/** The one question a write is confirmed with. Deletions say so plainly and warn that they are final. */
export function proposalQuestion(write: WriteRequest, context: ProposalContext): string {
  const { language: lang } = context;
  const q = (text: string) => quoted(portalText(text), lang);
  switch (write.type) {
    case 'createTask':
      return newTaskQuestion(write, context);
    case 'completeTask':
      return completeTaskQuestion(q(write.title), lang);
    case 'moveTask':
      return moveTaskQuestion(q(write.title), whenAt(write.deadline, context), lang);
    case 'deleteTask':
      return deleteTaskQuestion(q(write.title), lang);
    case 'createDeal':
      return newDealQuestion(write, lang);
    case 'moveDeal':
      return moveDealQuestion(q(write.title), q(write.stageName), lang);
    case 'deleteDeal':
      return deleteDealQuestion(q(write.title), lang);
    case 'addComment':
      return addCommentQuestion(write.entity, q(write.entityTitle), q(write.text), lang);
    case 'createMeeting':
      return createMeetingQuestion(q(write.title), whenAt(write.from, context, write.to), attendeesOf(context), lang);
    case 'moveMeeting':
      return moveMeetingQuestion(
        q(write.title),
        whenAt(write.from, context, write.to),
        dayAt(write.from, context, write.to),
        lang,
      );
    case 'deleteMeeting':
      return deleteMeetingQuestion(q(write.title), lang);
    case 'createContact':
      return newContactQuestion(write, lang);
    case 'createCompany':
      return createCompanyQuestion(q(write.title), lang);
    case 'setPlan':
      return planQuestion(write, lang);
  }
}

type Write<T extends WriteRequest['type']> = Extract<WriteRequest, { type: T }>;

/** «Создать задачу «…» на пятницу, 27 ноября, 18:00, ответственный — …, с привязкой к …?» */
function newTaskQuestion(write: Write<'createTask'>, context: ProposalContext): string {
  const title = quoted(portalText(write.title), context.language);
  // Every argument is shown: no deadline is said as such, and a task of the director's own as theirs.
  const when = write.deadline ? ` ${whenAt(write.deadline, context)}` : NO_DEADLINE[context.language];
  const who = responsibleIs(
    context.responsibleName ? portalText(context.responsibleName) : YOU[context.language],
    context.language,
  );
  const about = linkedTo(write.links, context.language);
  return createTaskQuestion(title, when, who, about, context.language);
}

function newDealQuestion(write: Write<'createDeal'>, language: Language): string {
  const title = quoted(portalText(write.title), language);
  const sum = write.amount === undefined ? '' : money(write.amount, write.currency ?? 'RUB', language);
  const client = write.client ? clientIs(write.client.kind, nameQuoted(write.client.title, language), language) : '';
  return createDealQuestion(title, sum, client, language);
}

function newContactQuestion(write: Write<'createContact'>, language: Language): string {
  const name = quoted(portalText(contactName(write)), language);
  const details = [write.phone, write.email].filter(Boolean).map((part) => portalText(part ?? ''));
  const works = write.company && nameQuoted(write.company.title, language);
  const tail = `${details.length ? `, ${details.join(', ')}` : ''}${works ? atCompany(works, language) : ''}`;
  return createContactQuestion(name, tail, language);
}

/** [Да] [Нет] under a question; a deletion's «yes» names what it does. */
export function proposalButtons(proposalId: string, write: WriteRequest, language: Language): Button[][] {
  const destructive = isDestructive(write);
  const yes = (destructive ? YES_DELETE : YES)[language];
  const no = NO[language];
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
  switch (write.type) {
    case 'createTask': {
      const when = write.deadline ? deadlineIs(dayAt(write.deadline, context), lang) : '';
      return taskCreated(q(write.title), when, lang);
    }
    case 'completeTask':
      return taskCompleted(q(write.title), lang);
    case 'moveTask':
      return taskMoved(q(write.title), dayAt(write.deadline, context), lang);
    case 'deleteTask':
      return taskDeleted(q(write.title), lang);
    case 'createDeal':
      return dealCreated(q(write.title), lang);
    case 'moveDeal':
      return dealMoved(q(write.title), q(write.stageName), lang);
    case 'deleteDeal':
      return dealDeleted(q(write.title), lang);
    case 'addComment':
      return commentAdded(write.entity, q(write.entityTitle), lang);
    case 'createMeeting':
      return meetingCreated(q(write.title), dayAt(write.from, context, write.to), attendeesOf(context), lang);
    case 'moveMeeting':
      return meetingMoved(q(write.title), dayAt(write.from, context, write.to), lang);
    case 'deleteMeeting':
      return meetingDeleted(q(write.title), lang);
    case 'createContact':
      return contactCreated(q(contactName(write)), lang);
    case 'createCompany':
      return companyCreated(q(write.title), lang);
    case 'setPlan':
      return planOutcome(write, lang);
  }
}

/** «Срок «суббота, 28 ноября, 18:00» уже прошёл.»: said before the choice of another one. */
export function passedDeadline(iso: string, context: ProposalContext): string {
  const when = quoted(dayAt(iso, context), context.language);
  return deadlinePassed(when, context.language);
}

/** «Время «суббота, 28 ноября, 15:00» уже прошло. На какой день и время назначить встречу?» */
export function passedWhen(
  write: Write<'createMeeting' | 'moveMeeting' | 'moveTask'>,
  context: ProposalContext,
): string {
  if (write.type === 'moveTask')
    return `${passedDeadline(write.deadline, context)} ${MOVE_TASK_TO_WHEN[context.language]}`;
  const when = quoted(dayAt(write.from, context), context.language);
  const moved = write.type === 'moveMeeting';
  return meetingTimePassed(when, moved, context.language);
}

/** The question over a list of records to pick from (each button is its own proposal or question). */
export function choiceQuestion(
  subject: LookupSubject,
  query: string,
  write: WriteRequest | undefined,
  language: Language,
  busy?: { name?: string; title: string },
): string {
  const what = quoted(portalText(query), language);
  switch (subject) {
    case 'person':
      return write?.type === 'setPlan' ? whosePlan(query, language) : whoGetsTheTask(query, write, language);
    case 'stage':
      return WHICH_STAGE[language];
    case 'task':
      if (write?.type === 'moveTask') return whichTaskToMove(what, language);
      if (write?.type === 'deleteTask') return whichTaskToDelete(what, language);
      return whichTaskDone(what, language);
    case 'meeting':
      return (write?.type === 'deleteMeeting' ? WHICH_MEETING_TO_DELETE : WHICH_MEETING_TO_MOVE)[language];
    case 'deal':
      return whichDeal(what, write, language);
    case 'contact':
      return whichContact(what, write?.type === 'addComment', language);
    case 'company':
      return whichCompany(what, write?.type === 'addComment', language);
    case 'deadline':
      // A typed date is read as the answer too: only a few dates fit on buttons.
      return byWhenQuestion(what, language);
    case 'time':
      return busyQuestion(what, busy, language);
  }
}

/** Whom a task goes to: nobody was named, or several colleagues fit the name. */
function whoGetsTheTask(query: string, write: WriteRequest | undefined, language: Language): string {
  const task = write?.type === 'createTask' ? ` ${quoted(portalText(write.title), language)}` : '';
  // A typed name is read as the answer too: only a few people fit on buttons.
  if (!query) return whoGetsTaskQuestion(task, language);
  const what = quoted(portalText(query), language);
  return whichColleagueGetsTask(task, what, language);
}

/** Several deals fit: the question says what happens to the one picked. */
function whichDeal(what: string, write: WriteRequest | undefined, language: Language): string {
  if (write?.type === 'deleteDeal') return whichDealToDelete(what, language);
  if (write?.type === 'addComment') return whichDealGetsComment(what, language);
  if (write?.type === 'createTask') return whichDealForTask(what, language);
  return whichDealToMove(what, language);
}

/** Nothing fits the name: one plain sentence. */
export function notFoundSentence(subject: LookupSubject, query: string, language: Language): string {
  const what = quoted(portalText(query), language);
  return nothingFitsName(subject, what, language);
}

/** A tap on a question whose write a restart cut short: one honest sentence, and what the portal shows if it can. */
export function interruptedWrite(write: WriteRequest, landed: boolean | undefined, language: Language): string {
  const ru = language === 'ru';
  if (landed === undefined) return UNKNOWN_IF_LANDED[language];
  const title = quoted(portalText('title' in write ? write.title : ''), language);
  const what = write.type === 'createTask' ? (ru ? 'задача' : 'task') : ru ? 'сделка' : 'deal';
  const whatMissing = write.type === 'createTask' ? (ru ? 'задачи' : 'task') : ru ? 'сделки' : 'deal';
  if (landed) return landedBeforeRestart(what, title, language);
  return lostInRestart(whatMissing, title, language);
}
