// Writes said in plain words, as drafts with names (the assistant looks the names up and asks to confirm).
// Defaults, so the confirmation question always has a full date-time to show:
// - a task deadline with a day but no time is 18:00 local (the end of a working day);
// - a meeting with no time starts at 10:00 local and lasts one hour unless a range or a length is said;
// - a time without a day is today, or tomorrow when that time has already passed today.
import { DateTime } from 'luxon';
import type { Question, WriteDraft } from '../../vocabulary/drafts.ts';
import { findAmount } from './amount.ts';
import { type DayMatch, findDays, findTimes, localDateTime, type TimeMatch, todayIn, zonedNow } from './dates.ts';
import { capitalise, lightText, type Message, messageOf, nominative, rawSlice, unquote, without } from './text.ts';

export interface Clock {
  now: Date;
  timeZone: string;
}

const TASK_DEADLINE_TIME = '18:00';
const MEETING_START_TIME = '10:00';
const MEETING_MINUTES = 60;

const E = '(?![\\p{L}\\p{N}])';
const taskWord = `(?:задач[уаи]|таск|todo|to-do|(?:a\\s+)?(?:new\\s+)?task)${E}`;
const dealWord = `(?:сделк[уаи]|(?:a\\s+|the\\s+)?(?:new\\s+)?deal)${E}`;
const meetingWord = `(?:встреч[уа]|созвон|звонок|совещание|планерк[уа]|(?:a\\s+|the\\s+|my\\s+)?(?:new\\s+)?(?:meeting|call))${E}`;
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
  createTask: new RegExp(
    `^${createVerb}\\s*(?:мне\\s+)?${newWord}(?:(\\p{L}+(?:ов|ев|ёв|ин|ын)(?:у|ой))\\s+)?${oneTask}\\s*:?\\s*(.*)$`,
    'du',
  ),
  // «поручи подготовить отчёт»: a task for someone else, named or to be asked for.
  delegate: /^(?:поручи|поручить|делегируй|делегировать|delegate)(?![\p{L}])\s*(?:задачу\s+|(?:a\s+)?task\s+)?(.*)$/du,
  remind: /^(?:напомни|напомнить|remind\s+me)(?![\p{L}])\s*(?:мне\s+)?(?:(?:о|об|про|to|about)\s+)?(.+)$/du,
  completeTask: new RegExp(
    `^(?:закрой|закрыть|заверши|завершить|выполни|отметь|отметить|complete|close|finish|mark)${E}\\s*${taskWord}\\s*(.*?)(?:\\s+(?:как\\s+)?(?:выполненн\\p{L}*|сделанн\\p{L}*|закрыт\\p{L}*|(?:as\\s+)?(?:done|completed|complete|finished)))?$`,
    'du',
  ),
  markDone: new RegExp(
    `^(?:отметь|отметить|mark)${E}\\s*(?:как\\s+)?(?:выполненн\\p{L}*|сделанн\\p{L}*|закрыт\\p{L}*|done|complete|completed)\\s+${taskWord}\\s*(.+)$`,
    'du',
  ),
  taskDone: new RegExp(
    `^${taskWord}\\s*(.+?)\\s+(?:выполнена|сделана|готова|закрыта|завершена|(?:is\\s+)?(?:done|completed|finished))$`,
    'du',
  ),
  didTask: new RegExp(
    `^(?:я\\s+)?(?:выполнил\\p{L}*|сделал\\p{L}*|закончил\\p{L}*|i\\s+(?:did|finished|completed))\\s+${taskWord}\\s*(.+)$`,
    'du',
  ),
  // «перенеси срок задачи про акт сверки на пятницу», «продли задачу X до 15 декабря».
  moveTask: new RegExp(
    `^(?:перенеси|перенести|сдвинь|сдвинуть|подвинь|передвинь|измени|изменить|поменяй|продли|продлить|move|push|postpone|extend|change)${E}\\s*(?:(?:срок|сроки|дедлайн|(?:the\\s+)?deadline)\\s+(?:(?:у|по|для|of|for)\\s+)?(?:задач[иуе]|(?:the\\s+)?task)|${taskWord})${E}\\s*(.*)$`,
    'du',
  ),
  deleteTask: new RegExp(`^(?:удали|удалить|убери|сотри|delete|remove)${E}\\s*${taskWord}\\s*(.*)$`, 'du'),
  createDeal: new RegExp(`^${createVerb}\\s*${newWord}${oneDeal}\\s*:?\\s*(.*)$`, 'du'),
  moveDeal: new RegExp(
    `^(?:перенеси|перенести|передвинь|переведи|перевести|перемести|переместить|подвинь|сдвинь|двинь|move|advance)${E}\\s*${dealWord}\\s*(.+)$`,
    'du',
  ),
  closeDeal: new RegExp(
    `^(?:закрой|закрыть|заверши|завершить|отметь|отметить|пометь|close|mark)${E}\\s*${dealWord}\\s*(.+?)\\s+(?:как\\s+|as\\s+)?${wonOrLost}$`,
    'du',
  ),
  dealClosed: new RegExp(`^${dealWord}\\s*(.+?)\\s+(?:is\\s+)?${wonOrLost}$`, 'du'),
  deleteDeal: new RegExp(`^(?:удали|удалить|убери|delete|remove)${E}\\s*${dealWord}\\s*(.*)$`, 'du'),
  addComment:
    /^(?:(?:добавь|добавить|оставь|оставить|напиши|запиши|add|leave|write|post)(?![\p{L}])\s*)?(?:комментарий|коммент|заметку|примечание|(?:a\s+)?(?:comment|note))(?![\p{L}])\s*(?:к|ко|для|в|на|по|to|on|for)\s+(сделк\p{L}*|контакт\p{L}*|клиент\p{L}*|компани\p{L}*|(?:the\s+)?(?:deal|contact|client|company))(?![\p{L}])\s*(.+)$/du,
  createMeeting: new RegExp(
    `^(?:назначь|назначить|запланируй|запланировать|организуй|поставь|поставить|создай|создать|добавь|добавить|забронируй|schedule|arrange|book|set\\s+up|create|add)${E}\\s*(?:мне\\s+)?${newWord}(${meetingWord})\\s*(.*)$`,
    'du',
  ),
  moveMeeting: new RegExp(
    `^(?:перенеси|перенести|передвинь|сдвинь|подвинь|перемести|move|reschedule|shift|push)${E}\\s*${meetingWord}\\s*(.*)$`,
    'du',
  ),
  deleteMeeting: new RegExp(
    `^(?:отмени|отменить|удали|удалить|убери|cancel|delete|remove|call\\s+off)${E}\\s*${meetingWord}\\s*(.*)$`,
    'du',
  ),
  createContact: new RegExp(`^${createVerb}\\s*${newWord}${contactWord}\\s*:?\\s*(.*)$`, 'du'),
  createCompany: new RegExp(`^${createVerb}\\s*${newWord}${companyWord}\\s*:?\\s*(.*)$`, 'du'),
};

