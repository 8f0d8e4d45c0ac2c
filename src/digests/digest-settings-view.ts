// The digest settings message: every digest with its switch and time, changed by buttons and edited in place.

import { DIGEST_OFF, ON_FRIDAYS, ON_WORKDAYS } from '../views/messages-digests.ts';
import type { Button, Reply } from '../views/reply.ts';
import { say } from '../views/words.ts';
import type { Language } from '../vocabulary/director.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { DEFAULT_TIMES } from './schedule.ts';

export interface DigestSettingView {
  digest: DigestName;
  enabled: boolean;
  /** Local `HH:mm`. */
  time: string;
}

const titles: Record<Language, Record<DigestName, string>> = {
  ru: {
    dayPlan: 'План дня',
    morningBriefing: 'Утренний брифинг',
    overdueAlert: 'Тревога по просрочкам',
    newLeads: 'Новые лиды',
    eveningSummary: 'Итоги дня',
    weeklyReport: 'Итоги недели',
  },
  en: {
    dayPlan: 'Day plan',
    morningBriefing: 'Morning briefing',
    overdueAlert: 'Overdue alert',
    newLeads: 'New leads',
    eveningSummary: 'Evening summary',
    weeklyReport: 'Weekly report',
  },
};

const contents: Record<Language, Record<DigestName, string>> = {
  ru: {
    dayPlan: 'встречи, задачи на сегодня и просроченные',
    morningBriefing: 'план дня, сделки в работе, вчерашние лиды',
    overdueAlert: 'только если есть просроченные задачи или сделки без движения',
    newLeads: 'лиды за сутки, только если они есть',
    eveningSummary: 'что сделано за день',
    weeklyReport: 'закрытые задачи и движение сделок за неделю',
  },
  en: {
    dayPlan: 'meetings, tasks due today and overdue ones',
    morningBriefing: 'day plan, open deals, yesterday’s leads',
    overdueAlert: 'only when tasks are overdue or deals are stuck',
    newLeads: 'leads of the last 24 hours, only when there are any',
    eveningSummary: 'what was done today',
    weeklyReport: 'tasks closed and deals moved this week',
  },
};

/** A few sensible local times per digest; a time typed by the director is shown in the text as well. */
const TIME_CHOICES: Readonly<Record<DigestName, readonly string[]>> = {
  dayPlan: ['07:30', '08:00', '08:30', '09:00'],
  morningBriefing: ['08:00', '08:30', '09:00', '09:30'],
  overdueAlert: ['09:00', '10:00', '11:00', '14:00'],
  newLeads: ['10:00', '12:00', '15:00', '17:00'],
  eveningSummary: ['17:00', '18:00', '19:00', '20:00'],
  weeklyReport: ['16:00', '17:00', '18:00'],
};

const texts = {
  ru: {
    heading: '<b>Рассылки</b>',
    about: 'Приходят по будням в ваше местное время. Нажмите на рассылку, чтобы включить или выключить её.',
    on: 'вкл.',
    off: 'выкл.',
    friday: 'пятница',
    suggest: 'Включить утренний брифинг в',
    all: '🔔 Все рассылки',
    allOn: '🔔 Все рассылки включены: каждая придёт в своё время.',
    allOff: '🔕 Все рассылки выключены, больше ничего не пришлю сам. Включить любую можно здесь.',
    offer: (time: string) =>
      `Могу каждый будний день в ${time} присылать утренний брифинг: встречи, задачи и сделки на день.`,
  },
  en: {
    heading: '<b>Digests</b>',
    about: 'Sent on workdays at your local time. Tap a digest to switch it on or off.',
    on: 'on',
    off: 'off',
    friday: 'Friday',
    suggest: 'Turn on the morning briefing at',
    all: '🔔 All digests',
    allOn: '🔔 All digests are on: each comes at its own time.',
    allOff: '🔕 All digests are off; I will send nothing on my own. Switch any back on here.',
    offer: (time: string) =>
      `I can send you a morning briefing every workday at ${time}: the day’s meetings, tasks and deals.`,
  },
} as const;

const whenOf = (setting: DigestSettingView, language: Language) =>
  setting.digest === 'weeklyReport' ? `${texts[language].friday} ${setting.time}` : setting.time;

function lineOf(setting: DigestSettingView, language: Language): string {
  const title = titles[language][setting.digest];
  const when = whenOf(setting, language);
  return setting.enabled
    ? `🔔 <b>${title}</b>, ${when} — ${contents[language][setting.digest]}`
    : `🔕 ${title}, ${when} — ${texts[language].off}`;
}

function buttonsOf(setting: DigestSettingView, language: Language): Button[][] {
  const { digest, enabled } = setting;
  const toggle: Button = {
    text: `${enabled ? '🔔' : '🔕'} ${titles[language][digest]}: ${enabled ? texts[language].on : texts[language].off}`,
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
  const lines = [texts[language].heading, texts[language].about, ''];
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
  return renderDigestSettings(settings, language, enabled ? texts[language].allOn : texts[language].allOff);
}

/** One line for a change said in words («🔔 Итоги дня: по будням в 19:00.»), with the button to all settings. */
export function digestChanged(setting: DigestSettingView, language: Language): Reply {
  const title = titles[language][setting.digest];
  const days = setting.digest === 'weeklyReport' ? ON_FRIDAYS[language] : ON_WORKDAYS[language];
  const html = setting.enabled
    ? `🔔 <b>${title}</b>: ${days} ${say(language, 'в', 'at')} ${setting.time}.`
    : `🔕 <b>${title}</b>: ${DIGEST_OFF[language]}`;
  return { html, buttons: [[{ text: texts[language].all, action: { kind: 'digestSettings' } }]] };
}

/** The button under the first greeting: switches the morning briefing on at its default time. */
/** The one-line offer after the first greeting, with its button, at the briefing's default time. */
export function briefingSuggestion(language: Language): Reply {
  return { html: texts[language].offer(DEFAULT_TIMES.morningBriefing), buttons: [[suggestBriefingButton(language)]] };
}

export function suggestBriefingButton(language: Language): Button {
  const time = DEFAULT_TIMES.morningBriefing;
  return {
    text: `${texts[language].suggest} ${time}`,
    action: { kind: 'digestTime', digest: 'morningBriefing', time },
  };
}
