// Writes said in plain words, as drafts with names (the assistant looks the names up and asks to confirm).
// This file reads which write is asked for; each subject's file (write-tasks.ts, write-deals.ts,
// write-meetings.ts, write-contacts.ts, write-comments.ts) reads its arguments, with defaults so the
// confirmation question always has a full date-time to show.

import { letters } from '../../letters.ts';
import type { Question, WriteDraft } from '../../vocabulary/drafts.ts';
import { mayMatch } from './spans.ts';
import { lightText, type Message, messageOf, rawSlice, restOf, unquote } from './text.ts';
import { addComment } from './write-comments.ts';
import { createCompany, createContact } from './write-contacts.ts';
import { closeDeal, createDeal, moveDeal } from './write-deals.ts';
import { createMeeting, deleteMeeting, moveMeeting } from './write-meetings.ts';
import { createTask, delegated, moveTask } from './write-tasks.ts';

export interface Clock {
  now: Date;
  timeZone: string;
}

const E = '(?![\\p{L}\\p{N}])';
const taskWord = `(?:задач[уаи]|таск|todo|to-do|(?:a\\s+)?(?:new\\s+)?task)${E}`;
const dealWord = `(?:сделк[уаи]|(?:a\\s+|the\\s+)?(?:new\\s+)?deal)${E}`;
const meetingWord = `(?:встреч[уа]|созвон|звонок|совещание|планерк[уа]|обед|ужин|завтрак|презентаци[юя]|переговоры|собрание|(?:a\\s+|the\\s+|my\\s+)?(?:new\\s+)?(?:meeting|call|lunch|dinner))${E}`;
const contactWord = `(?:контакт|клиента|(?:a\\s+)?(?:new\\s+)?contact)${E}`;
const companyWord = `(?:компани[юя]|организаци[юя]|фирм[уа]|(?:a\\s+)?(?:new\\s+)?company)${E}`;
const createVerb = `(?:создай|создать|созадй|сздай|созай|постав|поствь|сделай|добавь|добавить|заведи|завести|запиши|записать|поставь|поставить|нов\\p{L}*|new|create|add|make|set\\s+up)${E}`;
// Creating is always of one thing: "новые задачи" and "новые сделки" are views.
const oneTask = `(?:задач[уа]|таск|(?:a\\s+)?(?:new\\s+)?task)${E}`;
const oneDeal = `(?:сделк[уа]|(?:a\\s+)?(?:new\\s+)?deal)${E}`;
const newWord = `(?:нов\\p{L}+\\s+)?`;
// A deal closed as won or lost: the pipeline's won or lost stage (see the stage lookup).
const wonOrLost = `(выигран\\p{L}*|успешн\\p{L}*|won|проигран\\p{L}*|проваленн?\\p{L}*|неуспешн\\p{L}*|lost)`;

