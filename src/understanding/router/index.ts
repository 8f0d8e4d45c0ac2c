// Understanding without a model: commands, menu buttons and the everyday phrases of the scenarios, in
// Russian and English. What it does not recognise is `unknown`, for the model (or the one-line help).

import { letters } from '../../letters.ts';
import { MENU_BUTTONS } from '../../views/messages.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { ShownItem } from '../../vocabulary/shown-items.ts';
import type { Intent, Understanding } from '../understanding.ts';
import { absenceOfWhom, latenessIntent } from './absence-who.ts';
import { absenceIntent } from './absence-words.ts';
import { alertChangeOf } from './alert-words.ts';
import { comparisonIntent } from './compare-words.ts';
import { findDays, findTimes } from './dates.ts';
import { ellipsis, refinement } from './follow-up.ts';
import { funnelQuery } from './funnel-words.ts';
import { referenceIntent } from './item-reference.ts';
import { attendeesAsked, movedByTitle, prepAsked, timeAsked } from './meeting-words.ts';
import { nearestQuestion } from './nearest.ts';
import { nthOf } from './ordinal-words.ts';
import { planIntent } from './plan.ts';
import { pluralIntent } from './plural-reference.ts';
import { smallTalkOf } from './small-talk.ts';
import { matches, matchesOf } from './spans.ts';
import { detectLanguage, lightText, type Message, messageOf, without } from './text.ts';
import { typedInRussian } from './typed-russian.ts';
import { unsupportedWrite } from './unsupported-writes.ts';
import { contactsIntent, digestChangeIntent, digestsIntent, viewIntent } from './views.ts';
import { withNoneIntent } from './with-none-words.ts';
import { type Clock, writeDraft } from './write-drafts.ts';
import { todayIn } from './zone.ts';

const NOT_IN_KEY = letters(/[^\p{L}\p{N}\s]/gu);
const BETWEEN_WORDS = letters(/[^\p{L}]+/u);

export interface UnderstandContext {
  now: Date;
  /** The director's IANA zone: every day and time is read in it. */
  timeZone: string;
  /** What the director asked last, so "а на завтра?" can follow it. */
  previous?: Intent;
  /** The director's language, for messages with no letters ("/tasks", "👍"). Default Russian. */
  language?: Language;
  /** What was just shown: «закрой вторую», «открой её» refer to it. */
  shown?: ShownItem[];
  focus?: ShownItem;
}

type CommandName =
  | 'start'
  | 'help'
  | 'today'
  | 'schedule'
  | 'tasks'
  | 'deals'
  | 'pipeline'
  | 'team'
  | 'digests'
  | 'plan'
  | 'alerts';

// Buttons and commands mean the same things; `schedule` is resolved to today when understood.
const COMMAND_INTENTS: Record<CommandName, Intent | 'scheduleToday'> = {
  start: { kind: 'greeting' },
  help: { kind: 'help' },
  today: { kind: 'view', request: { scenario: 'briefing' } },
  schedule: 'scheduleToday',
  tasks: { kind: 'view', request: { scenario: 'myTasks' } },
  deals: { kind: 'view', request: { scenario: 'deals' } },
  pipeline: { kind: 'view', request: { scenario: 'pipeline' } },
  team: { kind: 'view', request: { scenario: 'teamStatus' } },
  digests: { kind: 'digests' },
  plan: { kind: 'view', request: { scenario: 'plans' } },
  alerts: { kind: 'alerts' },
};

const BUTTON_COMMANDS: CommandName[][] = [
  ['schedule', 'tasks'],
  ['deals', 'pipeline'],
  ['today', 'team'],
  ['digests', 'help'],
];

const buttonCommand = new Map<string, CommandName>();
for (const language of ['ru', 'en'] as const) {
  MENU_BUTTONS[language].forEach((row, rowIndex) => {
    row.forEach((label, column) => {
      const command = BUTTON_COMMANDS[rowIndex]?.[column];
      if (command) buttonCommand.set(buttonKey(label), command);
    });
  });
}

function buttonKey(text: string): string {
  return text.replace(NOT_IN_KEY, '').trim().toLowerCase();
}

const commandRe = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i;

/**
 * The intent of a bot command (`/tasks`, `/tasks@SomeBot`). `/schedule` means today's schedule, so it needs
 * the day: without one it is the schedule of the UTC date — prefer `understand`, which has the director's zone.
 */
