// The deals' fixed words and sentences (the list, one deal's card, the pipeline), in Russian and English.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const OPEN_DEALS: Texts = { ru: 'Открытые сделки', en: 'Open deals' };

export const NO_OPEN_DEALS: Texts = { ru: 'Открытых сделок нет.', en: 'No open deals.' };

export const LATEST_ACTIVITIES: Texts = { ru: 'Последние дела', en: 'Latest activities' };

export const OPEN_TASKS: Texts = { ru: 'Открытые задачи', en: 'Open tasks' };

export const DEAL_CARD_HINT: Texts = {
  ru: 'Могу перевести сделку на другой этап или добавить комментарий.',
  en: 'I can move the deal to another stage or add a comment.',
};

export const CHANGE_STAGE_BUTTON: Texts = { ru: '🔀 Сменить этап', en: '🔀 Change stage' };

export const STUCK_14_DAYS: Texts = { ru: 'без движения 14+ дней', en: 'without movement for 14+ days' };

export const NO_DEALS_HINT: Texts = {
  ru: 'Могу создать сделку: назовите её и сумму.',
  en: 'I can create a deal: give me its name and amount.',
};

export const DEALS_HINT: Texts = {
  ru: 'Могу открыть карточку сделки или перевести её на другой этап.',
  en: 'I can open a deal or move it to another stage.',
};

export const NO_DEALS_IN_PIPELINE: Texts = {
  ru: 'Открытых сделок в этой воронке нет.',
  en: 'No open deals in this pipeline.',
};

export const NEW_LEADS_THIS_WEEK: Texts = { ru: 'Новых лидов за неделю', en: 'New leads this week' };

export const noMovementFor = (stuckDays: string, language: Language): string =>
  language === 'ru' ? `Без движения ${stuckDays}` : `No movement for ${stuckDays}`;