const patterns = {
  createTask: letters(
    new RegExp(
      `^${createVerb}\\s*(?:мне\\s+)?${newWord}(?:(\\p{L}+(?:ов|ев|ёв|ин|ын)(?:у|ой))\\s+)?${oneTask}\\s*:?\\s*(.*)$`,
      'du',
    ),
  ),
  // «поручи подготовить отчёт»: a task for someone else, named or to be asked for.
  delegate: letters(
    /^(?:поручи|поручить|делегируй|делегировать|delegate)(?![\p{L}])\s*(?:задачу\s+|(?:a\s+)?task\s+)?(.*)$/du,
  ),
  remind: letters(/^(?:напомни|напомнить|remind\s+me)(?![\p{L}])\s*(?:мне\s+)?(?:(?:о|об|про|to|about)\s+)?(.+)$/du),
  completeTask: letters(
    new RegExp(
      `^(?:закрой|закрыть|заверши|завершить|выполни|отметь|отметить|complete|close|finish|mark)${E}\\s*${taskWord}\\s*(.*?)(?:\\s+(?:как\\s+)?(?:выполненн\\p{L}*|сделанн\\p{L}*|закрыт\\p{L}*|(?:as\\s+)?(?:done|completed|complete|finished)))?$`,
      'du',
    ),
  ),
  markDone: letters(
    new RegExp(
      `^(?:отметь|отметить|mark)${E}\\s*(?:как\\s+)?(?:выполненн\\p{L}*|сделанн\\p{L}*|закрыт\\p{L}*|done|complete|completed)\\s+${taskWord}\\s*(.+)$`,
      'du',
    ),
  ),
  taskDone: letters(
    new RegExp(
      `^${taskWord}\\s*(.+?)\\s+(?:выполнена|сделана|готова|закрыта|завершена|(?:is\\s+)?(?:done|completed|finished))$`,
      'du',
    ),
  ),
  didTask: letters(
    new RegExp(
      `^(?:я\\s+)?(?:выполнил\\p{L}*|сделал\\p{L}*|закончил\\p{L}*|i\\s+(?:did|finished|completed))\\s+${taskWord}\\s*(.+)$`,
      'du',
    ),
  ),
  // «перенеси срок задачи про акт сверки на пятницу», «продли задачу X до 15 декабря».
  moveTask: letters(
    new RegExp(
      `^(?:перенеси|перенести|сдвинь|сдвинуть|подвинь|передвинь|измени|изменить|поменяй|продли|продлить|move|push|postpone|extend|change)${E}\\s*(?:(?:срок|сроки|дедлайн|(?:the\\s+)?deadline)\\s+(?:(?:у|по|для|of|for)\\s+)?(?:задач[иуе]|(?:the\\s+)?task)|${taskWord})${E}\\s*(.*)$`,
      'du',
    ),
  ),
  deleteTask: letters(new RegExp(`^(?:удали|удалить|убери|сотри|delete|remove)${E}\\s*${taskWord}\\s*(.*)$`, 'du')),
  createDeal: letters(new RegExp(`^${createVerb}\\s*${newWord}${oneDeal}\\s*:?\\s*(.*)$`, 'du')),
  moveDeal: letters(
    new RegExp(
      `^(?:перенеси|перенести|передвинь|переведи|перевести|перемести|переместить|подвинь|сдвинь|двинь|move|advance)${E}\\s*${dealWord}\\s*(.+)$`,
      'du',
    ),
  ),
  closeDeal: letters(
    new RegExp(
      `^(?:закрой|закрыть|заверши|завершить|отметь|отметить|пометь|close|mark)${E}\\s*${dealWord}\\s*(.+?)\\s+(?:как\\s+|as\\s+)?${wonOrLost}$`,
      'du',
    ),
  ),
  deleteDeal: letters(new RegExp(`^(?:удали|удалить|убери|delete|remove)${E}\\s*${dealWord}\\s*(.*)$`, 'du')),
  addComment: letters(
    /^(?:(?:добавь|добавить|оставь|оставить|напиши|запиши|add|leave|write|post)(?![\p{L}])\s*)?(?:комментарий|коммент|заметку|примечание|(?:a\s+)?(?:comment|note))(?![\p{L}])\s*(?:к|ко|для|в|на|по|to|on|for)\s+(сделк\p{L}*|контакт\p{L}*|клиент\p{L}*|компани\p{L}*|(?:the\s+)?(?:deal|contact|client|company))(?![\p{L}])\s*(.*)$/du,
  ),
  createMeeting: letters(
    new RegExp(
      `^(?:назначь|назначить|запланируй|запланировать|организуй|поставь|поставить|создай|создать|добавь|добавить|забронируй|schedule|arrange|book|set\\s+up|create|add)${E}\\s*(?:мне\\s+)?${newWord}(${meetingWord})\\s*(.*)$`,
      'du',
    ),
  ),
  moveMeeting: letters(
    new RegExp(
      `^(?:перенеси|перенести|передвинь|сдвинь|подвинь|перемести|move|reschedule|shift|push)${E}\\s*${meetingWord}\\s*(.*)$`,
      'du',
    ),
  ),
  deleteMeeting: letters(
    new RegExp(
      `^(?:отмени|отменить|удали|удалить|убери|cancel|delete|remove|call\\s+off)${E}\\s*${meetingWord}\\s*(.*)$`,
      'du',
    ),
  ),
  createContact: letters(new RegExp(`^${createVerb}\\s*${newWord}${contactWord}\\s*:?\\s*(.*)$`, 'du')),
  createCompany: letters(new RegExp(`^${createVerb}\\s*${newWord}${companyWord}\\s*:?\\s*(.*)$`, 'du')),
};

