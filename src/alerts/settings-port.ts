// A director's alert settings: read with the defaults under them, changed by a tap or in words, shown as one
// message with a switch per kind.

import type { AlertRepository } from '../storage/alerts.ts';
import { countOf, money } from '../views/format.ts';
import {
  ALL_OFF,
  DONE_NO_QUIET,
  DONE_OFF,
  DONE_ON,
  DONE_QUIET,
  DONE_SUM,
  DONE_WEEKDAYS_TOO,
  DONE_WEEKENDS,
  KIND_NAMES,
  MINUTE_FORMS,
  QUIET,
  SETTINGS_BODY,
  SETTINGS_TITLE,
  SWITCH_ALL,
} from '../views/messages-alerts.ts';
import type { ButtonOutcome, Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import { ALERT_KINDS, type AlertChange } from '../vocabulary/alert-kinds.ts';
import type { Language } from '../vocabulary/director.ts';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS, readAlertSettings, wants } from './settings.ts';

export interface AlertSettingsPort {
  settingsOf(telegramUserId: number): Promise<AlertSettings>;
  /** /alerts, «оповещения»: the settings message; with a change, the change first. */
  reply(telegramUserId: number, language: Language, change?: AlertChange): Promise<Reply[]>;
  tap(
    telegramUserId: number,
    language: Language,
    action: Extract<Action, { kind: 'alertSwitch' }>,
  ): Promise<ButtonOutcome>;
}

/** «Тихие часы 21:00–08:00 и в выходные»; none set («00:00–00:00») is said as none, never as a span. */
function quietSaid(settings: AlertSettings, language: Language): string {
  const hours = settings.quietFrom !== settings.quietTo;
  const which = hours
    ? settings.quietWeekends
      ? 'hoursAndWeekends'
      : 'hours'
    : settings.quietWeekends
      ? 'weekends'
      : 'never';
  return QUIET[which][language].replace('{from}', settings.quietFrom).replace('{to}', settings.quietTo);
}

// «не пиши ночью» with no quiet hours yet: the night.
const NIGHT = { from: '22:00', to: '08:00' };

function settingsReply(settings: AlertSettings, language: Language): Reply {
  const body = settings.enabled
    ? SETTINGS_BODY[language]
        .replace('{won}', money(settings.wonFrom, 'RUB', language))
        .replace('{lead}', countOf(settings.leadMinutes, MINUTE_FORMS[language], language))
        .replace('{quiet}', quietSaid(settings, language))
        .replace('{cap}', String(settings.dailyCap))
    : ALL_OFF[language];
  const kinds = ALERT_KINDS.map((alert) => {
    const on = wants(settings, alert);
    return [
      {
        text: `${on ? '✅' : '▫️'} ${KIND_NAMES[alert][language]}`,
        action: { kind: 'alertSwitch' as const, alert, on: !on, inSettings: true },
      },
    ];
  });
  const all = { kind: 'alertSwitch' as const, on: !settings.enabled, inSettings: true };
  return {
    html: `${SETTINGS_TITLE[language]}\n${body}`,
    buttons: [
      ...(settings.enabled ? kinds : []),
      [{ text: SWITCH_ALL[settings.enabled ? 'off' : 'on'][language], action: all }],
    ],
  };
}

function applied(settings: AlertSettings, change: AlertChange): AlertSettings {
  const next = { ...settings, off: [...settings.off] };
  if (change.dealsFrom !== undefined) {
    next.wonFrom = change.dealsFrom;
    next.lostFrom = change.dealsFrom;
    next.off = next.off.filter((kind) => kind !== 'dealWon' && kind !== 'dealLost');
    next.enabled = true;
  }
  if (change.quiet === 'night' && next.quietFrom === next.quietTo)
    [next.quietFrom, next.quietTo] = [NIGHT.from, NIGHT.to];
  if (change.quiet && change.quiet !== 'night') [next.quietFrom, next.quietTo] = [change.quiet.from, change.quiet.to];
  if (change.quietWeekends !== undefined) next.quietWeekends = change.quietWeekends;
  const kinds = change.kinds ?? [];
  if (change.on !== undefined && kinds.length === 0) next.enabled = change.on;
  if (change.on !== undefined && kinds.length > 0) {
    next.off = change.on ? next.off.filter((kind) => !kinds.includes(kind)) : [...new Set([...next.off, ...kinds])];
    if (change.on) next.enabled = true;
  }
  return next;
}

function changeSaid(change: AlertChange, language: Language, next?: AlertSettings): string | undefined {
  if (change.quietWeekends !== undefined && !change.quiet)
    return (change.quietWeekends ? DONE_WEEKENDS : DONE_WEEKDAYS_TOO)[language];
  if (change.quiet && next)
    return next.quietFrom === next.quietTo
      ? DONE_NO_QUIET[language]
      : DONE_QUIET[language].replace('{quiet}', quietSaid(next, language));
  if (change.dealsFrom !== undefined)
    return DONE_SUM[language].replace('{sum}', money(change.dealsFrom, 'RUB', language));
  if (!change.kinds?.length || change.on === undefined) return undefined;
  const names = change.kinds.map((kind) => KIND_NAMES[kind][language]).join(', ');
  return (change.on ? DONE_ON : DONE_OFF)[language].replace('{kind}', names);
}

export function createAlertSettings(deps: {
  alerts: AlertRepository;
  now: () => Date;
  /** The operator's defaults over the product's (the demo has no quiet hours). */
  defaults?: Partial<AlertSettings>;
}): AlertSettingsPort {
  const { alerts, now } = deps;
  const defaults = { ...DEFAULT_ALERT_SETTINGS, ...deps.defaults };
  const settingsOf = async (telegramUserId: number) =>
    readAlertSettings(await alerts.settings(telegramUserId), defaults);
  const change = async (telegramUserId: number, what: AlertChange) => {
    const next = applied(await settingsOf(telegramUserId), what);
    await alerts.saveSettings(telegramUserId, JSON.stringify(next), now());
    return next;
  };
  return {
    settingsOf,
    async reply(telegramUserId, language, what) {
      if (!what) return [settingsReply(await settingsOf(telegramUserId), language)];
      const next = await change(telegramUserId, what);
      const said = changeSaid(what, language, next);
      return said ? [{ html: said }, settingsReply(next, language)] : [settingsReply(next, language)];
    },
    async tap(telegramUserId, language, action) {
      const what = { ...(action.alert ? { kinds: [action.alert] } : {}), on: action.on };
      const next = await change(telegramUserId, what);
      if (action.inSettings) return { edit: settingsReply(next, language), replies: [] };
      return { replies: [], notice: changeSaid(what, language) ?? '' };
    },
  };
}
