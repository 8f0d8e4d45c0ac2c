// What is worth a message, decided on a record read again with the director's rights: each rule says whether the
// record, as it is now, is news to this director, and names the change (the claim's key: told once, ever).
import { DateTime } from 'luxon';
import type { AlertKind } from '../vocabulary/alert-kinds.ts';
import { type DealHistory, dealMoves } from './deal-moves.ts';
import type { PortalRecord } from './records.ts';
import { type AlertSettings, wants } from './settings.ts';

export interface AlertFacts {
  type: PortalRecord['type'];
  id: number;
  title: string;
  /** The person to name: the deal's or lead's manager, the task's responsible, the meeting's host. */
  personId?: number;
  amount?: number;
  currency?: string;
  reason?: string;
  /** ISO: a task's deadline, a meeting's start. */
  at?: string;
  /** Minutes a lead has waited. */
  minutes?: number;
  /** A deal's stage (or close date) before and after it moved; days it has stood still. */
  from?: string;
  to?: string;
  days?: number;
}

export interface Alert {
  kind: AlertKind;
  /** `deal:42`: repeats of one object fold into one line. */
  object: string;
  change: string;
  facts: AlertFacts;
}

export interface Director {
  portalUserId: number;
  zone: string;
}

/** Only what happened lately is news: a deal won a month ago and edited today is not. */
const RECENT_MS = 24 * 60 * 60 * 1000;
/** A lead or a task is told when it crosses its line, not hours later (a bot started today tells no old news). */
const CROSSED_MS = 2 * 60 * 60 * 1000;
const WORKING_HOURS = { from: 9, to: 18 };

/** Minutes of working time (Monday to Friday, 09:00–18:00 in the zone) between two moments. */
export function workingMinutes(from: number, to: number, zone: string): number {
  let minutes = 0;
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  while (day.toMillis() < to) {
    if (day.weekday <= 5) {
      const start = Math.max(from, day.set({ hour: WORKING_HOURS.from }).toMillis());
      const end = Math.min(to, day.set({ hour: WORKING_HOURS.to }).toMillis());
      if (end > start) minutes += (end - start) / 60_000;
    }
    day = day.plus({ days: 1 });
  }
  return Math.floor(minutes);
}

const text = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
const ms = (value: unknown) => {
  const raw = text(value);
  const iso = Date.parse(raw);
  if (!Number.isNaN(iso)) return iso;
  // The calendar's display format on a Russian portal: `24.11.2026 09:00:00`.
  const local = DateTime.fromFormat(raw, 'dd.MM.yyyy HH:mm:ss');
  return local.isValid ? local.toMillis() : Number.NaN;
};
const recent = (value: unknown, now: Date) => now.getTime() - ms(value) <= RECENT_MS;

type Rule = (
  row: Record<string, unknown>,
  who: Director,
  settings: AlertSettings,
  now: Date,
  history: DealHistory,
) => Alert[] | Alert | undefined;

/** A deal won or lost, or an open one moved in a way the director watches (deal-moves.ts). */
const dealRule: Rule = (row, who, settings, now, history) => {
  const closed = closedDeal(row, who, settings, now, history);
  if (closed) return closed;
  return dealMoves(row, history, settings, now).map((move) => ({
    kind: move.kind,
    object: `deal:${Number(row.ID)}`,
    change: move.change,
    facts: { ...dealFacts(row), ...move.facts },
  }));
};

const dealFacts = (row: Record<string, unknown>) => ({
  type: 'deal' as const,
  id: Number(row.ID),
  title: text(row.TITLE),
  personId: Number(row.ASSIGNED_BY_ID),
  amount: Number(row.OPPORTUNITY ?? 0),
  currency: text(row.CURRENCY_ID) || 'RUB',
});

const closedDeal: Rule = (row, _who, settings, now) => {
  const semantic = text(row.STAGE_SEMANTIC_ID);
  const when = row.MOVED_TIME ?? row.CLOSEDATE;
  const facts = dealFacts(row);
  const { id, amount } = facts;
  if (semantic === 'S' && wants(settings, 'dealWon') && amount >= settings.wonFrom && recent(when, now)) {
    return { kind: 'dealWon', object: `deal:${id}`, change: 'won', facts };
  }
  if (semantic === 'F' && wants(settings, 'dealLost') && amount >= settings.lostFrom && recent(when, now)) {
    const reason = text(row.COMMENTS)
      .replace(/<[^>]*>/g, '')
      .trim();
    return {
      kind: 'dealLost',
      object: `deal:${id}`,
      change: 'lost',
      facts: { ...facts, ...(reason ? { reason } : {}) },
    };
  }
  return undefined;
};