/**
 * The write the message asks for; a question when it clearly asks for a write but lacks what the write needs
 * («создай задачу»: what to do?), so it is not mistaken for a view; undefined when it asks for none.
 */
export function writeDraft(message: Message, clock: Clock): WriteDraft | { ask: Question } | undefined {
  const said = draftOf(message, clock) ?? draftAfterLead(message, clock);
  if (said) return said;
  const reordered = verbFirst(message);
  return reordered && draftOf(reordered, clock);
}

// «а ещё напомни мне …», «и поставь задачу …»: words joining the request to the conversation come before it.
const leadRe = /^(?:(?:а|и|ну|еще|также|тогда|так|ладно|ок|окей|and|also|then)(?:\s+|,\s*))+/u;

function draftAfterLead(message: Message, clock: Clock) {
  const lead = leadRe.exec(message.light);
  return lead ? draftOf(restOf(message, lead[0].length), clock) : undefined;
}

// The verbs a change starts with, said anywhere in the message («встречу с Гранитом перенеси на пятницу»).
const verbAnywhereRe = letters(
  /(?<![\p{L}])(?:назначь|запланируй|организуй|перенеси|передвинь|сдвинь|подвинь|переведи|перемести|поставь|создай|добавь|заведи|отмени|удали|закрой|отметь|продли)(?![\p{L}])/u,
);
const thingRe = letters(
  /(?<![\p{L}])(?:задач[уа]|сделк[уа]|встреч[уа]|созвон|звонок|совещание|планерк[уа]|обед|ужин|завтрак|презентаци[юя]|переговоры|собрание|контакт|компани[юя])(?![\p{L}])/u,
);

/**
 * The same words in the order the rules read: the verb first, then the thing and what names it, then the rest
 * («назначь на завтра в 11 встречу с Гранитом» → «назначь встречу с Гранитом на завтра в 11»). Undefined when
 * the message has no such verb and thing, or they already stand in that order.
 */
function verbFirst(message: Message): Message | undefined {
  const verb = message.light.match(verbAnywhereRe);
  if (verb?.index === undefined) return undefined;
  const slice = (start: number, end?: number) => message.raw.slice(start, end).trim();
  const verbEnd = verb.index + verb[0].length;
  const others = `${slice(0, verb.index)} ${slice(verbEnd)}`.trim();
  const thing = lightText(others).match(thingRe);
  if (thing?.index === undefined || (verb.index === 0 && thing.index === 0)) return undefined;
  const words = `${others.slice(thing.index)} ${others.slice(0, thing.index)}`.replace(/[,;]+/gu, ' ');
  return messageOf(`${slice(verb.index, verbEnd)} ${words}`);
}

type Drafted = (match: RegExpMatchArray, message: Message, clock: Clock) => WriteDraft | Question | undefined;

const span = (message: Message, match: RegExpMatchArray, group: number) =>
  match.indices?.[group] ?? [message.light.length, message.light.length];
const from = (message: Message, match: RegExpMatchArray, group: number) => span(message, match, group)[0];
const text = (message: Message, match: RegExpMatchArray, group: number) =>
  unquote(rawSlice(message, ...span(message, match, group)).replace(/^(?:про|по|о|об|about|on)\s+/iu, ''));