export function commandIntent(command: string, now: Date = new Date(), timeZone = 'UTC'): Intent | undefined {
  const match = command.trim().match(commandRe);
  const name = match?.[1]?.toLowerCase() as CommandName | undefined;
  if (!name || !Object.hasOwn(COMMAND_INTENTS, name)) return undefined;
  const intent = COMMAND_INTENTS[name];
  return intent === 'scheduleToday'
    ? { kind: 'view', request: { scenario: 'schedule', date: todayIn(now, timeZone) } }
    : intent;
}

const greetingRe = letters(
  /^(?:привет\p{L}*|приветствую|здравствуй\p{L}*|здрасте|здрасьте|добр\p{L}+\s+(?:день|утро|вечер|ночи)|доброе\s+утро|доброго\s+\p{L}+|хай|салют|хелло|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|yo)(?![\p{L}])[\s,!.)]*/u,
);
const helpRe =
  /^(?:помощь|помоги|help|справка|что\s+(?:ты\s+)?(?:умеешь|можешь)|что\s+ты\s+умеешь\s+делать|как\s+(?:тобой|этим)\s+пользоваться|команды|меню|menu|commands|what\s+can\s+you\s+do|how\s+does\s+this\s+work)$/u;
const callRe = letters(/^(?:позвони\p{L}*|набери|звякни|прозвони|call|phone|ring|dial)(?![\p{L}])/u);
const emailRe = letters(
  /(?:отправ\p{L}*|напиши|пошли|прочитай|прочти|проверь|покажи)\s+(?:\p{L}+\s+)?(?:письм\p{L}*|e-?mail\p{L}*|имейл\p{L}*|емейл\p{L}*|мейл\p{L}*|почт\p{L}*)|(?:send|write|read|check)\s+(?:an?\s+|my\s+)?(?:e-?mails?|mail|inbox)|^(?:email|e-mail)\s/u,
);
// «ещё», «дальше», «покажи остальные», «следующие 20»: the next part of the last list.
const moreRe = letters(
  /^(?:(?:а\s+)?(?:(?:покажи|показывай|дай|давай|выведи)\s+)?(?:ещ[её]|дальше|далее|остальн\p{L}*|следующ\p{L}*|продолжи|продолжай|more|next|the\s+rest)(?:\s+(?:покажи|давай|\d{1,2}))?|more|next|show\s+(?:more|the\s+rest)|continue)$/u,
);

const smsRe = letters(/(?:смс|sms|эсэмэс)(?![\p{L}])/u);

/** What the message means, in the director's zone. */
export function understand(said: string, context: UnderstandContext): Understanding {
  const text = typedInRussian(said);
  // A command's own name is not the director's language.
  const language = detectLanguage(text.trim().replace(commandRe, ''), context.language ?? 'ru');
  const read = intentOf(text, context);
  const intent = read.kind === 'unknown' ? (nearestQuestion(text, (rest) => intentOf(rest, context)) ?? read) : read;
  return { intent, language, ...(onlyWhen(messageOf(text.trim()), context) ? { onlyWhen: true } : {}) };
}

function intentOf(text: string, context: UnderstandContext): Intent {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'unknown' };
  if (trimmed.startsWith('/')) return commandWithDay(trimmed, context);
  const button = buttonCommand.get(buttonKey(trimmed));
  if (button) return commandIntent(`/${button}`, context.now, context.timeZone)!;
  const impossible = impossibleValue(trimmed);
  if (impossible) return { kind: 'impossible', what: impossible };

  // Before the fillers are dropped: «ок», «ну пока» are all there is of these.
  const talk = smallTalkOf(lightText(trimmed));
  if (talk) return talk;
  let message = messageOf(trimmed);
  const greeting = message.light.match(greetingRe);
  if (greeting) {
    if (greeting[0].length >= message.light.length) return { kind: 'greeting' };
    message = without(message, [{ start: 0, end: greeting[0].length }]);
  }
  if (/^[?？]+$/u.test(trimmed) || helpRe.test(message.light)) return { kind: 'help' };
  if (!message.light) return { kind: 'unknown' };
  const clock = { now: context.now, timeZone: context.timeZone };
  return (
    shownIntent(message, context, clock) ??
    changeIntent(message, context, clock, trimmed) ??
    readIntent(message, context, clock, trimmed)
  );
}

