// A change to the write the assistant just asked about, said in a few words: «а срок на пятницу», «лучше в 15»,
// «и ответственный Попов», «не Соколову, а Попову», «на 3 млн». Each word goes to its slot (the dates reader for
// a day or a time, a name for the person, a sum for the amount); a word that fits no slot and is not a small
// word around one means the message is not a change.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import { findAmount } from './amount.ts';
import { findDays, findTimes, localDateTime } from './dates.ts';
import { lightText, messageOf, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { afterYesOrNo } from './yes-no.ts';

const WORDS = letters(/[\p{L}\p{N}-]+/gu);

const TASK_DEADLINE_TIME = '18:00';

// The words around a changed part: what is changed («срок», «время»), how it is said («лучше», «а», «давай»).
const SMALL =
  /^(?:а|и|но|да|нет|лучше|тогда|давай|давайте|пусть|пускай|только|можно|поставь|поменяй|измени|замени|перенеси|сдвинь|сделай|назначь|срок|сроком|срока|дедлайн|время|дату|дата|день|на|в|во|к|ко|до|с|со|пожалуйста|ну|же|ой|хотя|уж|and|but|better|make|it|the|deadline|time|date|to|at|on|by|change|move|instead|please|then|lets|let|us)$/u;
// The words that say the next one is the person: «ответственный Попов», «поручи Попову», «исполнитель — Попов».
const PERSON_WORD = letters(
  /^(?:ответственн\p{L}*|исполнител\p{L}*|поручи\p{L}*|назнач\p{L}*|responsible|assignee|assign|for)$/u,
);

type Draft = WriteDraft;

/** The pending write with the one part the message changes; undefined when the message is not such a change. */
export function changedDraft(draft: Draft, text: string, clock: Clock): Draft | undefined {
  const said = messageOf(insteadOf(afterYesOrNo(text)));
  const days = findDays(said.raw, clock.now, clock.timeZone);
  const times = findTimes(said.raw, days);
  const amount = draft.type === 'createDeal' ? findAmount(said.light) : undefined;
  const rest = without(said, [...days.slice(0, 1), ...times.slice(0, 1), ...(amount ? [amount] : [])]);
  const words = (rest.raw.match(WORDS) ?? []).filter((word) => !SMALL.test(lightText(word)));
  const personWord = words.findIndex((word) => PERSON_WORD.test(lightText(word)));
  const name = words.filter((_, index) => index !== personWord);
  const when = days[0] || times[0] ? { date: days[0]?.date, time: times[0]?.time } : undefined;
  if (name.length > 3 || name.some((word) => /\d/u.test(word))) return undefined;
  // A name is a person only where a word says so or it looks like one (a capital, a surname's ending).
  const person =
    name.length > 0 && (personWord >= 0 || (name.some(looksLikeName) && name.every((word) => /^\p{Lu}/u.test(word))))
      ? name.join(' ')
      : undefined;
  if (name.length > 0 && !person) return undefined;
  if (!when && !person && !amount) return undefined;
  const changed = withWhen(draft, when, clock);
  if (!changed) return undefined;
  if (person) return changed.type === 'createTask' ? withPerson(changed, person) : undefined;
  if (amount && changed.type === 'createDeal')
    return { ...changed, amount: amount.amount, ...(amount.currency ? { currency: amount.currency } : {}) };
  return changed;
}

/** «не Соколову, а Попову», «не в пятницу, а в четверг»: only what comes after «а» is the new value. */
function insteadOf(text: string): string {
  const instead = /(?:^|\s)не\s+[^,]+?,?\s+а\s+(.+)$/iu.exec(text);
  return instead ? instead[1]! : text;
}

// A surname's ending («Попову», «Орловой», «Белинского»); a capital alone («Атлант») may be a client.
const looksLikeName = (word: string) =>
  /^\p{Lu}/u.test(word) && /(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ой|ому|ым|ого|ая|ий)?$/u.test(lightText(word));

const withPerson = (draft: Extract<Draft, { type: 'createTask' }>, name: string): Draft => {
  const { delegated: _, ...rest } = draft;
  return { ...rest, responsibleName: name };
};

/** The day kept when only a time is said, the time kept when only a day is; a meeting keeps its length. */
function withWhen(draft: Draft, when: { date?: string; time?: string } | undefined, clock: Clock): Draft | undefined {
  if (!when) return draft;
  const zone = clock.timeZone;
  const at = (iso: string | undefined, time: string) => {
    const before = iso ? DateTime.fromISO(iso, { setZone: true }) : undefined;
    const date = when.date ?? before?.toISODate() ?? DateTime.fromJSDate(clock.now, { zone }).toISODate()!;
    return localDateTime(date, when.time ?? time, zone);
  };
  switch (draft.type) {
    case 'createTask':
    case 'moveTask': {
      const before = draft.deadline ? DateTime.fromISO(draft.deadline, { setZone: true }) : undefined;
      const time = before ? before.toFormat('HH:mm') : TASK_DEADLINE_TIME;
      const { noDeadline: _, ...rest } = draft as Extract<Draft, { type: 'createTask' }>;
      return { ...rest, type: draft.type, deadline: at(draft.deadline, time) } as Draft;
    }
    case 'createMeeting':
      return { ...draft, ...moved(draft.from, draft.to, at(draft.from, hourOf(draft.from))) };
    case 'moveMeeting':
      if (draft.from) return { ...draft, ...moved(draft.from, draft.to, at(draft.from, hourOf(draft.from))) };
      return {
        ...draft,
        ...(when.date ? { toDate: when.date } : {}),
        ...(when.time ? { toTime: when.time } : {}),
      };
    default:
      return undefined;
  }
}

const hourOf = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm');

/** The new start, and the end as far after it as before. */
function moved(from: string, to: string | undefined, start: string): { from: string; to?: string } {
  if (!to) return { from: start };
  const length = DateTime.fromISO(to).diff(DateTime.fromISO(from));
  return {
    from: start,
    to: DateTime.fromISO(start, { setZone: true }).plus(length).toISO({ suppressMilliseconds: true })!,
  };
}
