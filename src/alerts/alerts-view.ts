// One message of alerts: a line per record (its latest news only: repeats of one object fold into one line), each
// with «Открыть», then «Не присылать такие» and, for one alert that has a natural next step, that step as a
// proposed write (asked and confirmed like any other).
import { DateTime } from 'luxon';
import { countOf, dateInWords, money, relativeDay, timeOf } from '../views/format.ts';
import { escapeHtml } from '../views/html.ts';
import { portalText } from '../views/lines.ts';
import {
  ALERT_FORMS,
  ALERTS_HEADER,
  becauseOf,
  contactLeadTask,
  DAY_FORMS,
  dealDatePushedAlert,
  dealLostAlert,
  dealMovedBackAlert,
  dealStuckAlert,
  dealWonAlert,
  HELD_HEADER,
  KIND_NAMES,
  leadWaitingAlert,
  MINUTE_FORMS,
  MORE_LINES,
  meetingSetAlert,
  NOT_THESE,
  OPEN,
  reviewDealTask,
  TASK_FOR_RESPONSIBLE,
  taskDoneAlert,
  taskOverdueAlert,
} from '../views/messages-alerts.ts';
import type { Button, Reply } from '../views/reply.ts';
import { say } from '../views/words.ts';
import type { AlertKind } from '../vocabulary/alert-kinds.ts';
import type { Language } from '../vocabulary/director.ts';
import { type RecordLinks, recordAddress } from '../vocabulary/record-links.ts';
import type { AlertFacts } from './decisions.ts';

export interface ShownAlert {
  kind: AlertKind;
  object: string;
  facts: AlertFacts;
}

export interface AlertContext {
  language: Language;
  zone: string;
  now: Date;
  links: RecordLinks | undefined;
  /** Names of the people the alerts mention. */
  names: ReadonlyMap<number, string>;
}

/** A message stays short: past this many lines, the rest is counted. */
const MAX_LINES = 10;

const minutesIn = (minutes: number, language: Language) =>
  minutes < 120
    ? countOf(minutes, MINUTE_FORMS[language], language)
    : say(language, `${Math.floor(minutes / 60)} ч`, `${Math.floor(minutes / 60)} h`);

/** «завтра в 11:00» / «tomorrow at 11:00». */
export function whenInWords(iso: string, context: AlertContext): string {
  const moment = DateTime.fromISO(iso, { setZone: true }).setZone(context.zone);
  const today = DateTime.fromJSDate(context.now, { zone: context.zone }).toISODate() ?? '';
  const day = relativeDay(moment.toISODate() ?? '', today, context.language);
  return say(context.language, `${day} в `, `${day} at `) + timeOf(iso, context.language, context.zone);
}

/** One alert's line (HTML): in a message, and on the dashboard as plain text. */
export function lineOf(alert: ShownAlert, context: AlertContext): string {
  const { facts } = alert;
  const { language } = context;
  const title = `«${portalText(facts.title)}»`;
  const person = facts.personId === undefined ? undefined : context.names.get(facts.personId);
  const who = person ? ` (${portalText(person)})` : '';
  const sum = facts.amount === undefined ? '' : money(facts.amount, facts.currency ?? 'RUB', language);
  const lines: Record<AlertKind, () => string> = {
    dealWon: () => dealWonAlert(title, sum, who, language),
    dealLost: () => {
      const reason = facts.reason ? becauseOf(portalText(facts.reason), language) : '';
      return dealLostAlert(title, sum, who, reason, language);
    },
    leadUntouched: () => {
      const waited = minutesIn(facts.minutes ?? 0, language);
      return leadWaitingAlert(title, waited, who, language);
    },
    taskDone: () => taskDoneAlert(title, who, language),
    taskOverdue: () => {
      const due = facts.at ? whenInWords(facts.at, context) : '';
      return taskOverdueAlert(title, due, who, language);
    },
    dealSlipped: () => {
      const to = `«${portalText(facts.to ?? '')}»`;
      if (facts.days !== undefined) {
        const days = countOf(facts.days, DAY_FORMS[language], language);
        return dealStuckAlert(title, to, days, sum, who, language);
      }
      const from = `«${portalText(facts.from ?? '')}»`;
      return dealMovedBackAlert(title, from, to, sum, who, language);
    },
    closeDateMoved: () => {
      const to = facts.at ? dateInWords(facts.at, language) : '';
      const from = facts.from ? dateInWords(facts.from, language) : '';
      return dealDatePushedAlert(title, to, from, sum, who, language);
    },
    meetingAdded: () => {
      const at = facts.at ? whenInWords(facts.at, context) : '';
      const by = person ? portalText(person) : say(language, 'Коллега', 'A colleague');
      return meetingSetAlert(by, title, at, language);
    },
  };
  const kind = facts.type === 'meeting' ? 'event' : facts.type;
  const open = context.links
    ? ` · <a href="${escapeHtml(recordAddress(context.links, kind, facts.id))}">${OPEN[language]}</a>`
    : '';
  return lines[alert.kind]() + open;
}

