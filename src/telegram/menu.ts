// The persistent reply keyboard with the main views, and the command list Telegram shows under "/": their words
// are in the messages table, the router understands the same words.
import type { Api } from 'grammy';
import type { ReplyKeyboardMarkup } from 'grammy/types';
import type { Language } from '../scenarios/director.ts';
import { COMMANDS, CONNECT_COMMANDS, MENU_BUTTONS } from '../views/messages.ts';
import { PLAN_COMMANDS } from '../views/messages-plan.ts';

export async function registerCommands(api: Api, options: { connect?: boolean } = {}): Promise<void> {
  const listed = (language: Language) => [
    ...COMMANDS[language],
    ...PLAN_COMMANDS[language],
    ...(options.connect ? CONNECT_COMMANDS[language] : []),
  ];
  await api.setMyCommands(listed('ru'));
  await api.setMyCommands(listed('ru'), { language_code: 'ru' });
  await api.setMyCommands(listed('en'), { language_code: 'en' });
}

export interface MenuKeyboard {
  markup(languageCode?: string): ReplyKeyboardMarkup;
}

export function createMenu(): MenuKeyboard {
  const build = (rows: readonly (readonly string[])[]): ReplyKeyboardMarkup => ({
    keyboard: rows.map((row) => row.map((text) => ({ text }))),
    resize_keyboard: true,
    is_persistent: true,
  });
  const menus = { ru: build(MENU_BUTTONS.ru), en: build(MENU_BUTTONS.en) };
  return { markup: (languageCode) => (languageCode?.startsWith('en') ? menus.en : menus.ru) };
}
