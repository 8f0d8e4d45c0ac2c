// The clients' fixed words and sentences (contacts, a client's dossier), in Russian and English.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const NOBODY_AT_COMPANY: Texts = {
  ru: 'в карточке компании никого нет.',
  en: 'nobody is listed on the company.',
};

export const CONTACTS_EMPTY_HINT: Texts = { ru: 'Могу создать контакт.', en: 'I can create a contact.' };

export const CONTACTS_HINT: Texts = {
  ru: 'Могу показать досье, добавить комментарий или поставить задачу связаться.',
  en: 'I can show a dossier, add a comment, or create a task to get in touch.',
};

export const DOSSIER_HINT: Texts = {
  ru: 'Могу добавить комментарий, создать сделку или задачу по клиенту.',
  en: 'I can add a comment, or create a deal or a task for this client.',
};

export const contactsMatching = (query: string, language: Language): string =>
  language === 'ru' ? `Контакты по запросу ${query}` : `Contacts matching ${query}`;