/**
 * The write the message asks for; a question when it clearly asks for a write but lacks what the write needs
 * («создай задачу»: what to do?), so it is not mistaken for a view; undefined when it asks for none.
 */
export function writeDraft(message: Message, clock: Clock): WriteDraft | { ask: Question } | undefined {
  const said = draftOf(message, clock);
  if (said) return said;
  const reordered = verbFirst(message);
  return reordered && draftOf(reordered, clock);
}

// The verbs a change starts with, said anywhere in the message («встречу с Гранитом перенеси на пятницу»).
const verbAnywhereRe =
  /(?<![\p{L}])(?:назначь|запланируй|организуй|перенеси|передвинь|сдвинь|подвинь|переведи|перемести|поставь|создай|добавь|заведи|отмени|удали|закрой|отметь|продли)(?![\p{L}])/u;
const thingRe =
  /(?<![\p{L}])(?:задач[уа]|сделк[уа]|встреч[уа]|созвон|звонок|совещание|планерк[уа]|контакт|компани[юя])(?![\p{L}])/u;

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

function draftOf(message: Message, clock: Clock): WriteDraft | { ask: Question } | undefined {
  const span = (match: RegExpMatchArray, group: number) =>
    match.indices?.[group] ?? [message.light.length, message.light.length];
  const from = (match: RegExpMatchArray, group: number) => span(match, group)[0];
  const text = (match: RegExpMatchArray, group: number) =>
    unquote(rawSlice(message, ...span(match, group)).replace(/^(?:про|по|о|об|about|on)\s+/iu, ''));
  const completeTask = (match: RegExpMatchArray) =>
    named(text(match, 1), (taskQuery) => ({ type: 'completeTask', taskQuery }));
  // Order matters: "перенеси встречу" before "перенеси сделку" patterns, completing before creating.
  const rules: [RegExp, Question, (match: RegExpMatchArray) => WriteDraft | Question | undefined][] = [
    [patterns.completeTask, 'whichTask', completeTask],
    [patterns.markDone, 'whichTask', completeTask],
    [patterns.taskDone, 'whichTask', completeTask],
    [patterns.didTask, 'whichTask', completeTask],
    [patterns.moveTask, 'meetingWhen', (match) => moveTask(message, from(match, 1), clock)],
    [
      patterns.deleteTask,
      'whichTask',
      (match) => named(text(match, 1), (taskQuery) => ({ type: 'deleteTask', taskQuery })),
    ],
    [
      patterns.deleteDeal,
      'whichDeal',
      (match) => named(text(match, 1), (dealQuery) => ({ type: 'deleteDeal', dealQuery })),
    ],
    [patterns.moveDeal, 'dealMove', (match) => moveDeal(message, from(match, 1))],
    [patterns.closeDeal, 'whichDeal', (match) => closeDeal(part(message, from(match, 1)), match[1]!.length, match[2]!)],
    [
      patterns.dealClosed,
      'whichDeal',
      (match) => closeDeal(part(message, from(match, 1)), match[1]!.length, match[2]!),
    ],
    [patterns.addComment, 'comment', (match) => addComment(message, match[1]!, from(match, 2))],
    [patterns.moveMeeting, 'whichMeeting', (match) => moveMeeting(message, from(match, 1), clock)],
    [patterns.deleteMeeting, 'whichMeeting', (match) => deleteMeeting(message, from(match, 1), clock)],
    [patterns.createMeeting, 'meetingWhen', (match) => createMeeting(message, match[1]!, from(match, 2), clock)],
    [
      patterns.createTask,
      'taskTitle',
      (match) => createTask(message, from(match, 2), clock, match[1] ? text(match, 1) : ''),
    ],
    [patterns.remind, 'taskTitle', (match) => createTask(message, from(match, 1), clock, '')],
    [patterns.delegate, 'taskTitle', (match) => delegated(createTask(message, from(match, 1), clock, ''))],
    [patterns.createDeal, 'dealTitle', (match) => createDeal(message, from(match, 1))],
    [patterns.createCompany, 'companyTitle', (match) => createCompany(message, from(match, 1))],
    [patterns.createContact, 'contactName', (match) => createContact(message, from(match, 1))],
  ];
  for (const [pattern, question, draft] of rules) {
    const match = message.light.match(pattern);
    if (!match) continue;
    const found = draft(match) ?? question;
    return typeof found === 'string' ? { ask: found } : found;
  }
  return undefined;
}

