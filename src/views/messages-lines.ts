// The fixed words of one item's line (a meeting, a task, a deal) and of a list, in Russian and English.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const ALL_DAY: Texts = { ru: 'весь день', en: 'all day' };

export const NO_DEADLINE_YET: Texts = { ru: 'без срока', en: 'no deadline' };

export const MOVED_TO_STAGE: Texts = { ru: 'перешла на стадию', en: 'moved to' };

export const UNTITLED: Texts = { ru: 'Без названия', en: 'Untitled' };

export const daysWithoutMovement = (days: string, language: Language): string =>
  language === 'ru' ? `${days} без движения` : `${days} without movement`;

export const andMore = (rest: string, language: Language): string =>
  language === 'ru' ? `…и ещё ${rest}` : `…and ${rest} more`;
