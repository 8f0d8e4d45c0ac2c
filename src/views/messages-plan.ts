// The plan's fixed sentences, in Russian and English (the messages table's own subject file).
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const NO_PLAN_OFFER: Texts = {
  ru: 'Плана на этот период нет — задайте его словами, например: «план на декабрь 12 млн».',
  en: 'No plan is set for this period — set one in words, e.g. “plan for December 12 million”.',
};

export const ROUGH_ESTIMATE: Texts = {
  ru: 'Оценка грубая: по части этапов закрытых сделок за год меньше десяти, взяты типовые вероятности.',
  en: 'A rough estimate: some stages have fewer than ten closed deals this year, so typical probabilities are used.',
};

export const PLAN_HINT: Texts = {
  ru: 'Могу показать сделки под угрозой или объяснить прогноз.',
  en: 'I can show the deals at risk or explain the forecast.',
};

export const NO_PLANS: Texts = {
  ru: 'Планов пока нет. Задайте план словами: «план на декабрь 12 млн», «план Волкову на квартал 3 млн».',
  en: 'No plans yet. Set one in words: “plan for December 12 million”, “plan for Volkov for the quarter 3 million”.',
};

export const PLANS_HINT: Texts = {
  ru: 'Спросите «как идём по плану?» — покажу факт и прогноз.',
  en: 'Ask “how are we doing against the plan?” for the fact and the forecast.',
};

export const NO_RISK: Texts = {
  ru: 'Сделок под угрозой нет: у всех открытых сделок есть дела, сроки не прошли, этапы идут как обычно.',
  en: 'No deals at risk: every open deal has something planned, is on time and moves as usual.',
};

export const RISK_HINT: Texts = {
  ru: 'Могу поставить задачу по любой из этих сделок.',
  en: 'I can create a task for any of these deals.',
};

/** /plan in the command list Telegram shows under «/». */
export const PLAN_COMMANDS = {
  ru: [{ command: 'plan', description: 'План, факт и прогноз' }],
  en: [{ command: 'plan', description: 'Plan, fact and forecast' }],
};

export const WON_OUTSIDE_PLAN: Texts = { ru: 'Ещё выиграно, в план не входит', en: 'Also won, not in the plan' };

export const AT_THIS_PACE: Texts = { ru: 'В таком темпе к концу периода', en: 'At this pace by the period’s end' };

export const WEIGHED_BY_STAGE: Texts = { ru: 'с учётом вероятности этапа', en: 'weighed by their stage' };

export const NO_DEALS_DUE_IN_PERIOD: Texts = {
  ru: '— открытых сделок со сроком в этом периоде нет',
  en: '— no open deals are due in this period',
};

export const SHORT_OF_PLAN: Texts = { ru: 'Не хватает до плана', en: 'Short of the plan by' };

export const FORECAST_BEATS_PLAN: Texts = { ru: 'Прогноз выше плана на', en: 'The forecast beats the plan by' };

export const PER_WORKING_DAY: Texts = { ru: 'в рабочий день', en: 'a working day' };

export const EXPECTED_IN_OTHER_CURRENCIES: Texts = {
  ru: 'Ожидается в других валютах',
  en: 'Expected in other currencies',
};

export const STAGE_PROBABILITY_IS: Texts = {
  ru: 'Вероятность этапа — доля выигранных среди закрытых за год сделок, прошедших его',
  en: 'A stage’s probability is the share won among the year’s closed deals that passed it',
};

export const TYPICAL_PROBABILITY_NOTE: Texts = {
  ru: ' (* меньше десяти сделок — типовое значение).',
  en: ' (* fewer than ten deals: a typical value).',
};

export const AT_RISK_BUTTON: Texts = { ru: '⚠️ Под угрозой', en: '⚠️ At risk' };

export const WHY_BUTTON: Texts = { ru: '❓ Почему так', en: '❓ Why' };

export const PLAN_AND_FORECAST: Texts = { ru: 'План и прогноз', en: 'Plan and forecast' };

export const WOULD_CLOSE_GAP: Texts = { ru: 'Закроют разрыв', en: 'Would close the gap' };

export const DECIDE_PERIOD: Texts = { ru: 'Решают период', en: 'Decide the period' };

export const PLAN_FOR: Texts = { ru: 'План на', en: 'Plan for' };

export const NOTHING_PLANNED: Texts = { ru: 'нет дел', en: 'nothing planned' };

export const DEALS_AT_RISK: Texts = { ru: 'Сделки под угрозой', en: 'Deals at risk' };

export const PLAN_VS_FACT_BUTTON: Texts = { ru: '📊 Как идём по плану', en: '📊 Plan vs fact' };

export const changePlanQuestion = (planSubject: string, was: string, sum: string, language: Language): string =>
  language === 'ru'
    ? `Поменять план ${planSubject}: ${was} → ${sum}?`
    : `Change the plan ${planSubject}: ${was} → ${sum}?`;

export const setPlanQuestion = (planSubject: string, sum: string, language: Language): string =>
  language === 'ru' ? `Задать план ${planSubject}: ${sum}?` : `Set the plan ${planSubject}: ${sum}?`;

export const planSet = (planSubject: string, sum: string, language: Language): string =>
  language === 'ru' ? `✅ План ${planSubject}: ${sum}.` : `✅ Plan ${planSubject}: ${sum}.`;

export const whosePlanQuestion = (name: string, language: Language): string =>
  language === 'ru'
    ? `Чей это план? Под ${name} подходят несколько сотрудников:`
    : `Whose plan is it? Several people match ${name}:`;

export const factExplained = (fact: string, from: string, language: Language): string =>
  language === 'ru' ? `Факт ${fact} — сделки, выигранные с ${from}.` : `Won ${fact}: deals won since ${from}.`;

export const expectedExplained = (expected: string, dealsCount: string, to: string, language: Language): string =>
  language === 'ru'
    ? `Ещё ${expected} — ${dealsCount} с датой закрытия до ${to}, каждая × вероятность её этапа.`
    : `${expected} more: ${dealsCount} due by ${to}, each times its stage’s probability.`;

export const longAtStage = (days: string, stage: string, usualDays: number, language: Language): string =>
  language === 'ru' ? `${days} на этапе ${stage} (обычно ${usualDays})` : `${days} in ${stage} (usually ${usualDays})`;

export const closeDatePassed = (date: string, language: Language): string =>
  language === 'ru' ? `срок закрытия прошёл ${date}` : `due ${date}, passed`;

export const noContactFor = (days: string, language: Language): string =>
  language === 'ru' ? `${days} без контакта` : `no contact for ${days}`;

export const noColleagueCalled = (said: string, language: Language): string =>
  language === 'ru' ? `Не нашёл сотрудника ${said}.` : `I found no colleague called ${said}.`;

export const whichOfThem = (said: string, language: Language): string =>
  language === 'ru' ? `${said} — кого из них?` : `${said}: which one?`;