const named = (query: string, draft: (query: string) => WriteDraft): WriteDraft | undefined =>
  query ? draft(query) : undefined;

function part(message: Message, start: number): Message {
  return { raw: message.raw.slice(start), light: message.light.slice(start) };
}

const assigneeRe =
  /^(?:(?:для|на|for|to|assign(?:ed)?\s+to|ответственн\p{L}*)\s+)?((?:\p{Lu}\p{L}+\s+)?\p{L}+(?:ов|ев|ёв|ин|ын|ск|цк|ov|ev|in|sky)(?:у|ой|ому|а|ым|a)?)(?![\p{L}])\s*/u;
const responsibleTailRe =
  /\s*(?:,\s*)?(?:ответственн\p{L}*|исполнител\p{L}*|responsible|assign(?:ed)?\s+to|для|for)\s*:?\s+((?:\p{Lu}\p{L}+\s+)?\p{Lu}\p{L}+)\s*$/u;

function createTask(message: Message, start: number, clock: Clock, assigneeBefore: string): WriteDraft | undefined {
  let rest = part(message, start);
  let responsibleName = assigneeBefore ? lastWord(assigneeBefore) : undefined;
  if (!responsibleName) {
    const leading = rest.raw.match(assigneeRe);
    if (leading && isPersonLike(leading[1]!, leading[0]) && rawSlice(rest, leading[0].length)) {
      responsibleName = lastWord(leading[1]!);
      rest = part(rest, leading[0].length);
    } else {
      const tail = rest.raw.match(responsibleTailRe);
      if (tail) {
        responsibleName = lastWord(tail[1]!);
        rest = { raw: rest.raw.slice(0, tail.index), light: rest.light.slice(0, tail.index) };
      }
    }
  }
  const when = deadline(rest, clock);
  const title = capitalise(unquote(rawSlice(when.rest, 0).replace(/^(?:чтобы|to)\s+/u, '')));
  if (!title) return undefined;
  return {
    type: 'createTask',
    title,
    ...(when.deadline ? { deadline: when.deadline } : {}),
    ...(responsibleName ? { responsibleName } : {}),
  };
}