/** The next step an alert calls for, as a write the director is asked to confirm. */
function nextStep(alert: ShownAlert, context: AlertContext): Button | undefined {
  const { facts } = alert;
  const fits = alert.kind === 'leadUntouched' || alert.kind === 'dealLost' || alert.kind === 'dealSlipped';
  if (facts.personId === undefined || !fits) return undefined;
  const end = DateTime.fromJSDate(context.now, { zone: context.zone })
    .endOf('day')
    .set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
  const deadline = end.toMillis() > context.now.getTime() ? end : end.plus({ days: 1 });
  const title =
    alert.kind === 'leadUntouched'
      ? contactLeadTask(facts.id, context.language)
      : reviewDealTask(facts.id, context.language);
  return {
    text: TASK_FOR_RESPONSIBLE[context.language],
    action: {
      kind: 'propose',
      write: {
        type: 'createTask',
        title,
        responsibleId: facts.personId,
        deadline: deadline.toISO({ suppressMilliseconds: true }) ?? '',
      },
    },
  };
}

/** The message for these alerts, oldest first; an object's latest news stands for all of its news. */
export function renderAlerts(alerts: readonly ShownAlert[], context: AlertContext): Reply {
  const latest = new Map<string, ShownAlert>();
  for (const alert of alerts) {
    latest.delete(alert.object);
    latest.set(alert.object, alert);
  }
  const shown = [...latest.values()];
  const { language } = context;
  const lines = shown.slice(0, MAX_LINES).map((alert) => lineOf(alert, context));
  if (shown.length > MAX_LINES) lines.push(MORE_LINES[language].replace('{n}', String(shown.length - MAX_LINES)));
  const html = shown.length === 1 ? lines[0]! : [ALERTS_HEADER[language], ...lines].join('\n');
  const kinds = [...new Set(shown.map((alert) => alert.kind))];
  const step = shown.length === 1 ? nextStep(shown[0]!, context) : undefined;
  const mute = kinds.slice(0, 3).map((kind) => ({
    text: kinds.length === 1 ? NOT_THESE[language] : `${NOT_THESE[language]}: ${KIND_NAMES[kind][language]}`,
    action: { kind: 'alertSwitch' as const, alert: kind, on: false },
  }));
  return { html, buttons: [...(step ? [[step]] : []), ...mute.map((button) => [button])] };
}

/** The digest's block about alerts held for it (quiet hours, the daily cap): how many, and the first few. */
export function renderHeldAlerts(alerts: readonly ShownAlert[], context: AlertContext): Reply | undefined {
  if (alerts.length === 0) return undefined;
  const reply = renderAlerts(alerts, context);
  const { language } = context;
  const header = HELD_HEADER[language].replace('{n}', countOf(alerts.length, ALERT_FORMS[language], language));
  const body = alerts.length === 1 ? reply.html : reply.html.split('\n').slice(1).join('\n');
  return { html: `${header}\n${body}` };
}
