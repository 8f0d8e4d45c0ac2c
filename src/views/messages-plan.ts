// The plan's fixed sentences, in Russian and English (the messages table's own subject file).
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

export const PLAN_SAVED_FAILED: Texts = {
  ru: 'Не удалось сохранить план, попробуйте ещё раз.',
  en: 'Could not save the plan, please try again.',
};

/** /plan in the command list Telegram shows under «/». */
export const PLAN_COMMANDS = {
  ru: [{ command: 'plan', description: 'План, факт и прогноз' }],
  en: [{ command: 'plan', description: 'Plan, fact and forecast' }],
};