/** "/schedule завтра": a day after the command is the day to show. */
function commandWithDay(trimmed: string, context: UnderstandContext): Intent {
  const intent = commandIntent(trimmed, context.now, context.timeZone);
  const day =
    intent?.kind === 'view' && intent.request.scenario === 'schedule'
      ? findDays(trimmed, context.now, context.timeZone)[0]
      : undefined;
  return day ? { kind: 'view', request: { scenario: 'schedule', date: day.date } } : (intent ?? { kind: 'unknown' });
}

/** «ещё», «открой третью», «закрой её», «из них»: what was just shown, referred to. */
function shownIntent(message: Message, context: UnderstandContext, clock: Clock): Intent | undefined {
  if (moreRe.test(message.light)) return { kind: 'more' };
  const nth = nthOf(message.light);
  const referred = referenceIntent(message, context, clock);
  // With nothing remembered at all, an opening is left to the memory read when it is answered.
  if (referred && !(referred.kind === 'unresolved' && referred.why === 'noList' && nth !== undefined)) return referred;
  if (nth !== undefined) return { kind: 'nth', index: nth };
  return pluralIntent(message, context, clock);
}

/** Settings, plans and writes, and the changes the portal cannot make. */
function changeIntent(message: Message, context: UnderstandContext, clock: Clock, trimmed: string): Intent | undefined {
  const { light } = message;
  // Before the digests: «не присылай про лиды» is about alerts, «не присылай новые лиды» about the digest.
  const alerts = alertChangeOf(light);
  if (alerts) return { kind: 'alerts', ...alerts };
  const digestChange = digestChangeIntent(message);
  if (digestChange) return digestChange;
  // Before the writes: «поставь план на декабрь 12 млн» is a plan, not a task.
  const plan = planIntent(message, clock, context.previous);
  if (plan) return plan;
  // Before calls and e-mail: "создай задачу отправить письмо Иванову" is a task the portal can hold.
  const draft = writeDraft(message, clock);
  if (draft && 'ask' in draft) return { kind: 'ask', question: draft.ask, said: trimmed };
  if (draft) return { kind: 'write', draft: pointedAt(draft, context.previous) };
  const unsupported = unsupportedWrite(message);
  if (unsupported) return unsupported;
  // Before e-mail: «почта Северовой» asks for an address, not for the mailbox.
  const people = contactsIntent(message, clock);
  if (people) return people;
  if (matches(light, smsRe) && /отправ|напиши|пошли|send|text/u.test(light)) return { kind: 'cannotDo', what: 'sms' };
  if (matches(light, emailRe)) return { kind: 'cannotDo', what: 'email' };
  if (callRe.test(light)) return { kind: 'cannotDo', what: 'call' };
  return undefined;
}

/** A read: a refinement of the last question first, then the views, then a follow-up of the last view. */
function readIntent(message: Message, context: UnderstandContext, clock: Clock, trimmed: string): Intent {
  const digests = digestsIntent(message);
  if (digests) return digests;
  // «а за неделю?», «а конверсия?», «а отдел проектов?»: the last question refined, before any view takes the words.
  const continued = ellipsis(message, context.previous, clock, trimmed);
  if (continued) return continued;
  const funnel = funnelQuery(message, clock);
  if (funnel) return { kind: 'view', request: { scenario: 'query', query: funnel } };
  const compared =
    comparisonIntent(message, clock) ??
    absenceIntent(message, clock) ??
    latenessIntent(message) ??
    absenceOfWhom(message, clock) ??
    withNoneIntent(message, clock);
  if (compared) return compared;
  const shown = attendeesAsked(message, clock) ?? viewIntent(message, clock);
  // «когда стратегическая сессия»: a meeting by its title, unless the words read whole as the meetings with a client.
  const meeting = timeAsked(message, clock);
  if (meeting && !meetingList(shown)) return meeting;
  if (shown) return shown;
  const moved = movedByTitle(message, clock) ?? prepAsked(message, clock);
  if (moved) return moved;
  return followUp(message, context) ?? refinement(message, context.previous, clock) ?? { kind: 'unknown' };
}

const meetingList = (intent: Intent | undefined) =>
  intent?.kind === 'view' &&
  !intent.unapplied?.length &&
  intent.request.scenario === 'query' &&
  intent.request.query.subject === 'meetings' &&
  intent.request.query.client !== undefined;