const completeTask: Drafted = (match, message) =>
  named(text(message, match, 1), (taskQuery) => ({ type: 'completeTask', taskQuery }));

// Order matters: "перенеси встречу" before "перенеси сделку" patterns, completing before creating.
const RULES: [RegExp, Question, Drafted][] = [
  [patterns.completeTask, 'whichTask', completeTask],
  [patterns.markDone, 'whichTask', completeTask],
  [patterns.taskDone, 'whichTask', completeTask],
  [patterns.didTask, 'whichTask', completeTask],
  [patterns.moveTask, 'meetingWhen', (match, message, clock) => moveTask(message, from(message, match, 1), clock)],
  [
    patterns.deleteTask,
    'whichTask',
    (match, message) => named(text(message, match, 1), (taskQuery) => ({ type: 'deleteTask', taskQuery })),
  ],
  [
    patterns.deleteDeal,
    'whichDeal',
    (match, message) => named(text(message, match, 1), (dealQuery) => ({ type: 'deleteDeal', dealQuery })),
  ],
  [patterns.moveDeal, 'dealMove', (match, message) => moveDeal(message, from(message, match, 1))],
  [
    patterns.closeDeal,
    'whichDeal',
    (match, message) => closeDeal(restOf(message, from(message, match, 1)), match[1]!.length, match[2]!),
  ],
  [patterns.addComment, 'comment', (match, message) => addComment(message, match[1]!, from(message, match, 2))],
  [
    patterns.moveMeeting,
    'whichMeeting',
    (match, message, clock) => moveMeeting(message, namedFrom(message, from(message, match, 1)), clock),
  ],
  [
    patterns.deleteMeeting,
    'whichMeeting',
    (match, message, clock) => deleteMeeting(message, namedFrom(message, from(message, match, 1)), clock),
  ],
  [
    patterns.createMeeting,
    'meetingWhen',
    (match, message, clock) => createMeeting(message, match[1]!, from(message, match, 2), clock),
  ],
  [
    patterns.createTask,
    'taskTitle',
    (match, message, clock) =>
      createTask(message, from(message, match, 2), clock, match[1] ? text(message, match, 1) : ''),
  ],
  [patterns.remind, 'taskTitle', (match, message, clock) => createTask(message, from(message, match, 1), clock, '')],
  [
    patterns.delegate,
    'taskTitle',
    (match, message, clock) => delegated(createTask(message, from(message, match, 1), clock, '')),
  ],
  [patterns.createDeal, 'dealTitle', (match, message) => createDeal(message, from(message, match, 1))],
  [patterns.createCompany, 'companyTitle', (match, message) => createCompany(message, from(message, match, 1))],
  [patterns.createContact, 'contactName', (match, message) => createContact(message, from(message, match, 1))],
];

function draftOf(message: Message, clock: Clock): WriteDraft | { ask: Question } | undefined {
  for (const [pattern, question, draft] of RULES) {
    const match = mayMatch(message.light, pattern) && message.light.match(pattern);
    if (!match) continue;
    const found = draft(match, message, clock) ?? question;
    return typeof found === 'string' ? { ask: found } : found;
  }
  return undefined;
}

// «обед», «презентацию»: a meeting's own kind is part of its name, looked for with the rest («обед с Техносферой»).
const namedKindRe = /(?:обед|ужин|завтрак|презентаци[юя]|переговоры|собрание)\s*$/u;

/** Where the meeting's name starts: at its kind when the kind names it, else right after. */
function namedFrom(message: Message, start: number): number {
  const kind = namedKindRe.exec(message.light.slice(0, start));
  return kind ? kind.index : start;
}

const named = (query: string, draft: (query: string) => WriteDraft): WriteDraft | undefined =>
  query ? draft(query) : undefined;
