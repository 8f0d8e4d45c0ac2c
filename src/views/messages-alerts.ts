// The alerts' fixed sentences, in Russian and English: the lines of an alert, its buttons, the settings message
// and the digest's line about alerts held for it.
import type { AlertKind } from '../vocabulary/alert-kinds.ts';
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const ALERTS_HEADER: Texts = { ru: '<b>🔔 Что произошло</b>', en: '<b>🔔 What happened</b>' };

export const OPEN: Texts = { ru: 'Открыть', en: 'Open' };

export const NOT_THESE: Texts = { ru: 'Не присылать такие', en: 'Stop these' };

export const TASK_FOR_RESPONSIBLE: Texts = {
  ru: 'Поставить задачу ответственному',
  en: 'Set a task for the person in charge',
};

/** What «Не присылать такие» says of each kind when a message holds several. */
export const KIND_NAMES: Record<AlertKind, Texts> = {
  dealWon: { ru: 'выигранные сделки', en: 'deals won' },
  dealLost: { ru: 'проигранные сделки', en: 'deals lost' },
  leadUntouched: { ru: 'лиды без ответа', en: 'leads left waiting' },
  taskDone: { ru: 'выполненные задачи', en: 'tasks done' },
  taskOverdue: { ru: 'просроченные задачи', en: 'overdue tasks' },
  meetingAdded: { ru: 'новые встречи', en: 'new meetings' },
  dealSlipped: { ru: 'откаты и простои сделок клиентов', en: 'clients’ deals sliding back or stalled' },
  closeDateMoved: { ru: 'переносы сроков горячих сделок', en: 'hot deals’ close dates moved' },
};

export const DAY_FORMS = {
  ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  en: { one: 'day', other: 'days' },
};

export const MORE_LINES: Texts = { ru: '…и ещё {n}', en: '…and {n} more' };

/** The digest's line about alerts quiet hours or the daily cap kept for it. */
export const HELD_HEADER: Texts = { ru: '<b>🔔 Пока вы отдыхали: {n}</b>', en: '<b>🔔 While you were away: {n}</b>' };

export const SETTINGS_TITLE: Texts = { ru: '<b>🔔 Оповещения</b>', en: '<b>🔔 Alerts</b>' };
export const SETTINGS_BODY: Texts = {
  ru: 'Сделки — от {won}. Лид без ответа — через {lead}. {quiet}. Не больше {cap} сообщений в день; остальное придёт со сводкой.',
  en: 'Deals from {won}. A lead left waiting for {lead}. {quiet}. At most {cap} messages a day; the rest comes with the digest.',
};
/** When alerts wait for the digest: hours, weekends, both, or never. */
export const QUIET: Record<'hours' | 'hoursAndWeekends' | 'weekends' | 'never', Texts> = {
  hours: { ru: 'Тихие часы {from}–{to}', en: 'Quiet hours {from}–{to}' },
  hoursAndWeekends: { ru: 'Тихие часы {from}–{to} и в выходные', en: 'Quiet hours {from}–{to} and at weekends' },
  weekends: { ru: 'Тихо только в выходные', en: 'Quiet at weekends only' },
  never: { ru: 'Тихих часов нет', en: 'No quiet hours' },
};
/** A change of quiet hours said in words, answered before the settings. */
export const DONE_QUIET: Texts = {
  ru: '{quiet}: что случится в это время, придёт со сводкой.',
  en: '{quiet}: what happens then comes with the digest.',
};
export const DONE_NO_QUIET: Texts = {
  ru: 'Тихих часов больше нет: оповещения приходят сразу.',
  en: 'No more quiet hours: alerts come at once.',
};
/** Weekends made quiet: the digests are weekday ones anyway. */
export const DONE_WEEKENDS: Texts = {
  ru: 'В выходные не пишу: оповещения придут со сводкой в понедельник, а сводки и так приходят только по будням.',
  en: 'Nothing at weekends: alerts come with Monday’s digest, and the digests come on weekdays only anyway.',
};
export const DONE_WEEKDAYS_TOO: Texts = {
  ru: 'Буду присылать оповещения и в выходные.',
  en: 'I will send alerts at weekends too.',
};
export const ALL_OFF: Texts = { ru: 'Оповещения выключены.', en: 'Alerts are off.' };
export const SWITCH_ALL: Record<'on' | 'off', Texts> = {
  on: { ru: 'Включить все', en: 'Switch all on' },
  off: { ru: 'Выключить все', en: 'Switch all off' },
};
export const DONE_OFF: Texts = { ru: 'Больше не присылаю: {kind}.', en: 'No more alerts about {kind}.' };
export const DONE_ON: Texts = { ru: 'Буду присылать: {kind}.', en: 'I will tell you about {kind}.' };
export const DONE_SUM: Texts = { ru: 'Сообщаю о сделках от {sum}.', en: 'I will tell you about deals from {sum}.' };

