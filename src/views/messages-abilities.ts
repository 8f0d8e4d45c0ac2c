// Fixed sentences of comparisons and absences, in Russian and English (the messages table's kind, kept apart).
import type { ComparedMeasure } from '../scenarios/view-models.ts';
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
