// Which view a message asks for, and the little that goes with it (a day, a name, a time).

import { letters } from '../../letters.ts';
import type { DigestName, LocalDate, ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { type DayMatch, findDays, findTimes } from './dates.ts';
import { teamDepartment } from './department-words.ts';
import { E, has, keywordView, reportView, view } from './keyword-views.ts';
import { knownWord } from './lexicon.ts';
import { findPeriod } from './period-words.ts';
import { LOWER_NAME, SMALL } from './query-names.ts';
import { NEW_FORMS } from './query-parts.ts';
import { isQualified, parseQuery, UNFIT } from './query-reading.ts';
import { personReport } from './report-person.ts';
import { matches, mayMatch } from './spans.ts';
import { type Message, messageOf, nominative, rawSlice, unquote, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { todayIn } from './zone.ts';

const ALL_WORD = letters(/(?<![\p{L}])(?:вс[её]|all|every)(?![\p{L}])/u);
const OWN_WORD = letters(/^(?:мо[йяеи]\p{L}*|my|our|наш\p{L}*)$/u);
const DOSSIER_ASKED = letters(
  /^(?:расскажи\p{L}*|рассказать|вс[её](?=\s+(?:о|об|про|по)\s)|everything|all|что\s+(?:ты\s+)?(?:известно|знаешь|есть)|инф[оа]\p{L}*|данные|карточк\p{L}*|досье|кто\s+так(?:ой|ая|ие)|что\s+за|tell\s+me|what\s+do\s+you\s+know|who\s+is|who's|dossier|profile|info)(?![\p{L}])\s*(?:(?:мне|me)\s+)?(?:(?:про|о|об|по|на|about|on|for)\s+)?(?:(?:клиент\p{L}*|компани\p{L}*|контакт\p{L}*|организаци\p{L}*|фирм\p{L}*|партнер\p{L}*|the\s+)?(?:client|company|contact|customer)?\s*)(.*)$/du,
);
const SEARCH_ASKED = letters(
  /^(?:найди|найти|поищи|поиск|ищи|отыщи|search(?:\s+for)?|find|look\s+up|lookup)(?![\p{L}])\s*(?:(?:мне|me)\s+)?(?:(?:в\s+crm|в\s+битрикс\p{L}*|везде)\s+)?(?:(?:контакт\p{L}*|компани\p{L}*|клиент\p{L}*|сделк\p{L}*|the\s+)?\s*)(.+)$/du,
);
const RECORD_ASKED = letters(
  /^(?:(?:открой|покажи|show|open)\s+)?(?:сделк[уа]|контакт|компани[юя]|клиента?|(?:the\s+)?(?:deal|contact|company|client))\s+(?!(?:на|в|за|по|с|from|for|on|in|this|next)(?![\p{L}]))(.+)$/du,
);
const NAME_PREPOSITION_BEFORE = letters(/(?<![\p{L}])(?:по|с|со|у)\s+$/u);
const MEETING_LEAD = letters(
  /^(?:(?:the\s+)?(?:next\s+)?(?:meeting|call)(?![\p{L}])\s*)?(?:с|со|with|у|about|про)?\s*/iu,
);
const BETWEEN_WORDS = letters(/[^\p{L}]+/u);

/** The six digests by the names directors use for them. */
const DIGEST_NAMES: { digest: DigestName; pattern: string }[] = [
  {
    digest: 'dayPlan',
    pattern: `план\\p{L}*\\s+(?:на\\s+)?д(?:ня|ень)|day\\s+plan|daily\\s+plan|plan\\s+for\\s+the\\s+day`,
  },
  {
    digest: 'morningBriefing',
    pattern: `утренн\\p{L}*\\s+(?:брифинг|сводк\\p{L}*|обзор)|брифинг|сводк\\p{L}*\\s+(?:по\\s+)?утр\\p{L}*|morning\\s+(?:briefing|digest|summary)|briefing`,
  },
  {
    digest: 'overdueAlert',
    pattern: `(?:алерт|напоминани\\p{L}*|уведомлени\\p{L}*|оповещени\\p{L}*)\\s+(?:о|об|про)\\s+просрочк\\p{L}*|просрочк\\p{L}*|overdue(?:\\s+alert)?`,
  },
  {
    digest: 'newLeads',
    pattern: `нов\\p{L}*\\s+лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|new\\s+leads|leads`,
  },
  {
    digest: 'eveningSummary',
    pattern: `вечерн\\p{L}*\\s+(?:сводк\\p{L}*|отчет\\p{L}*|итог\\p{L}*|обзор)|(?:сводк\\p{L}*|итог\\p{L}*|отчет\\p{L}*)\\s+(?:по\\s+)?вечер\\p{L}*|итог\\p{L}*\\s+дня|отчет\\p{L}*\\s+за\\s+день|evening\\s+(?:summary|digest|report)|day\\s+results`,
  },
  {
    digest: 'weeklyReport',
    pattern: `(?:недельн\\p{L}*|еженедельн\\p{L}*)\\s+отчет\\p{L}*|отчет\\p{L}*\\s+(?:за|по)\\s+недел\\p{L}*|итог\\p{L}*\\s+недели|weekly\\s+(?:report|summary|digest)`,
  },
];

const startsWithWriteRe = letters(
  /^(?:создай|создать|добавь|назначь|поставь|перенеси|удали|отмени|закрой|напомни|create|add|schedule|move|delete|cancel)(?![\p{L}\p{N}])/u,
);

// «с 1 по 15 ноября» is a range of days, not a time.
// A day or period said («лиды до 1 ноября», «с 1.11 по 15.11», «в 3-м квартале»): a question, not a digest's time.
const dateRangeRe = letters(
  /(?:с|по|до|from|to|until)\s+\d{1,2}\s+(?:янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}\.\d{1,2}\s*(?:по|до|-|–|—|to)\s*\d{1,2}\.\d{1,2}|\d\s*-?\s*\p{L}{0,3}\s+(?:квартал|quarter)/u,
);

// Said with a digest's name: switch it off, on, or set its time.
const digestOffRe = letters(
  /(?<![\p{L}])(?:выключи\p{L}*|отключи\p{L}*|не\s+(?:присылай\p{L}*|присылать|надо|нужн\p{L}*|отправляй\p{L}*|шли)|отпиши\p{L}*|останови\p{L}*|хватит|больше\s+не|turn\s+off|switch\s+off|disable|stop|unsubscribe|don'?t\s+send|no\s+more)(?![\p{L}])/u,
);
const digestOnRe = letters(
  /(?<![\p{L}])(?:включи\p{L}*|присылай\p{L}*|присылать|отправляй\p{L}*|подпиши\p{L}*|хочу\s+получать|turn\s+on|switch\s+on|enable|subscribe|send\s+me)(?![\p{L}])/u,
);

const digestNamed = (light: string): DigestName | undefined =>
  DIGEST_NAMES.find(({ pattern }) => has(light, pattern))?.digest;

/**
 * A digest's setting said in words: «выключи утренний брифинг», «не присылай сводку по вечерам» (off),
 * «присылай итоги дня» (on), «итоги дня в 19:00», «присылай вечернюю сводку в 19:00» (the time, and on).
 */
export function digestChangeIntent(message: Message): Intent | undefined {
  const { light } = message;
  if (startsWithWriteRe.test(light) || matches(light, dateRangeRe)) return undefined;
  const digest = digestNamed(light);
  if (!digest) return allDigestsSwitch(light);
  if (matches(light, digestOffRe)) return { kind: 'digestSwitch', digest, enabled: false };
  const time = findTimes(message.raw).find((found) => found.preposition !== '' || /\d[:.]\d/u.test(light));
  if (time) return { kind: 'digestTime', digest, time: time.time };
  if (matches(light, digestOnRe)) return { kind: 'digestSwitch', digest, enabled: true };
  return undefined;
}

const digestsPattern = `дайджест\\p{L}*|рассыл(?:к|ок)\\p{L}*|подпис(?:к|ок)\\p{L}*|настро\\p{L}*\\s+(?:сводк\\p{L}*|уведомлени\\p{L}*|оповещени\\p{L}*|напоминани\\p{L}*|брифинг\\p{L}*)|(?:сводк\\p{L}*|уведомлени\\p{L}*)\\s+по\\s+расписанию|digests?|subscriptions?|notification\\s+settings|notifications`;

/** «выключи все рассылки», «не присылай больше уведомления», «включи все дайджесты». */
function allDigestsSwitch(light: string): Intent | undefined {
  if (!has(light, digestsPattern)) return undefined;
  if (matches(light, digestOffRe)) return { kind: 'digestSwitchAll', enabled: false };
  if (matches(light, digestOnRe) && ALL_WORD.test(light)) return { kind: 'digestSwitchAll', enabled: true };
  return undefined;
}

export function digestsIntent(message: Message): Intent | undefined {
  return has(message.light, digestsPattern) ? { kind: 'digests' } : undefined;
}

// «контакты Ромашки», «телефон Ромашкина», «почта Северовой», «кто у нас в Ромашке»: who to reach at a client.
const contactsRe = letters(
  /^(?:(?:покажи|дай|дайте|скинь|пришли|подскажи|какой|какая|какие|нужен|нужна|нужны|найди|show|give|send|find|get|what(?:'s|\s+is|\s+are))\s+)?(?:(?:мне|me)\s+)?(?:все\s+)?(?:контакты|телефон\p{L}*|номер\p{L}*(?:\s+телефона)?|почт\p{L}*|e-?mail\p{L}*|имейл\p{L}*|емейл\p{L}*|мейл\p{L}*|(?:the\s+|all\s+)?(?:contacts|phones?(?:\s+numbers?)?|numbers?|e-?mails?(?:\s+address(?:es)?)?))(?![\p{L}])\s*(?:(?:у|в|во|из|по|of|at|for|from|in)\s+)?(?:(?:компани\p{L}*|клиент\p{L}*|контакт\p{L}*|фирм\p{L}*|company|client|contact|the)\s+)?(?!(?:от|from)(?![\p{L}]))(.+)$/du,
);
const peopleAtRe = letters(
  /^(?:кто\s+(?:у\s+нас\s+)?(?:есть\s+|работает\s+)?(?:в|во)|who\s+(?:do\s+we\s+know|works|is)\s+(?:at|in)|people\s+at)\s+(?:(?:компани\p{L}*|фирм\p{L}*|company|the)\s+)?(.+)$/du,
);

/** «контакты Ромашки»: the people to reach, with position, phone and e-mail. */
export function contactsIntent(message: Message, clock: Clock): Intent | undefined {
  const match = message.light.match(contactsRe) ?? message.light.match(peopleAtRe);
  if (!match) return undefined;
  // «кто в отпуске», «кто в офисе»: the staff's whereabouts, not a client called «Отпуск».
  if (/^(?:отпуск|командировк|больничн|офис|декрет)/u.test(message.light.slice(match.indices![1]![0])))
    return undefined;
  // «контакты Попова за месяц»: a period makes it a question about the CRM's contacts (whose, added when).
  if (findPeriod(message, clock)) return undefined;
  const query = nameQuery(message, match.indices![1]![0]).replace(/[?？]+$/u, '');
  // A name is a few words; a longer tail is a question about something else.
  if (!query || query.split(/\s+/).length > 4) return undefined;
  if (OWN_WORD.test(query.toLowerCase())) return undefined;
  return view({ scenario: 'contacts', query });
}

/** A view the message asks for, or undefined; a word it could not apply is said (`unapplied`). */
export function viewIntent(message: Message, clock: Clock): Intent | undefined {
  const intent = readyView(message, clock);
  // The one-keyword views take a word they do not use silently; it is said instead.
  if (intent?.kind !== 'view' || intent.unapplied || !PLAIN_VIEWS.has(intent.request.scenario)) return intent;
  const unapplied = parseQuery(message, clock)?.unapplied ?? [];
  return unapplied.length ? { ...intent, unapplied } : intent;
}

const PLAIN_VIEWS = new Set([
  'myTasks',
  'deals',
  'pipeline',
  'teamStatus',
  'newLeads',
  'briefing',
  'overdueAlert',
  'schedule',
]);

function readyView(message: Message, clock: Clock): Intent | undefined {
  const days = findDays(message.raw, clock.now, clock.timeZone);
  const day = days[0]?.date;
  const today = todayIn(clock.now, clock.timeZone);
  return (
    namedRecordView(message, days, clock) ??
    daysSchedule(message, clock) ??
    clashes(message, day ?? today) ??
    questionIntent(message, clock) ??
    personReport(message, clock) ??
    reportView(message.light, day ?? today) ??
    // Below, one keyword picks the view; a message with more in it than that is a question for the model.
    ofDepartment(message, days, plainRequest(message, days) ? keywordView(message.light, day, today) : undefined)
  );
}

/** «как дела у логистов», «статус отдела проектов»: the team view of the department named. */
function ofDepartment(message: Message, days: DayMatch[], keyword: Intent | undefined): Intent | undefined {
  if (keyword && !(keyword.kind === 'view' && keyword.request.scenario === 'teamStatus')) return keyword;
  const department = teamDepartment(message);
  // Every other word a plain one: «выгрузи бухгалтерию» asks for something else.
  if (!department || !plainRequest(message, [...days, department.span], 0)) return keyword;
  return view({ scenario: 'teamStatus', department: department.said });
}

const CLASH_WORDS = `пересечени\\p{L}*|пересека\\p{L}*|накладк\\p{L}*|наложени\\p{L}*|конфликт\\p{L}*|overlap\\p{L}*|clash\\p{L}*`;

/** «есть пересечения в календаре», «накладки во встречах завтра»: the day's schedule, whose clashes it flags. */
function clashes(message: Message, date: LocalDate): Intent | undefined {
  if (!has(message.light, CLASH_WORDS)) return undefined;
  if (!has(message.light, `календар\\p{L}*|встреч\\p{L}*|расписани\\p{L}*|calendar|meetings?|schedule|есть`))
    return undefined;
  return view({ scenario: 'schedule', date });
}

/** «досье Ромашки», «что по Орловой», «найди Альфу», «сделка Ромашка», «подготовь к встрече»: one record or meeting. */
function namedRecordView(message: Message, days: DayMatch[], clock: Clock): Intent | undefined {
  const { light } = message;
  const prep = meetingPrep(message, days);
  if (prep) return view(prep);

  const dossier = light.match(DOSSIER_ASKED);
  if (dossier) {
    const query = nameQuery(message, dossier.indices![1]![0]);
    if (query) return view({ scenario: 'dossier', query });
    // A bare «досье»: which client?
    if (/^(?:досье|dossier)/u.test(light)) return { kind: 'ask', question: 'client', said: message.raw };
  }

  const about = aboutSomeone(message) ?? bareName(message, days, clock);
  if (about) return someonesDay(about, clock) ?? view({ scenario: 'dossier', query: about });

  const search = light.match(SEARCH_ASKED);
  if (search) {
    const query = nameQuery(message, search.indices![1]![0]);
    if (query) return view({ scenario: 'search', query });
  }

  // "сделка Ромашка", "открой компанию Альфа": one record by its name.
  const record = light.match(RECORD_ASKED);
  // «клиента Меридиан задачи»: a subject after the name makes it a question about that client.
  const named = record && sliceFrom(message, record.indices![1]![0]);
  if (named && !findDays(named.raw, clock.now, clock.timeZone).length && !parseQuery(named, clock)?.said) {
    const query = nameQuery(message, record.indices![1]![0]);
    if (query) return view({ scenario: 'search', query });
  }
  return undefined;
}

/**
 * A question with qualifiers («задачи Орловой», «выручка за ноябрь») as a typed query. One word it cannot
 * apply rides along (the model reads it, or the reply says it was not applied); more, or a «почему», make
 * the whole message a question for the model.
 */
function questionIntent(message: Message, clock: Clock): Intent | undefined {
  const asked = parseQuery(message, clock);
  if (!asked || !isQualified(asked.query)) return undefined;
  // «что просрочено», «зависшие»: the ready-made overdue and deals views already answer these.
  const { person, period, client, groupBy, sort, idleDays } = asked.query;
  if (!asked.said && !person && !period && !client && !groupBy && !sort && !idleDays) return undefined;
  const { unapplied } = asked;
  // Words left over are said back with the nearest question offered (or read by the model); a name guessed
  // by its place alone with another such word, or a question mostly of words not understood, is the model's.
  const words = message.light.split(/\s+/u).length;
  if (unapplied.includes(UNFIT)) return { kind: 'unknown' };
  if ((asked.doubtful > 0 && unapplied.length + asked.doubtful > 1) || unapplied.length * 2 > words)
    return {
      kind: 'unknown',
      partial: { understood: { scenario: 'query', query: asked.query }, notUnderstood: unapplied },
    };
  return {
    kind: 'view',
    request: { scenario: 'query', query: asked.query },
    ...(unapplied.length ? { unapplied } : {}),
  };
}

// What a director says for the schedule as a whole (meetings and tasks due), not for meetings alone.
const SCHEDULE_WORDS = `расписани\\p{L}*|график\\p{L}*|план(?:ы|ах)?${E}|календар\\p{L}*|(?:что|че|чо|шо)\\s+(?:у\\s+меня|у\\s+нас|по\\s+плану|запланировано)|agenda|schedule|calendar|what'?s\\s+on|what\\s+do\\s+i\\s+have`;

/**
 * «что у меня на неделе», «расписание на следующую неделю», «план на декабрь»: the schedule of each day of
 * the period, meetings and tasks due. One day is the day's schedule (below); meetings alone are a question.
 */
function daysSchedule(message: Message, clock: Clock): Intent | undefined {
  if (!has(message.light, SCHEDULE_WORDS) || has(message.light, `продаж\\p{L}*|sales|воронк\\p{L}*`)) return undefined;
  const found = findPeriod(message, clock);
  if (!found || found.period.from === found.period.to) return undefined;
  const asked = parseQuery(message, clock);
  if (asked && (asked.query.subject !== 'meetings' || isQualified({ ...asked.query, period: undefined })))
    return undefined;
  if (!plainRequest(message, found.spans)) return undefined;
  return view({ scenario: 'schedule', date: found.period.from, to: found.period.to });
}

// «что по Ромашке», «как дела у Орловой», «чем занят Соколов»: a client's card, or an employee's tasks.
const aboutSomeoneRe = letters(
  /^(?:(?:а|ну)\s+)?(?:(?:что|чо|че)(?:\s+(?:там|сейчас|нового|у\s+нас))*\s+(?:по|с|со|у(?!\s+нас(?![\p{L}])))|как(?:\s+там)?(?:\s+(?:дела|успехи|поживает))?(?:\s+(?:у|с|со))?|чем(?:\s+сейчас)?\s+занят\p{L}*|how\s+is|what'?s(?:\s+up)?\s+with)(?![\p{L}])\s*(.+)$/du,
);

/** The name in «что по Ромашке»: a name (capitalised or a surname), not a subject, a period or the team. */
function aboutSomeone(message: Message): string | undefined {
  const match = message.light.match(aboutSomeoneRe);
  if (!match) return undefined;
  const said = rawSlice(message, match.indices![1]![0]).replace(/[?？!]+$/u, '');
  const words = said.split(/\s+/u);
  // «что у нас с ромашкой» typed in lower case: one word the assistant does not know, after «с», «по» or «у», is
  // a name too; a department («у логистов») is not.
  const lowerName =
    words.length === 1 &&
    NAME_PREPOSITION_BEFORE.test(message.light.slice(0, match.indices![1]![0])) &&
    /^\p{Ll}{4,}$/u.test(said) &&
    !knownWord(said) &&
    !SMALL.test(said) &&
    !teamDepartment(messageOf(said));
  if (words.length > 3 || !(/^\p{Lu}/u.test(said) || lowerName) || /\d/u.test(said)) return undefined;
  if (parseQuery(messageOf(said), { now: new Date(0), timeZone: 'UTC' }) || /^(?:отдел|команд|team)/iu.test(said))
    return undefined;
  // As said: the lookups read any case, and «Орловой» keeps the woman «Орлов» would lose.
  return unquote(said);
}

/** «Ромашка», «ромашка», «Дмитрий Попов»: a name alone, with no word the assistant knows, is a dossier. */
function bareName(message: Message, days: DayMatch[], clock: Clock): string | undefined {
  const said = unquote(message.raw.trim().replace(/[?？!.]+$/u, ''));
  const words = said.split(/\s+/u);
  if (days.length || words.length > 3 || /[\d@/:]/u.test(said) || parseQuery(message, clock)) return undefined;
  // A word that names a view («воронка») is that view, not a client's name.
  if (keywordView(message.light, undefined, todayIn(clock.now, clock.timeZone))) return undefined;
  const named = (word: string) =>
    !knownWord(word) && (/^\p{Lu}/u.test(word) || (words.length === 1 && LOWER_NAME.test(word)));
  return words.every(named) ? said : undefined;
}

/**
 * «что у Попова завтра», «что у Орловой на этой неделе»: a name and a period after it are that person's schedule then,
 * read as «встречи Попова завтра» — never a client called «Попова завтра».
 */
function someonesDay(about: string, clock: Clock): Intent | undefined {
  const said = messageOf(about);
  if (!findPeriod(said, clock)) return undefined;
  const asked = parseQuery(messageOf(`встречи ${about}`), clock);
  if (!asked?.query.person || !asked.query.period || asked.unapplied.length) return undefined;
  return view({ scenario: 'query', query: asked.query });
}

// «подготовь к встрече», «что за встреча», «следующая встреча»: the words that ask to prepare for a meeting, and
// the same words the other way round («к встрече в 16 подготовь»).
const PREP_RE = letters(
  /(?:подготов\p{L}*|готов\p{L}*|помоги\s+подготовиться|брифинг|справк\p{L}*|что\s+нужно\s+знать)\s+(?:меня\s+)?(?:к|ко|перед)\s+(?:(?:следующ|ближайш)\p{L}*\s+)?(?:встреч\p{L}*|созвон\p{L}*|совещани\p{L}*|переговор\p{L}*)|что\s+за\s+(?:встреч\p{L}*|созвон\p{L}*)|^(?:(?:какая|когда|что\s+за|где)\s+)?(?:у\s+меня\s+)?(?:мо[яй]\s+)?(?:следующ|ближайш)\p{L}*\s+(?:встреч\p{L}*|созвон\p{L}*)|(?:prepare|prep|brief)\s+(?:me\s+)?(?:for\s+)?(?:the\s+|my\s+|a\s+)?(?=(?:[\d:.]+\s*(?:[ap]\.?m\.?\s+)?)?(?:next\s+)?(?:meeting|call))|^(?:what'?s\s+|when'?s\s+|when\s+is\s+)?(?:my\s+|the\s+)?next\s+(?:meeting|call)|meeting\s+prep/du,
);
const PREP_REVERSED_RE = letters(/^(?:к|ко)\s+(?:встреч\p{L}*|созвон\p{L}*)(.*?)\s*подготов\p{L}*$/du);

function meetingPrep(message: Message, days: DayMatch[]): ScenarioRequest | undefined {
  const match = mayMatch(message.light, PREP_RE) ? message.light.match(PREP_RE) : null;
  // "к встрече в 16 подготовь": the same words the other way round.
  const reversed = match ? undefined : message.light.match(PREP_REVERSED_RE);
  if (!match && !reversed) return undefined;
  const tailStart = match ? match.index! + match[0].length : reversed!.indices![1]![0];
  const tailEnd = match ? message.light.length : reversed!.indices![1]![1];
  const tail = { raw: message.raw.slice(tailStart, tailEnd), light: message.light.slice(tailStart, tailEnd) };
  const tailDays = days
    .filter((day) => day.start >= tailStart)
    .map((day) => ({ ...day, start: day.start - tailStart, end: day.end - tailStart }));
  const time = findTimes(tail.raw, tailDays)[0];
  const date: LocalDate | undefined = tailDays[0]?.date;
  const spans = [...tailDays, ...(time ? [time] : [])];
  const name = rawSlice(without(tail, spans), 0)
    // «prepare for the 14:00 meeting»: the time is cut out, the words around it name no meeting.
    .replace(MEETING_LEAD, '')
    .trim();
  const query = name ? nominative(unquote(name)) : undefined;
  return {
    scenario: 'meetingPrep',
    ...(time ? { time: time.time } : {}),
    ...(query ? { query } : {}),
    ...(date ? { date } : {}),
  };
}

const sliceFrom = (message: Message, start: number): Message => ({
  raw: message.raw.slice(start),
  light: message.light.slice(start),
});

function nameQuery(message: Message, start: number): string {
  const query = nominative(unquote(rawSlice(message, start).replace(/^(?:мне|me)\s+/iu, '')));
  // "досье на": a preposition with nothing after it names nobody.
  return /^(?:на|про|о|об|по|для|about|on|for|of)$/iu.test(query) ? '' : query;
}

// The words of a plain "show me X" request: the views' own words, the usual verbs, modifiers and small words.
const PLAIN_WORDS = letters(
  new RegExp(
    `^(?:${[
      'задач\\p{L}*|таск\\p{L}*|tasks?|todos?|сделк\\p{L}*|сделоч\\p{L}*|deals?|расписани\\p{L}*|календар\\p{L}*|встреч\\p{L}*',
      'созвон\\p{L}*|совещани\\p{L}*|график\\p{L}*|план\\p{L}*|запланирован\\p{L}*|занят\\p{L}*|свобод\\p{L}*|agenda|schedule',
      'calendar|meetings?|брифинг\\p{L}*|обзор\\p{L}*|сводк\\p{L}*|нового|главное|briefing|overview|summary|команд\\p{L}*',
      'отдел\\p{L}*|сотрудник\\p{L}*|подчинен\\p{L}*|коллег\\p{L}*|персонал|ребят\\p{L}*|team|staff|employees|department|people',
      'воронк\\p{L}*|продаж\\p{L}*|pipeline|funnel|sales|лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|leads?|заявк\\p{L}*|просроч\\p{L}*|overdue|late|проблем\\p{L}*',
      'дня|день|day|вечерн\\p{L}*|утренн\\p{L}*|evening|morning|список|list|дел|дела|статус\\p{L}*|status|состояни\\p{L}*',
      'покажи\\p{L}*|показать|дай|дайте|выведи|открой|глянь|посмотр\\p{L}*|скинь|пришли|хочу|нужн\\p{L}*|show|give|see|get|open|check|view',
      `мо[йяеи]\\p{L}*|наш\\p{L}*|все|всех|весь|вся|текущ\\p{L}*|открыт\\p{L}*|активн\\p{L}*|${NEW_FORMS}|завис\\p{L}*|застрял\\p{L}*`,
      'застрявш\\p{L}*|горящ\\p{L}*|важн\\p{L}*|срочн\\p{L}*|ближайш\\p{L}*|работ\\p{L}*|сколько|какие|какой|какая|каки\\p{L}*',
      'что|че|чо|шо|как|кто|когда|там|тут|есть|было|происходило|happened|ли|по|у|я|меня|мне|нас|нам|с|со|в|во|на|за|из|о|об|и|а|же|мы|без',
      'эт\\p{L}*|недел\\p{L}*|месяц\\p{L}*|утр\\p{L}*|движени\\p{L}*|ид[уе]т|week|month|moving|movement',
      'my|me|all|the|a|an|of|for|on|in|what|whats|is|are|do|does|i|have|got|active|current|new|stuck|this|how|doing|up|s',
      'обратить|внимани\\p{L}*|требует|стоит|горит|attention|needs',
    ].join('|')})$`,
    'u',
  ),
);

function plainRequest(message: Message, spans: readonly { start: number; end: number }[], strangers = 1): boolean {
  const rest = without(message, [...spans, ...findTimes(message.raw, spans)]).light;
  const words = rest.split(BETWEEN_WORDS).filter(Boolean);
  return words.filter((word) => !PLAIN_WORDS.test(word)).length <= strangers;
}
