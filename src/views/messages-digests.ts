// The digests subject's fixed words and sentences, in Russian and English (the messages table's own file).
import type { Texts } from './messages.ts';

export const ON_FRIDAYS: Texts = {
  ru: 'по пятницам',
  en: 'on Fridays',
};

export const ON_WORKDAYS: Texts = {
  ru: 'по будням',
  en: 'on workdays',
};

export const DIGEST_OFF: Texts = {
  ru: 'выключено, больше не пришлю.',
  en: 'off, I will not send it any more.',
};