/** A new deadline for a task named by part of its title; without a date the date is asked for. */
function moveTask(message: Message, start: number, clock: Clock): WriteDraft | Question | undefined {
  const when = deadline(part(message, start), clock);
  const taskQuery = unquote(
    rawSlice(when.rest, 0)
      .replace(/^(?:про|по|о|об|about)\s+/iu, '')
      .replace(/\s+(?:на|до|к|to|until|by)$/iu, ''),
  );
  if (!taskQuery) return 'whichTask';
  return when.deadline ? { type: 'moveTask', taskQuery, deadline: when.deadline } : undefined;
}

/** A task given away without saying to whom: the person is asked for. */
const delegated = (draft: WriteDraft | undefined): WriteDraft | undefined =>
  draft?.type === 'createTask' && !draft.responsibleName ? { ...draft, delegated: true } : draft;

// A dative surname right after "задачу" ("Петрову позвонить…") or "для Петрова" names the person responsible.
function isPersonLike(name: string, whole: string): boolean {
  if (/^(?:для|на|for|to|assign|ответствен)/u.test(whole.toLowerCase()))
    return /^\p{Lu}/u.test(name) || /(?:ов|ев|ин)(?:а|у)?$/u.test(name);
  return /(?:ов|ев|ёв|ин|ын)(?:у|ой)$|(?:ск|цк)(?:ому|ой)$/u.test(name.toLowerCase());
}

const lastWord = (text: string) => text.trim().split(/\s+/).pop() ?? text;

// What may stand around a typed answer: «до пятницы», «к понедельнику», «для Орловой», «Орловой, пожалуйста».
const answerWordsRe =
  /(?<![\p{L}])(?:до|к|ко|на|для|by|for|to|пусть|поручи\p{L}*|пожалуйста|please|срок\p{L}*|давай|ну|ok|ок)(?![\p{L}])/giu;
const noDeadlineRe = /^(?:без\s+срока|никогда|не\s+важно|неважно|no\s+deadline|none|whenever)[\s.!]*$/iu;

