// The persistent reply keyboard with the main views, and the command list Telegram shows under "/".
import type { Api } from 'grammy';
import type { BotCommand, ReplyKeyboardMarkup } from 'grammy/types';
import { MENU_BUTTONS } from '../assistant/router/index.ts';
import type { Language } from '../scenarios/director.ts';

const COMMANDS: Record<Language, BotCommand[]> = {
  ru: [
    { command: 'start', description: 'Начать' },
    { command: 'today', description: 'Обзор дня' },
    { command: 'schedule', description: 'Расписание на сегодня' },
    { command: 'tasks', description: 'Мои задачи' },
    { command: 'deals', description: 'Сделки' },
    { command: 'pipeline', description: 'Воронка продаж' },
    { command: 'team', description: 'Статус команды' },
    { command: 'digests', description: 'Утренние и вечерние сводки' },
    { command: 'help', description: 'Что я умею' },
  ],
  en: [
    { command: 'start', description: 'Start' },
    { command: 'today', description: 'Today at a glance' },
    { command: 'schedule', description: "Today's schedule" },
    { command: 'tasks', description: 'My tasks' },
    { command: 'deals', description: 'Deals' },
    { command: 'pipeline', description: 'Sales pipeline' },
    { command: 'team', description: 'Team status' },
    { command: 'digests', description: 'Morning and evening digests' },
    { command: 'help', description: 'What I can do' },
  ],
};

export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(COMMANDS.ru);
  await api.setMyCommands(COMMANDS.ru, { language_code: 'ru' });
  await api.setMyCommands(COMMANDS.en, { language_code: 'en' });
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