/** «поставь по ней задачу»: the task is bound to the deal or client whose card was just shown. */
function pointedAt(draft: WriteDraft, previous: Intent | undefined): WriteDraft {
  if (draft.type !== 'createTask' || !draft.pointsBack) return draft;
  const { pointsBack: _, ...said } = draft;
  const shown = previous?.kind === 'view' ? previous.request : undefined;
  if (shown?.scenario === 'dealCard') return { ...said, record: { kind: 'deal', id: shown.dealId } };
  if (shown?.scenario === 'dossier' && shown.companyId)
    return { ...said, record: { kind: 'company', id: shown.companyId } };
  if (shown?.scenario === 'dossier' && shown.contactId)
    return { ...said, record: { kind: 'contact', id: shown.contactId } };
  // A client's card asked by name: the same name binds the task.
  if (shown?.scenario === 'dossier' && shown.query) return { ...said, about: shown.query };
  return said;
}

// "а на завтра?", "а в пятницу?", "what about Friday?": the last view again, for the day named now.
const followUpFiller =
  /^(?:а|и|ну|что|как|насчет|на|в|во|по|про|за|с|тогда|там|еще|what|about|how|and|for|on|then|is|it)?$/u;

/** Nothing but a day or a time and a few small words: «а на завтра?», «на пятницу в 15:00». */
function onlyWhen(message: Message, context: UnderstandContext): boolean {
  const days = findDays(message.raw, context.now, context.timeZone);
  const times = findTimes(message.raw, days);
  if (days.length === 0 && times.length === 0) return false;
  const rest = without(message, [...days, ...times]).light;
  const words = rest.split(BETWEEN_WORDS).filter(Boolean);
  return words.length <= 4 && words.every((word) => followUpFiller.test(word));
}

function followUp(message: Message, context: UnderstandContext): Intent | undefined {
  const days = findDays(message.raw, context.now, context.timeZone);
  const day = days[0];
  if (!day || !onlyWhen(message, context)) return undefined;
  const times = findTimes(message.raw, days);
  const previous = context.previous?.kind === 'view' ? context.previous.request : undefined;
  return { kind: 'view', request: againFor(previous, day.date, times[0]?.time) };
}

function againFor(previous: ScenarioRequest | undefined, date: string, time: string | undefined): ScenarioRequest {
  switch (previous?.scenario) {
    case 'dayResults':
      return { scenario: 'dayResults', date };
    case 'meetingPrep':
      return { ...previous, date, ...(time ? { time } : {}) };
    default:
      return { scenario: 'schedule', date };
  }
}

const monthDays: [RegExp, number][] = [
  [/^янв|^jan/u, 31],
  [/^фев|^feb/u, 29],
  [/^мар|^mar/u, 31],
  [/^апр|^apr/u, 30],
  [/^ма[яй]|^may/u, 31],
  [/^июн|^jun/u, 30],
  [/^июл|^jul/u, 31],
  [/^авг|^aug/u, 31],
  [/^сен|^sep/u, 30],
  [/^окт|^oct/u, 31],
  [/^ноя|^nov/u, 30],
  [/^дек|^dec/u, 31],
];
const dayAndMonthRe = letters(/(?<![\p{L}\d])(\d{1,2})\s+(\p{L}{3,})/gu);
const negativeMoneyRe = letters(
  /(?<![\p{L}\d])[-−–]\s?\d[\d\s]*(?:[.,]\d+)?\s*(?:₽|руб\p{L}*|р\.|rub\p{L}*|\$|usd|€|eur|тыс\p{L}*|млн\p{L}*)/iu,
);

/** The words naming a day that does not exist («31 февраля»), or a negative sum («-5 рублей»). */
function impossibleValue(text: string): string | undefined {
  // Each of these is a number said: a text without a digit has none of them.
  if (!/\d/u.test(text)) return undefined;
  const lower = text.toLocaleLowerCase('ru');
  for (const match of matchesOf(lower, dayAndMonthRe)) {
    const day = Number(match[1]);
    const days = monthDays.find(([month]) => month.test(match[2]!))?.[1];
    if (days !== undefined && (day === 0 || day > days)) return text.slice(match.index, match.index + match[0].length);
  }
  const dotted = /(?<![\d.])(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?(?![\d.])/u.exec(lower);
  if (dotted) {
    const [day, month] = [Number(dotted[1]), Number(dotted[2])];
    const days = month >= 1 && month <= 12 ? monthDays[month - 1]![1] : 0;
    if (month >= 1 && month <= 12 && (day === 0 || day > days)) return dotted[0];
  }
  return negativeMoneyRe.exec(text)?.[0].trim();
}