/** A new lead nobody has touched (no stage change, no edit since it came) for N minutes, in working hours; whether
 * anyone answered it (an activity, its responsible's comment) is asked afterwards, for these leads only (claims.ts). */
const leadRule: Rule = (row, who, settings, now) => {
  if (text(row.STATUS_ID) !== 'NEW' || !wants(settings, 'leadUntouched')) return undefined;
  const created = ms(row.DATE_CREATE);
  if (ms(row.DATE_MODIFY) !== created) return undefined;
  if (!recent(row.DATE_CREATE, now)) return undefined;
  const minutes = workingMinutes(created, now.getTime(), who.zone);
  if (minutes < settings.leadMinutes || minutes > settings.leadMinutes + CROSSED_MS / 60_000) return undefined;
  const id = Number(row.ID);
  const title = text(row.TITLE) || [row.NAME, row.LAST_NAME].map(text).join(' ').trim();
  return {
    kind: 'leadUntouched',
    object: `lead:${id}`,
    change: 'untouched',
    facts: { type: 'lead', id, title, personId: Number(row.ASSIGNED_BY_ID), minutes },
  };
};

/** A task the director set (for someone else): completed, or past its deadline. */
const taskRule: Rule = (row, who, settings, now) => {
  const creator = Number(row.createdBy ?? row.CREATED_BY);
  const responsible = Number(row.responsibleId ?? row.RESPONSIBLE_ID);
  if (creator !== who.portalUserId || responsible === who.portalUserId) return undefined;
  const id = Number(row.id ?? row.ID);
  const status = Number(row.status ?? row.STATUS);
  const deadline = text(row.deadline ?? row.DEADLINE);
  const facts = { type: 'task' as const, id, title: text(row.title ?? row.TITLE), personId: responsible };
  if (status === 5 && wants(settings, 'taskDone') && recent(row.closedDate ?? row.CLOSED_DATE, now)) {
    return { kind: 'taskDone', object: `task:${id}`, change: 'done', facts };
  }
  const overdue = deadline !== '' && ms(deadline) < now.getTime() && now.getTime() - ms(deadline) <= CROSSED_MS;
  if (status < 5 && overdue && wants(settings, 'taskOverdue')) {
    return {
      kind: 'taskOverdue',
      object: `task:${id}`,
      change: `overdue:${deadline}`,
      facts: { ...facts, at: deadline },
    };
  }
  return undefined;
};

/** A meeting someone else put into the director's today or tomorrow. */
const meetingRule: Rule = (row, who, settings, now) => {
  const host = Number(row.CREATED_BY ?? row.MEETING_HOST ?? row.OWNER_ID);
  if (host === who.portalUserId || !wants(settings, 'meetingAdded') || !recent(row.DATE_CREATE, now)) return undefined;
  const attendees = Array.isArray(row.ATTENDEE_LIST) ? row.ATTENDEE_LIST : [];
  const invited =
    Number(row.OWNER_ID) === who.portalUserId ||
    attendees.some((attendee) => Number((attendee as { id?: unknown }).id) === who.portalUserId);
  const starts = Number(row.DATE_FROM_TS_UTC) * 1000 || ms(row.DATE_FROM);
  const today = DateTime.fromJSDate(now, { zone: who.zone }).startOf('day');
  const soon = starts >= now.getTime() && starts < today.plus({ days: 2 }).toMillis();
  if (!invited || !soon) return undefined;
  const id = Number(row.ID);
  const at = DateTime.fromMillis(starts, { zone: who.zone }).toISO() ?? '';
  return {
    kind: 'meetingAdded',
    object: `meeting:${id}`,
    change: `added:${at}`,
    facts: { type: 'meeting', id, title: text(row.NAME), personId: host, at },
  };
};

const RULES: Record<PortalRecord['type'], Rule> = {
  deal: dealRule,
  lead: leadRule,
  task: taskRule,
  meeting: meetingRule,
};

const NO_HISTORY: DealHistory = { earlier: undefined, stages: new Map() };

/** The alerts a record is for this director now (a deal's with what was seen of it before). */
export function decide(
  record: PortalRecord,
  who: Director,
  settings: AlertSettings,
  now: Date,
  history: DealHistory = NO_HISTORY,
): Alert[] {
  return [RULES[record.type](record.row, who, settings, now, history) ?? []].flat();
}
