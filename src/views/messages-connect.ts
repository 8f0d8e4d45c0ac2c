// Connecting a director's own portal: what the bot's pages say in the browser, and the one sentence the link's
// owner hears in Telegram when a connection was not made. Plain words: a director reads these.
import type { Language } from '../vocabulary/director.ts';
import { escapeHtml } from './html.ts';
import type { Texts } from './messages.ts';

/** Told in Telegram to whoever asked for the link; `unknown` has nobody to tell. */
/** Why a step was refused. `unknown`: forged, used or long gone, so there is nobody to tell. */
export type Refusal =
  | 'unknown'
  | 'expired'
  | 'otherAccount'
  | 'notTelegram'
  | 'otherBrowser'
  | 'otherPortal'
  | 'otherPerson'
  | 'cancelled'
  | 'refused'
  | 'unavailable';

export const NOT_CONNECTED: Record<Exclude<Refusal, 'unknown'>, Texts> = {
  expired: {
    ru: 'Битрикс24 не подключён: ссылка устарела. Чтобы подключить, напишите /connect',
    en: 'Your Bitrix24 was not connected: the link had expired. To connect, send /connect',
  },
  otherAccount: {
    ru: 'Битрикс24 не подключён: вашу ссылку открыли из другого аккаунта Telegram. Чтобы подключить, напишите /connect',
    en: 'Your Bitrix24 was not connected: your link was opened from another Telegram account. To connect, send /connect',
  },
  notTelegram: {
    ru: 'Битрикс24 не подключён: ссылку открыли не из Telegram. Чтобы подключить, напишите /connect и откройте кнопку здесь',
    en: 'Your Bitrix24 was not connected: the link was opened outside Telegram. To connect, send /connect and tap the button here',
  },
  otherBrowser: {
    ru: 'Битрикс24 не подключён: разрешение пришло в другой браузер, не в тот, что открыли из Telegram. Чтобы подключить, напишите /connect',
    en: 'Your Bitrix24 was not connected: the approval came back to another browser than the one opened from Telegram. To connect, send /connect',
  },
  otherPortal: {
    ru: 'Битрикс24 не подключён: доступ разрешили на другом портале, не на том, адрес которого вы написали. Чтобы подключить, напишите /connect',
    en: 'Your Bitrix24 was not connected: access was allowed on another portal than the one whose address you sent. To connect, send /connect',
  },
  otherPerson: {
    ru: 'Битрикс24 не подключён: доступ разрешил не тот сотрудник, которым вас записал администратор бота. Войдите в Битрикс24 под своим именем и напишите /connect',
    en: 'Your Bitrix24 was not connected: access was allowed by another person than the one the bot’s administrator set for you. Sign in to Bitrix24 as yourself and send /connect',
  },
  cancelled: {
    ru: 'Битрикс24 не подключён: вы отменили подключение.',
    en: 'Your Bitrix24 was not connected: you cancelled it.',
  },
  refused: {
    ru: 'Подключить Битрикс24 не получилось. Проверьте, что приложение установлено на портале, и попробуйте ещё раз: /connect',
    en: 'Could not connect your Bitrix24. Please check that the application is installed on the portal and try again: /connect',
  },
  unavailable: {
    ru: 'Подключить Битрикс24 не получилось: портал не ответил. Попробуйте ещё раз: /connect',
    en: 'Could not connect your Bitrix24: the portal did not answer. Please try again: /connect',
  },
};

/** A page's title and its one line. */
export interface PageText {
  title: string;
  line: string;
}

const page = (ru: PageText, en: PageText): Record<Language, PageText> => ({ ru, en });

export const PAGES = {
  opening: page(
    { title: 'Подключение Битрикс24', line: 'Открываю Битрикс24…' },
    { title: 'Connecting Bitrix24', line: 'Opening Bitrix24…' },
  ),
  openInTelegram: page(
    { title: 'Откройте из Telegram', line: 'Эта страница открывается кнопкой в чате с ботом.' },
    { title: 'Open it from Telegram', line: 'This page opens with the button in your chat with the bot.' },
  ),
  stale: page(
    {
      title: 'Ссылка не действует',
      line: 'Ссылка устарела или уже использована. Попросите новую в Telegram командой /connect.',
    },
    { title: 'This link does not work', line: 'It has expired or was used already: ask for a new one with /connect.' },
  ),
  otherAccount: page(
    {
      title: 'Это чужая ссылка',
      line: 'Ссылка создана для другого аккаунта Telegram. Ничего не подключено.',
    },
    { title: 'This link is someone else’s', line: 'It was made for another Telegram account. Nothing was connected.' },
  ),
  otherBrowser: page(
    {
      title: 'Другой браузер',
      line: 'Разрешение пришло не в тот браузер, который открыли из Telegram. Ничего не подключено.',
    },
    {
      title: 'Another browser',
      line: 'The approval came back to another browser than the one opened from Telegram. Nothing was connected.',
    },
  ),
  notConnected: page(
    { title: 'Не подключено', line: 'Битрикс24 не подключён: подробности в Telegram.' },
    { title: 'Not connected', line: 'Your Bitrix24 was not connected: see Telegram.' },
  ),
  done: page(
    { title: 'Готово', line: 'Битрикс24 подключён. Вернитесь в Telegram.' },
    { title: 'Done', line: 'Your Bitrix24 is connected. Please return to Telegram.' },
  ),
  cancelled: page(
    { title: 'Отменено', line: 'Ничего не подключено.' },
    { title: 'Cancelled', line: 'Nothing was connected.' },
  ),
};

export const CONFIRM_TITLE: Texts = { ru: 'Подключить Битрикс24?', en: 'Connect Bitrix24?' };
export const CONFIRM_YES: Texts = { ru: 'Подключить', en: 'Connect' };
export const CONFIRM_NO: Texts = { ru: 'Отмена', en: 'Cancel' };

/** «Telegram @x будет видеть портал company.bitrix24.ru как Алексей Смирнов»: escaped HTML. */
export const whoActsAsWhom = (telegramName: string, portal: string, userName: string, language: Language): string => {
  const [who, where, as] = [telegramName, portal, userName].map((part) => `<b>${escapeHtml(part)}</b>`);
  return language === 'en'
    ? `Telegram ${who} will see the portal ${where} as ${as}.`
    : `Telegram ${who} будет видеть портал ${where} как ${as}.`;
};

/** A tap under a message from another portal than the director's current one: nothing is done. */
export const OTHER_PORTAL_TAP: Texts = {
  ru: 'Это сообщение из другого портала: кнопка здесь не действует.',
  en: 'This message is from another portal: its button does nothing here.',
};