export const MINUTE_FORMS = {
  ru: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
  en: { one: 'minute', other: 'minutes' },
};
export const ALERT_FORMS = {
  ru: { one: 'оповещение', few: 'оповещения', many: 'оповещений', other: 'оповещения' },
  en: { one: 'alert', other: 'alerts' },
};

export const dealWonAlert = (title: string, sum: string, who: string, language: Language): string =>
  language === 'ru' ? `🏆 Выиграна сделка ${title}: ${sum}${who}` : `🏆 Deal won ${title}: ${sum}${who}`;

export const becauseOf = (reason: string, language: Language): string =>
  language === 'ru' ? `. Причина: ${reason}` : `. Reason: ${reason}`;

export const dealLostAlert = (title: string, sum: string, who: string, reason: string, language: Language): string =>
  language === 'ru'
    ? `❌ Проиграна сделка ${title}: ${sum}${who}${reason}`
    : `❌ Deal lost ${title}: ${sum}${who}${reason}`;

export const leadWaitingAlert = (title: string, waited: string, who: string, language: Language): string =>
  language === 'ru'
    ? `⏳ Лид ${title} ждёт ${waited}, к нему никто не прикасался${who}`
    : `⏳ Lead ${title} has waited ${waited} untouched${who}`;

export const taskDoneAlert = (title: string, who: string, language: Language): string =>
  language === 'ru' ? `✅ Выполнена задача ${title}${who}` : `✅ Task done ${title}${who}`;

export const taskOverdueAlert = (title: string, due: string, who: string, language: Language): string =>
  language === 'ru'
    ? `⚠️ Просрочена задача ${title}: срок был ${due}${who}`
    : `⚠️ Task overdue ${title}: it was due ${due}${who}`;

export const dealStuckAlert = (
  title: string,
  to: string,
  days: string,
  sum: string,
  who: string,
  language: Language,
): string =>
  language === 'ru'
    ? `⏸ Сделка ${title} стоит на стадии ${to} ${days}: ${sum}${who}`
    : `⏸ Deal ${title} has stood at ${to} for ${days}: ${sum}${who}`;

export const dealMovedBackAlert = (
  title: string,
  from: string,
  to: string,
  sum: string,
  who: string,
  language: Language,
): string =>
  language === 'ru'
    ? `↩️ Сделка ${title} откатилась: ${from} → ${to}, ${sum}${who}`
    : `↩️ Deal ${title} moved back: ${from} → ${to}, ${sum}${who}`;

export const dealDatePushedAlert = (
  title: string,
  to: string,
  from: string,
  sum: string,
  who: string,
  language: Language,
): string =>
  language === 'ru'
    ? `📆 Срок сделки ${title} снова перенесли: ${to} вместо ${from}, ${sum}${who}`
    : `📆 Deal ${title} moved its close date again: ${to} instead of ${from}, ${sum}${who}`;

export const meetingSetAlert = (by: string, title: string, at: string, language: Language): string =>
  language === 'ru' ? `📅 ${by} назначил(а) вам встречу ${title}: ${at}` : `📅 ${by} invited you to ${title}: ${at}`;

export const contactLeadTask = (id: number, language: Language): string =>
  language === 'ru' ? `Связаться по лиду №${id}` : `Contact lead #${id}`;

export const reviewDealTask = (id: number, language: Language): string =>
  language === 'ru' ? `Разобрать сделку №${id}` : `Review deal #${id}`;
