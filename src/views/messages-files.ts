// The files subject's fixed words and sentences, in Russian and English (the messages table's own file).
import type { Texts } from './messages.ts';

export const CHART_BUTTON: Texts = {
  ru: '📈 График',
  en: '📈 Chart',
};
