// The digest settings message: every digest with its switch and time, changed by buttons and edited in place.

import {
  DIGEST_CONTENTS,
  DIGEST_OFF,
  DIGEST_SETTINGS_WORDS,
  DIGEST_TITLES,
  ON_FRIDAYS,
  ON_WORKDAYS,
} from '../views/messages-digests.ts';
import type { Button, Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { DEFAULT_TIMES } from './schedule.ts';

export interface DigestSettingView {
  digest: DigestName;
  enabled: boolean;
  /** Local `HH:mm`. */
  time: string;
}

/** A few sensible local times per digest; a time typed by the director is shown in the text as well. */
const TIME_CHOICES: Readonly<Record<DigestName, readonly string[]>> = {
  dayPlan: ['07:30', '08:00', '08:30', '09:00'],
  morningBriefing: ['08:00', '08:30', '09:00', '09:30'],
  overdueAlert: ['09:00', '10:00', '11:00', '14:00'],
  newLeads: ['10:00', '12:00', '15:00', '17:00'],
  eveningSummary: ['17:00', '18:00', '19:00', '20:00'],
  weeklyReport: ['16:00', '17:00', '18:00'],
};

const whenOf = (setting: DigestSettingView, language: Language) =>
  setting.digest === 'weeklyReport' ? `${DIGEST_SETTINGS_WORDS[language].friday} ${setting.time}` : setting.time;

function lineOf(setting: DigestSettingView, language: Language): string {
  const title = DIGEST_TITLES[language][setting.digest];
  const when = whenOf(setting, language);
  return setting.enabled
    ? `🔔 <b>${title}</b>, ${when} — ${DIGEST_CONTENTS[language][setting.digest]}`
    : `🔕 ${title}, ${when} — ${DIGEST_SETTINGS_WORDS[language].off}`;
}

function buttonsOf(setting: DigestSettingView, language: Language): Button[][] {
  const { digest, enabled } = setting;
  const toggle: Button = {
    text: `${enabled ? '🔔' : '🔕'} ${DIGEST_TITLES[language][digest]}: ${enabled ? DIGEST_SETTINGS_WORDS[language].on : DIGEST_SETTINGS_WORDS[language].off}`,
    action: { kind: 'digestToggle', digest },
  };
  // Times only under a digest that is on: the keyboard stays short, and picking a time also switches it on.
  if (!enabled) return [[toggle]];
  const times = TIME_CHOICES[digest].map(
    (time): Button => ({
      text: time === setting.time ? `• ${time}` : time,
      action: { kind: 'digestTime', digest, time },
    }),
  );
  return [[toggle], times];
}

/** `notice`: one plain line above the list (e.g. a time that could not be read). */
export function renderDigestSettings(
  settings: readonly DigestSettingView[],
  language: Language,
  notice?: string,
): Reply {
  const lines = [DIGEST_SETTINGS_WORDS[language].heading, DIGEST_SETTINGS_WORDS[language].about, ''];
  if (notice) lines.unshift(notice, '');
  for (const setting of settings) lines.push(lineOf(setting, language));
  return { html: lines.join('\n'), buttons: settings.flatMap((setting) => buttonsOf(setting, language)) };
}

/** The whole settings message after «выключи все рассылки» / «включи все рассылки», saying what changed. */
export function allDigestsSwitched(
  settings: readonly DigestSettingView[],
  enabled: boolean,
  language: Language,
): Reply {
  return renderDigestSettings(
    settings,
    language,
    enabled ? DIGEST_SETTINGS_WORDS[language].allOn : DIGEST_SETTINGS_WORDS[language].allOff,
  );
}

/** One line for a change said in words («🔔 Итоги дня: по будням в 19:00.»), with the button to all settings. */
export function digestChanged(setting: DigestSettingView, language: Language): Reply {
  const title = DIGEST_TITLES[language][setting.digest];
  const days = setting.digest === 'weeklyReport' ? ON_FRIDAYS[language] : ON_WORKDAYS[language];
  const html = setting.enabled
    ? `🔔 <b>${title}</b>: ${days} ${DIGEST_SETTINGS_WORDS[language].at} ${setting.time}.`
    : `🔕 <b>${title}</b>: ${DIGEST_OFF[language]}`;
  return { html, buttons: [[{ text: DIGEST_SETTINGS_WORDS[language].all, action: { kind: 'digestSettings' } }]] };
}

/** The one-line offer after the first greeting, with its button, at the briefing's default time. */
export function briefingSuggestion(language: Language): Reply {
  return {
    html: DIGEST_SETTINGS_WORDS[language].offer(DEFAULT_TIMES.morningBriefing),
    buttons: [[suggestBriefingButton(language)]],
  };
}

/** The button under the first greeting: switches the morning briefing on at its default time. */
export function suggestBriefingButton(language: Language): Button {
  const time = DEFAULT_TIMES.morningBriefing;
  return {
    text: `${DIGEST_SETTINGS_WORDS[language].suggest} ${time}`,
    action: { kind: 'digestTime', digest: 'morningBriefing', time },
  };
}
