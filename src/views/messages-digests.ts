// The digests' fixed words and sentences, in Russian and English (the messages table's own file).
import type { Language } from '../vocabulary/director.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import type { Texts } from './messages.ts';

/** Each digest's name in the settings and in its own message. */
export const DIGEST_TITLES: Record<Language, Record<DigestName, string>> = {
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

/** What each digest brings, in a few words. */
export const DIGEST_CONTENTS: Record<Language, Record<DigestName, string>> = {
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

/** The digest settings message's own words. */
export const DIGEST_SETTINGS_WORDS = {
  ru: {
    heading: '<b>Рассылки</b>',
    about: 'Приходят по будням в ваше местное время. Нажмите на рассылку, чтобы включить или выключить её.',
    on: 'вкл.',
    off: 'выкл.',
    friday: 'пятница',
    at: 'в',
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
    at: 'at',
    suggest: 'Turn on the morning briefing at',
    all: '🔔 All digests',
    allOn: '🔔 All digests are on: each comes at its own time.',
    allOff: '🔕 All digests are off; I will send nothing on my own. Switch any back on here.',
    offer: (time: string) =>
      `I can send you a morning briefing every workday at ${time}: the day’s meetings, tasks and deals.`,
  },
} as const;

/** A time said in words that is not a time («в восемь с чем-то»). */
export const UNREADABLE_TIME: Texts = {
  ru: 'Не понял время, напишите его так: 08:15.',
  en: 'I could not read the time; write it like 08:15.',
};

export const ON_FRIDAYS: Texts = { ru: 'по пятницам', en: 'on Fridays' };

export const ON_WORKDAYS: Texts = { ru: 'по будням', en: 'on workdays' };

export const DIGEST_OFF: Texts = { ru: 'выключено, больше не пришлю.', en: 'off, I will not send it any more.' };