/**
 * A typed answer to «Кому поручить?» or «К какому сроку?»: the deadline it names (18:00 on a day said without a
 * time), «без срока», and the words left over (a name), small words taken out.
 */
export function taskAnswer(text: string, clock: Clock): { deadline?: string; noDeadline?: boolean; rest: string } {
  if (noDeadlineRe.test(text.trim())) return { noDeadline: true, rest: '' };
  const when = deadline(messageOf(text.trim()), clock);
  const rest = when.rest.raw
    .replace(answerWordsRe, ' ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return { ...(when.deadline ? { deadline: when.deadline } : {}), rest };
}

const endOfRe =
  /(?:до|к|by)\s+(?:конц[ауе]|the\s+end\s+of)\s+(?:(?:этого|этой|текущего|текущей|this)\s+)?(дня|недели|месяца|day|week|month)|\b(eod|eow)\b/u;

function deadline(message: Message, clock: Clock): { deadline?: string; rest: Message } {
  const end = message.light.match(endOfRe);
  if (end) {
    const today = zonedNow(clock.now, clock.timeZone).startOf('day');
    const week = /недел|week|eow/u.test(end[0]);
    // The end of a week is its Friday; of a month, its last day.
    const day = /месяц|month/u.test(end[0])
      ? today.endOf('month').startOf('day')
      : week
        ? today.plus({ days: (5 - today.weekday + 7) % 7 })
        : today;
    return {
      deadline: localDateTime(day.toISODate()!, TASK_DEADLINE_TIME, clock.timeZone),
      rest: without(message, [{ start: end.index!, end: end.index! + end[0].length }]),
    };
  }
  const days = findDays(message.raw, clock.now, clock.timeZone);
  const times = findTimes(message.raw, days);
  const day = days[0];
  const time = times[0];
  if (!day && !time) return { rest: message };
  const spans = [day, time].filter((span): span is DayMatch | TimeMatch => span !== undefined);
  return {
    deadline: dateTimeOf(day?.date, time?.time ?? TASK_DEADLINE_TIME, clock, Boolean(day)),
    rest: without(message, spans),
  };
}

function dateTimeOf(date: string | undefined, time: string, clock: Clock, dayGiven: boolean): string {
  if (dayGiven && date) return localDateTime(date, time, clock.timeZone);
  const today = todayIn(clock.now, clock.timeZone);
  const candidate = localDateTime(today, time, clock.timeZone);
  if (DateTime.fromISO(candidate) > DateTime.fromJSDate(clock.now)) return candidate;
  return localDateTime(DateTime.fromISO(today).plus({ days: 1 }).toISODate()!, time, clock.timeZone);
}

function createDeal(message: Message, start: number): WriteDraft | undefined {
  const rest = part(message, start);
  const amount = findAmount(rest.light);
  const titlePart = amount ? without(rest, [amount]) : rest;
  const said = unquote(rawSlice(titlePart, 0).replace(/\s+(?:на|на сумму|for|worth)$/u, ''));
  // "сделку для Ромашки" is the deal "Ромашка".
  const forWhom = said.match(/^(?:для|с|со)\s+(.+)$/iu);
  const title = forWhom ? nominative(forWhom[1]!) : said;
  if (!title) return undefined;
  return {
    type: 'createDeal',
    title: capitalise(title),
    ...(amount ? { amount: amount.amount } : {}),
    ...(amount?.currency ? { currency: amount.currency } : {}),
  };
}

const stageSplitRe = /\s+(?:на|в|во|to|into)\s+(?:(?:этап|стадию|стадия|статус|колонку|the\s+stage|stage)\s+)?/gu;
const stageWordRe = /\s+(?:на|в|во|to|into)\s+(?:этап|стадию|стадия|статус|колонку|the\s+stage|stage)\s+/u;

// «сделку с Ромашкой», «по Ромашке»: the preposition ties the deal to its client, it is not in the name.
const dealOfClient = (said: string) =>
  nominative(unquote(said.replace(/^(?:с|со|по|для|от|у|with|for)\s+(?=\S)/iu, '')));

// «в счёт на предоплату»: a stage's own name may hold «на» or «в», so every split is kept, the last one first;
// the lookup takes the first whose deal and stage both exist.
function moveDeal(message: Message, start: number): WriteDraft | undefined {
  const rest = part(message, start);
  const explicit = rest.light.match(stageWordRe);
  const splits = explicit ? [explicit] : [...rest.light.matchAll(stageSplitRe)].reverse();
  const read = splits.flatMap((split) => {
    const dealQuery = dealOfClient(rawSlice(rest, 0, split.index));
    const stageQuery = unquote(rawSlice(rest, split.index! + split[0].length));
    return dealQuery && stageQuery ? [{ dealQuery, stageQuery }] : [];
  });
  const [first, ...others] = read;
  if (!first) return undefined;
  return { type: 'moveDeal', ...first, ...(others.length ? { otherSplits: others } : {}) };
}

/** «закрой сделку с Ромашкой как выигранную»: a move to the pipeline's won (or lost) stage. */
function closeDeal(message: Message, dealEnd: number, outcome: string): WriteDraft | undefined {
  const dealQuery = dealOfClient(rawSlice(message, 0, dealEnd));
  return dealQuery ? { type: 'moveDeal', dealQuery, stageQuery: outcome } : undefined;
}

function addComment(message: Message, entityWord: string, start: number): WriteDraft | undefined {
  const entity = /сделк|deal/u.test(entityWord) ? 'deal' : /компани|company/u.test(entityWord) ? 'company' : 'contact';
  const rest = part(message, start);
  const separator = rest.raw.match(/\s*(?::|—|–|\s-\s)\s*/u);
  let entityQuery: string;
  let text: string;
  if (separator?.index !== undefined) {
    entityQuery = rawSlice(rest, 0, separator.index);
    text = rawSlice(rest, separator.index + separator[0].length);
  } else {
    const quoted = rest.raw.match(/^([«"“][^»"”]+[»"”])\s+(.+)$/u) ?? rest.raw.match(/^(\S+)\s+(.+)$/u);
    if (!quoted) return undefined;
    entityQuery = quoted[1]!;
    text = quoted[2]!;
  }
  // «к сделке с Ромашкой», «по Ромашке»: the preposition ties the record to its client, it is not in the name.
  entityQuery = nominative(unquote(entityQuery.replace(/^(?:с|со|по|для|от|у|with|for)\s+(?=\S)/iu, '')));
  text = unquote(text);
  if (!entityQuery || !text) return undefined;
  return { type: 'addComment', entity, entityQuery, text: capitalise(text) };
}

const meetingNouns: { pattern: RegExp; ru: string; en: string }[] = [
  {
    pattern: /^(?:встреч|meeting|a meeting|a new meeting|new meeting|the meeting|my meeting)/u,
    ru: 'Встреча',
    en: 'Meeting',
  },
  { pattern: /^созвон/u, ru: 'Созвон', en: 'Call' },
  { pattern: /^(?:звонок|call|a call)/u, ru: 'Звонок', en: 'Call' },
  { pattern: /^совещание/u, ru: 'Совещание', en: 'Meeting' },
  { pattern: /^планерк/u, ru: 'Планёрка', en: 'Stand-up' },
];

const lengthRe =
  /(?:на|for)\s+(?:(полчаса|half\s+an\s+hour)|(полтора\s+часа)|(час|an\s+hour|one\s+hour)|(\d+)\s*(минут\p{L}*|мин|min\p{L}*|час\p{L}*|ч|hours?|h))(?![\p{L}])/u;

function createMeeting(message: Message, nounWord: string, start: number, clock: Clock): WriteDraft | undefined {
  let rest = part(message, start);
  let minutes = MEETING_MINUTES;
  const length = rest.light.match(lengthRe);
  if (length?.index !== undefined) {
    minutes = length[1]
      ? 30
      : length[2]
        ? 90
        : length[3]
          ? 60
          : Number(length[4]) * (/^(?:мин|min)/u.test(length[5]!) ? 1 : 60);
    rest = without(rest, [{ start: length.index, end: length.index + length[0].length }]);
  }
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const times = findTimes(rest.raw, days);
  const day = days[0];
  const [first, second] = times;
  const from = dateTimeOf(day?.date, first?.time ?? MEETING_START_TIME, clock, Boolean(day));
  const isRange = second && /^(?:до|to|until|till)$/u.test(second.preposition);
  const to = isRange
    ? localDateTime(DateTime.fromISO(from, { setZone: true }).toISODate()!, second.time, clock.timeZone)
    : DateTime.fromISO(from, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
  const spans = [day, first, isRange ? second : undefined].filter((span) => span !== undefined);
  const topic = rawSlice(without(rest, spans as { start: number; end: number }[]), 0);
  const english = /^[a-z]/u.test(nounWord);
  const noun = meetingNouns.find((entry) => entry.pattern.test(nounWord)) ?? meetingNouns[0]!;
  const title = topic ? `${english ? noun.en : noun.ru} ${topic}` : english ? noun.en : noun.ru;
  return { type: 'createMeeting', title, from, to };
}

// "в 14:00 на 16:00", "с Ивановым на завтра 11:00", "завтра в 14:00 на пятницу": the target follows the last "на"/"to".
function moveMeeting(message: Message, start: number, clock: Clock): WriteDraft | Question | undefined {
  const rest = part(message, start);
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const times = findTimes(rest.raw, days);
  const marks = [...days, ...times].sort((a, b) => a.start - b.start);
  const targetStart = splitPoint(rest.light, marks);
  // «сдвинь совещание на 15»: a bare hour at the end is the new time (small hours are the afternoon's).
  const bare = marks.length === 0 ? /(?:^|\s)(?:на|to)\s+(\d{1,2})$/u.exec(rest.light) : null;
  if (bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 23) {
    const hour = Number(bare[1]) + (Number(bare[1]) <= 7 ? 12 : 0);
    const source = describeMeeting(rest, bare.index, undefined, undefined);
    return source && { type: 'moveMeeting', meetingQuery: source.query, toTime: `${String(hour).padStart(2, '0')}:00` };
  }
  // «перенеси встречу с Ромашкой»: which one is said, when to is not.
  if (targetStart === undefined)
    return describeMeeting(rest, rest.light.length, days[0], times[0]) ? 'meetingWhen' : undefined;
  const sourceDay = days.find((day) => day.start < targetStart);
  const sourceTime = times.find((time) => time.start < targetStart);
  const targetDay = days.find((day) => day.start >= targetStart);
  const targetTimes = times.filter((time) => time.start >= targetStart);
  const source = describeMeeting(rest, targetStart, sourceDay, sourceTime);
  if (!source) return undefined;
  const meeting = { type: 'moveMeeting', meetingQuery: source.query, ...(sourceDay ? { date: sourceDay.date } : {}) };
  const time = targetTimes[0]?.time;
  // A new day without a time keeps the meeting's own time; a new time without a day keeps its own day.
  const date = targetDay?.date ?? sourceDay?.date;
  if (!time) return targetDay ? { ...meeting, type: 'moveMeeting', toDate: targetDay.date } : 'meetingWhen';
  if (!date) return { ...meeting, type: 'moveMeeting', toTime: time };
  const from = localDateTime(date, time, clock.timeZone);
  const second = targetTimes[1];
  const to =
    second && /^(?:до|to|until|till)$/u.test(second.preposition)
      ? localDateTime(DateTime.fromISO(from, { setZone: true }).toISODate()!, second.time, clock.timeZone)
      : undefined;
  return { ...meeting, type: 'moveMeeting', from, ...(to ? { to } : {}) };
}

function splitPoint(light: string, marks: readonly { start: number; end: number }[]): number | undefined {
  const candidates = [...light.matchAll(/(?<![\p{L}])(?:на|to|until)\s+/gu)].map((match) => match.index);
  for (const position of candidates.reverse()) {
    if (marks.some((mark) => mark.start >= position && mark.start <= position + 4)) return position;
  }
  return undefined;
}

function describeMeeting(
  rest: Message,
  end: number,
  day: DayMatch | undefined,
  time: TimeMatch | undefined,
): { query: string } | undefined {
  if (time) return { query: time.time };
  const head = { raw: rest.raw.slice(0, end), light: rest.light.slice(0, end) };
  const name = rawSlice(without(head, day ? [day] : []), 0).replace(/^(?:с|со|with|про|about)\s+/u, '');
  // «отмени встречу в четверг»: a day alone is enough, that day's meetings become a pick list.
  return name ? { query: nominative(unquote(name)) } : day ? { query: '' } : undefined;
}

function deleteMeeting(message: Message, start: number, clock: Clock): WriteDraft | undefined {
  const rest = part(message, start);
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const time = findTimes(rest.raw, days)[0];
  const meeting = describeMeeting(rest, rest.light.length, days[0], time);
  if (!meeting) return undefined;
  return { type: 'deleteMeeting', meetingQuery: meeting.query, ...(days[0] ? { date: days[0].date } : {}) };
}

const phoneRe = /\+?\d[\d\s()-]{5,}\d/u;
const emailRe = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;

function contactDetails(message: Message): { phone?: string; email?: string; rest: Message } {
  const spans: { start: number; end: number }[] = [];
  const email = message.raw.match(emailRe);
  if (email?.index !== undefined) spans.push({ start: email.index, end: email.index + email[0].length });
  const withoutEmail = email ? message.raw.replace(email[0], ' '.repeat(email[0].length)) : message.raw;
  const phone = withoutEmail.match(phoneRe);
  if (phone?.index !== undefined) spans.push({ start: phone.index, end: phone.index + phone[0].length });
  const rest = without(message, spans);
  return {
    ...(phone ? { phone: phone[0].trim() } : {}),
    ...(email ? { email: email[0] } : {}),
    rest: {
      raw: rest.raw.replace(/(?:,|телефон|тел\.?|phone|e-?mail|почта|email)\s*:?/giu, ' '),
      light: rest.light.replace(/(?:,|телефон|тел\.?|phone|e-?mail|почта|email)\s*:?/giu, ' '),
    },
  };
}

function createContact(message: Message, start: number): WriteDraft | undefined {
  const details = contactDetails(part(message, start));
  const words = rawSlice(details.rest, 0).split(/\s+/).filter(Boolean);
  // "Смирнова Анна": a surname first, as Russian lists write people, goes last.
  const surname = /(?:ов|ова|ев|ева|ин|ина|ский|ская|цкий|цкая)$/iu;
  if (words.length === 2 && surname.test(words[0]!) && !surname.test(words[1]!)) words.reverse();
  const [name, ...others] = words;
  if (!name) return undefined;
  return {
    type: 'createContact',
    name: capitalise(name),
    ...(others.length ? { lastName: others.map(capitalise).join(' ') } : {}),
    ...(details.phone ? { phone: details.phone } : {}),
    ...(details.email ? { email: details.email } : {}),
  };
}

function createCompany(message: Message, start: number): WriteDraft | undefined {
  const details = contactDetails(part(message, start));
  const title = unquote(rawSlice(details.rest, 0).replace(/\s{2,}/g, ' '));
  if (!title) return undefined;
  return {
    type: 'createCompany',
    title: capitalise(title),
    ...(details.phone ? { phone: details.phone } : {}),
    ...(details.email ? { email: details.email } : {}),
  };
}
