// Fixed sentences of comparisons and absences, in Russian and English (the messages table's kind, kept apart).
import type { ComparedMeasure } from '../vocabulary/view-models.ts';
import type { Texts } from './messages.ts';

/** What a comparison counts, as its header begins. */
export const COMPARED_TITLE: Record<ComparedMeasure, Texts> = {
  earned: { ru: '💰 Выручка', en: '💰 Revenue' },
  deals: { ru: '💼 Новые сделки', en: '💼 New deals' },
  leads: { ru: '📥 Новые лиды', en: '📥 New leads' },
  tasksDone: { ru: '✅ Закрытые задачи', en: '✅ Tasks done' },
};

/** Whose, when nobody was named: the whole company. */
export const WHOLE_COMPANY: Texts = { ru: ' (вся компания)', en: ' (whole company)' };
/** Whose, for «мои». */
export const YOURS: Texts = { ru: ' (ваши)', en: ' (yours)' };
/** Between the two periods in the header: «ноябрь и октябрь». */
export const AGAINST: Texts = { ru: 'и', en: 'vs' };
export const MORE_BY: Texts = { ru: '📈 Больше на', en: '📈 Up by' };
export const LESS_BY: Texts = { ru: '📉 Меньше на', en: '📉 Down by' };
export const THE_SAME: Texts = { ru: '➖ Столько же', en: '➖ The same' };

/** A period still running is compared as far as it has gone. */
export const stillRunning = (name: string, gone: string, days: number): Texts => ({
  ru: `⏳ ${name} ещё идёт: прошло ${gone} из ${days}.`,
  en: `⏳ ${name} is not over yet: ${gone} of ${days} gone.`,
});

export const COMPARISON_HINT: Texts = {
  ru: 'Могу показать по менеджерам или по месяцам: «динамика продаж».',
  en: 'I can break it down by manager or by month: “sales trend”.',
};

/** An absence view's header, by what was asked; the period and the count follow. */
export const ABSENCE_TITLE: Record<'vacation' | 'sick' | 'trip' | 'other' | 'away' | 'notWorking', Texts> = {
  vacation: { ru: '🌴 В отпуске', en: '🌴 On vacation' },
  sick: { ru: '🤒 На больничном', en: '🤒 On sick leave' },
  trip: { ru: '✈️ В командировке', en: '✈️ On a business trip' },
  other: { ru: '🗓 Отсутствуют', en: '🗓 Away' },
  away: { ru: '🗓 Отсутствуют', en: '🗓 Away' },
  notWorking: { ru: '🏠 Не работают', en: '🏠 Not working' },
};
/** Where the absences come from, said in the header. */
export const BY_ABSENCE_CHART: Texts = { ru: ' (по графику отсутствий)', en: ' (by the absence chart)' };
export const BY_CHART_AND_DAY: Texts = {
  ru: ' (по графику отсутствий и рабочему дню)',
  en: ' (by the absence chart and the work day)',
};
export const NOBODY_AWAY: Texts = { ru: 'В графике отсутствий никого.', en: 'Nobody in the absence chart.' };
/** Who has not opened the work day by now («к 04:30»: early in the morning that is everyone). */
export const dayNotStarted = (time: string): Texts => ({
  ru: `Не начали рабочий день к ${time}, хотя не в отсутствии:`,
  en: `Have not started their work day by ${time}, though not away:`,
});
export const untilDay = (day: string): Texts => ({ ru: `по ${day}`, en: `until ${day}` });
export const fromDay = (day: string): Texts => ({ ru: `с ${day}`, en: `from ${day}` });
export const ABSENCE_HINT: Texts = {
  ru: 'Могу показать статус команды или задачи сотрудника.',
  en: 'I can show the team status or an employee’s tasks.',
};

/** «у кого нет ни одной …»: whose tasks are counted. */
export const WITHOUT_DONE_TASKS: Texts = { ru: '🙅 Ни одной закрытой задачи', en: '🙅 No tasks done' };
export const WITHOUT_OPEN_TASKS: Texts = { ru: '🙅 Ни одной открытой задачи', en: '🙅 No open tasks' };
export const EVERYONE_HAS: Texts = { ru: 'Таких нет: у каждого есть.', en: 'Nobody: everyone has some.' };
/** «из 22 сотрудников», «из 21 сотрудника» (the genitive after «из»). */
export const ofScope = (scope: number): Texts => ({
  ru: ` из ${scope} ${scope % 10 === 1 && scope % 100 !== 11 ? 'сотрудника' : 'сотрудников'}`,
  en: ` of ${scope} ${scope === 1 ? 'employee' : 'employees'}`,
});
export const WITH_NONE_HINT: Texts = {
  ru: 'Могу показать задачи любого из них или статус команды.',
  en: 'I can show any of their tasks or the team status.',
};

/** A department asked for by a name the portal has none of, with the ones it has. */
export const noDepartment = (said: string, departments: string): Texts => ({
  ru: `🔎 Не нашёл отдел «${said}». Отделы в портале: ${departments}.`,
  en: `🔎 I found no department “${said}”. The portal’s departments: ${departments}.`,
});
export const DEPARTMENT_HINT: Texts = {
  ru: 'Напишите, например: «статус отдела продаж».',
  en: 'Try, for example: “status of the sales department”.',
};

/** The period compared with has nothing in the portal: no change is claimed against it. */
export const nothingToCompare = (name: string, zero: string): Texts => ({
  ru: `📭 За ${name} в портале нет данных (${zero}) — сравнивать не с чем.`,
  en: `📭 The portal has nothing for ${name} (${zero}): nothing to compare with.`,
});

/** An average over no deal won: nothing to average, said in words rather than a dash. */
export const NOTHING_TO_AVERAGE: Texts = {
  ru: 'не из чего считать — выигранных сделок нет',
  en: 'nothing to average: no deals won',
};

/** A sum's header says which deals were added up («Сумма проигранных сделок»). */
export const SUM_OF_DEALS: Record<'open' | 'lost' | 'stuck' | 'new' | 'won' | 'any', Texts> = {
  open: { ru: 'Сумма открытых сделок', en: 'Open deals total' },
  lost: { ru: 'Сумма проигранных сделок', en: 'Lost deals total' },
  stuck: { ru: 'Сумма зависших сделок', en: 'Stuck deals total' },
  new: { ru: 'Сумма новых сделок', en: 'New deals total' },
  won: { ru: 'Выручка', en: 'Revenue' },
  any: { ru: 'Сумма сделок', en: 'Deals total' },
};
