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

// Only when the operator configured a Bitrix24 application: otherwise there is nothing to connect.
const CONNECT_COMMANDS: Record<Language, BotCommand[]> = {
  ru: [
    { command: 'connect', description: 'Подключить свой Битрикс24' },
    { command: 'disconnect', description: 'Отключить свой Битрикс24' },
  ],
  en: [
    { command: 'connect', description: 'Connect my Bitrix24' },
    { command: 'disconnect', description: 'Disconnect my Bitrix24' },
  ],
};

export async function registerCommands(api: Api, options: { connect?: boolean } = {}): Promise<void> {
  const listed = (language: Language) => [
    ...COMMANDS[language],
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
