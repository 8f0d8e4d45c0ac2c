// The persistent reply keyboard with the main views, and the command list Telegram shows under "/": their words
// are in the messages table, the router understands the same words.
import type { Api } from 'grammy';
import type { ReplyKeyboardMarkup } from 'grammy/types';
import { COMMANDS, CONNECT_COMMANDS, MENU_BUTTONS } from '../views/messages.ts';
import { DASHBOARD_COMMAND, DASHBOARD_MENU_BUTTON, DASHBOARD_TEXTS } from '../views/messages-dashboard.ts';
import { PLAN_COMMANDS } from '../views/messages-plan.ts';
import type { Language } from '../vocabulary/director.ts';

export async function registerCommands(
  api: Api,
  options: { connect?: boolean; dashboardUrl?: string } = {},
): Promise<void> {
  const listed = (language: Language) => [
    ...COMMANDS[language],
    ...PLAN_COMMANDS[language],
    ...(options.connect ? CONNECT_COMMANDS[language] : []),
    ...(options.dashboardUrl ? [DASHBOARD_COMMAND[language]] : []),
  ];
  await api.setMyCommands(listed('ru'));
  await api.setMyCommands(listed('ru'), { language_code: 'ru' });
  await api.setMyCommands(listed('en'), { language_code: 'en' });
  // The chat's own menu button opens the dashboard too, with the director's signed data.
  if (options.dashboardUrl)
    await api.setChatMenuButton({
      menu_button: { type: 'web_app', text: DASHBOARD_TEXTS.title.ru, web_app: { url: options.dashboardUrl } },
    });
}

export interface MenuKeyboard {
  markup(languageCode?: string): ReplyKeyboardMarkup;
}

export function createMenu(options: { dashboard?: boolean } = {}): MenuKeyboard {
  const build = (rows: readonly (readonly string[])[]): ReplyKeyboardMarkup => ({
    keyboard: rows.map((row) => row.map((text) => ({ text }))),
    resize_keyboard: true,
    is_persistent: true,
  });
  const rows = (language: Language) => [
    ...MENU_BUTTONS[language],
    ...(options.dashboard ? [[DASHBOARD_MENU_BUTTON[language]]] : []),
  ];
  const menus = { ru: build(rows('ru')), en: build(rows('en')) };
  return { markup: (languageCode) => (languageCode?.startsWith('en') ? menus.en : menus.ru) };
}
