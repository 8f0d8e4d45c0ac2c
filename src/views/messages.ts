// The assistant's fixed sentences, in Russian and English. Plain business words only: these reach the
// director as they are (after the guard), so nothing here may name how the portal is reached.

import type { Language } from '../vocabulary/director.ts';
import type { Question } from '../vocabulary/drafts.ts';
import { escapeHtml } from './html.ts';

export type Texts = Record<Language, string>;

/** Promise 8: what the assistant is, in one line. */
export const INTRODUCTION: Texts = {
  ru: 'Я помощник по Битрикс24. Могу показать расписание, задачи, сделки, контакты или отчёт по команде. Что интересует?',
  en: 'I am your Bitrix24 assistant. I can show your schedule, tasks, deals, contacts or a team report. What would you like to see?',
};

export const HELP: Texts = {
  ru: [
    '<b>Что я умею</b>',
    '• «дай расписание на среду», «что у меня завтра»',
    '• «мои задачи», «покажи сделки», «воронка»',
    '• «что у меня сегодня?» — утренний брифинг',
    '• «итоги дня», «итоги недели», «статус команды»',
    '• «досье Ромашка», «найди Иванов», «подготовь к встрече в 14:00»',
    '• «создай задачу подготовить отчёт на пятницу», «перенеси сделку Поставка на этап Переговоры»',
    '• «дайджесты» — рассылки по расписанию',
    'Перед любым изменением я спрошу подтверждение.',
  ].join('\n'),
  en: [
    '<b>What I can do</b>',
    '• “schedule for Wednesday”, “what do I have tomorrow”',
    '• “my tasks”, “show deals”, “pipeline”',
    '• “what do I have today?” — the morning briefing',
    '• “day results”, “weekly report”, “team status”',
    '• “dossier Romashka”, “find Ivanov”, “prepare for the 14:00 meeting”',
    '• “create a task prepare the report by Friday”, “move deal Supply to stage Negotiation”',
    '• “digests” — scheduled summaries',
    'I always ask before changing anything.',
  ].join('\n'),
};

/** What the assistant can do, said after a message it did not understand. */
export const CAN_HELP_WITH: Texts = {
  ru: 'Могу показать расписание, задачи, сделки, воронку, досье клиента или отчёт по команде, а также поставить задачу или создать сделку. Например: «мои задачи» или «что у меня завтра».',
  en: 'I can show your schedule, tasks, deals, pipeline, a client dossier or a team report, and create a task or a deal. For example: “my tasks” or “what do I have tomorrow”.',
};

/** Promise 4: the one sentence when the portal cannot be reached. */
export const PORTAL_UNAVAILABLE: Texts = {
  ru: 'Не удалось подключиться к Битрикс24, проверьте, что портал доступен.',
  en: 'Could not connect to Bitrix24, please check that the portal is available.',
};

/** The connection to the portal was revoked or is wrong: only the bot's owner can fix it. */
export const PORTAL_REFUSED: Texts = {
  ru: 'Битрикс24 не пускает помощника: попросите владельца бота заново подключить портал.',
  en: 'Bitrix24 does not let the assistant in: please ask the bot’s owner to connect the portal again.',
};

/** The portal said the director (or the assistant) has no right to this. */
export const NO_RIGHTS: Texts = {
  ru: 'На это в Битрикс24 не хватает прав: попросите администратора портала их выдать.',
  en: 'There are not enough rights in Bitrix24 for this: please ask the portal administrator to grant them.',
};

/** What each permission family opens, in the director's words (for the one sentence about a missing right). */
const ACCESS_SUBJECT: Record<string, Texts> = {
  crm: { ru: 'к CRM (сделкам, клиентам и лидам)', en: 'to the CRM (deals, clients and leads)' },
  task: { ru: 'к задачам', en: 'to tasks' },
  calendar: { ru: 'к календарям', en: 'to calendars' },
  user: { ru: 'к списку сотрудников', en: 'to the staff list' },
  department: { ru: 'к структуре компании', en: 'to the company structure' },
  im: { ru: 'к чатам', en: 'to chats' },
  timeman: { ru: 'к учёту рабочего времени', en: 'to work time tracking' },
};

/**
 * The one sentence for a missing right, saying what the portal administrator should allow: the assistant's
 * connection lacks a permission family (`connection`), or the director's own portal account lacks the rights
 * (`account`). A family we cannot name gets the general sentence.
 */
export function accessToAllow(family: string | undefined, missing: 'connection' | 'account', language: Language) {
  const subject = family === undefined ? undefined : ACCESS_SUBJECT[family];
  if (!subject) return NO_RIGHTS[language];
  if (missing === 'account') {
    return language === 'ru'
      ? `Вашей учётной записи в Битрикс24 закрыт доступ ${subject.ru}: попросите администратора портала выдать права.`
      : `Your Bitrix24 account has no access ${subject.en}: please ask the portal administrator to grant it.`;
  }
  return language === 'ru'
    ? `Помощнику не открыт доступ ${subject.ru}: попросите администратора Битрикс24 разрешить его в настройках подключения помощника.`
    : `The assistant has no access ${subject.en}: please ask the Bitrix24 administrator to allow it in the assistant’s connection settings.`;
}

export const SOMETHING_WENT_WRONG: Texts = {
  ru: 'Не получилось выполнить просьбу, попробуйте ещё раз чуть позже.',
  en: 'That did not work, please try again a little later.',
};

/** A scenario with nothing to say (an "only if" digest shown on request). */
export const NOTHING_TO_REPORT: Texts = {
  ru: 'Всё спокойно: сообщать не о чем.',
  en: 'All quiet: nothing to report.',
};

/** A stored question that cannot be read back (corrupted, or from an older version): nothing is written. */
export const PROPOSAL_UNREADABLE: Texts = {
  ru: 'Этот вопрос уже не прочитать, ничего не изменено. Напишите просьбу ещё раз.',
  en: 'This question can no longer be read and nothing was changed. Please ask again.',
};

export const STALE_BUTTON: Texts = {
  ru: 'Эта кнопка больше не действует. Напишите, что нужно, ещё раз.',
  en: 'This button no longer works. Please tell me again what you need.',
};

export const DIGESTS_UNAVAILABLE: Texts = {
  ru: 'Рассылки по расписанию здесь не включены.',
  en: 'Scheduled digests are not available here.',
};

/** Things the portal cannot do: say so plainly, and what is possible instead. */
export const CANNOT_DO: Record<'call' | 'email' | 'sms' | 'lateness' | 'change', Texts> = {
  call: {
    ru: 'Позвонить сам я не могу: Битрикс24 только записывает звонки, сделанные с телефона. Могу найти номер контакта или поставить задачу позвонить.',
    en: 'I cannot place a call: Bitrix24 only records calls made from a phone. I can find the contact’s number or create a task to call.',
  },
  email: {
    ru: 'Читать и отправлять почту я не могу. Могу добавить комментарий к сделке или поставить задачу написать письмо.',
    en: 'I cannot read or send e-mail. I can add a comment to a deal or create a task to write the letter.',
  },
  sms: {
    ru: 'Отправить СМС я не могу. Могу найти номер контакта или поставить задачу связаться с ним.',
    en: 'I cannot send a text message. I can find the contact’s number or create a task to get in touch.',
  },
  lateness: {
    ru: 'Кто опоздал, по Битрикс24 не сказать: в нём нет времени, к которому каждый должен начать день. Могу показать, кто уже начал рабочий день, а кто нет, — «кто сегодня не работает» или «статус команды».',
    en: 'Bitrix24 cannot tell who was late: it keeps no time each person should start by. I can show who has started the work day and who has not: “who is not working today” or “team status”.',
  },
  change: {
    ru: 'Этого я изменить не могу. Могу создать задачу, сделку, встречу, контакт или компанию, перевести сделку на другой этап, перенести встречу или срок задачи, отметить задачу выполненной или добавить комментарий.',
    en: 'I cannot change that. I can create a task, a deal, a meeting, a contact or a company, move a deal to another stage, move a meeting or a task’s deadline, mark a task done or add a comment.',
  },
};

/** «ещё» with no long list before it. */
export const NOTHING_MORE: Texts = {
  ru: 'Продолжать нечего: попросите список, и я покажу его по частям.',
  en: 'There is nothing to continue: ask for a list and I will show it part by part.',
};

export const STATUS_THINKING: Texts = { ru: 'Разбираюсь…', en: 'Working on it…' };
export const STATUS_EXPORTING: Texts = { ru: 'Собираю таблицу…', en: 'Building the spreadsheet…' };
export const STATUS_LOOKING_UP: Texts = { ru: 'Ищу в Битрикс24…', en: 'Looking it up in Bitrix24…' };

// ─── a director's own connection (the Bitrix24 application) ─────────────────

/** The button under the introduction, and the one under "connect first". */
export const CONNECT_BUTTON: Texts = { ru: 'Подключить свой Битрикс24', en: 'Connect my Bitrix24' };

export const ASK_PORTAL_ADDRESS: Texts = {
  ru: 'Напишите адрес вашего Битрикс24, например <b>company.bitrix24.ru</b>.',
  en: 'Please send the address of your Bitrix24, for example <b>company.bitrix24.com</b>.',
};

export const NOT_A_PORTAL_ADDRESS: Texts = {
  ru: 'Не похоже на адрес Битрикс24. Напишите его так: <b>company.bitrix24.ru</b>.',
  en: 'That does not look like a Bitrix24 address. Please send it like this: <b>company.bitrix24.com</b>.',
};

/** Sent with the one-time link (a button): what to do with it, and for how long it works. */
export const OPEN_CONNECT_LINK: Texts = {
  ru: 'Откройте ссылку и разрешите доступ в своём Битрикс24. Ссылка одноразовая и действует 10 минут.',
  en: 'Open the link and allow access in your Bitrix24. The link works once, for 10 minutes.',
};

export const OPEN_PORTAL_BUTTON: Texts = { ru: 'Открыть Битрикс24', en: 'Open Bitrix24' };

export const connectedSentence = (portal: string, name: string, language: Language): string =>
  language === 'en' ? `Connected: ${portal}, you are ${name}` : `Подключено: ${portal}, вы — ${name}`;

/** The director's own connection has ended (access withdrawn, application removed): one sentence, once per ask. */
export const CONNECT_AGAIN: Texts = {
  ru: 'Доступ к вашему Битрикс24 закрыт. Подключите его заново: /connect',
  en: 'Access to your Bitrix24 has been withdrawn. Please connect it again: /connect',
};

/** An allowed user with no company portal to act through yet. */
export const CONNECT_FIRST: Texts = {
  ru: 'Чтобы я мог помогать, подключите свой Битрикс24: /connect',
  en: 'To let me help, please connect your Bitrix24: /connect',
};

export const disconnectedSentence = (portal: string, language: Language): string =>
  language === 'en'
    ? `Disconnected: ${portal}. I no longer have access to it.`
    : `Отключено: ${portal}. Доступа к нему у меня больше нет.`;

export const NOTHING_TO_DISCONNECT: Texts = {
  ru: 'Своего Битрикс24 вы не подключали.',
  en: 'You have not connected a Bitrix24 of your own.',
};

// ─── voice notes and files ───────────────────────────────────────────────────

/** The transcript of a voice note, shown back before the answer. */
export const heardLine = (transcriptHtml: string): string => `<i>🎤 ${transcriptHtml}</i>`;

export const VOICE_TOO_LONG: Texts = {
  ru: 'Это голосовое слишком длинное для меня: запишите покороче, до двух минут, или напишите текстом.',
  en: 'This voice note is too long for me: please keep it under two minutes, or write it as text.',
};

export const VOICE_NOT_UNDERSTOOD: Texts = {
  ru: 'Не получилось разобрать голосовое — напишите, пожалуйста, текстом.',
  en: 'I could not make out the voice note — please write it as text.',
};

/** A day or a sum that cannot be: one line naming it, and the question that puts it right. */
export const impossibleQuestion = (what: string, language: Language): string =>
  language === 'ru'
    ? `Не понял «${escapeHtml(what)}»: такой даты или суммы не бывает. Что вы имели в виду?`
    : `I did not understand “${escapeHtml(what)}”: there is no such date or amount. What did you mean?`;

/** When answering failed for a reason the director cannot fix. */
export const SORRY: Texts = {
  ru: 'Не получилось ответить, попробуйте ещё раз через минуту.',
  en: 'I could not answer that; please try again in a minute.',
};

/** A command in a group chat. */
export const PRIVATE_ONLY: Texts = {
  ru: 'Я отвечаю только в личных сообщениях — напишите мне напрямую.',
  en: 'I only answer in private messages — please write to me directly.',
};

export const FORWARDED: Texts = {
  ru: 'Пересланные сообщения я не разбираю — напишите, что показать: расписание, задачи или сделки.',
  en: 'I do not read forwarded messages — write what to show: schedule, tasks or deals.',
};

/** The director's language as Telegram knows it, for replies the assistant gives before it knows them. */
export const languageOfCode = (code: string | undefined): Language => (code?.startsWith('en') ? 'en' : 'ru');

/** Someone not on the list: their Telegram ID to pass on, and nothing about the company. */
export const strangerSentence = (telegramUserId: number, language: Language): string =>
  language === 'en'
    ? `Sorry, this assistant is only for the company's staff. Your Telegram ID is ${telegramUserId}: send it to your administrator to get access.`
    : `Извините, этот помощник доступен только сотрудникам компании. Ваш Telegram ID: ${telegramUserId} — передайте его администратору, чтобы получить доступ.`;

export const NOT_TEXT: Texts = {
  ru: 'Я понимаю текст и голосовые: напишите или скажите, что показать — расписание, задачи или сделки.',
  en: 'I understand text and voice notes: write or say what to show — schedule, tasks or deals.',
};

export const FILE_TOO_BIG: Texts = {
  ru: 'Файл получился слишком большим для Телеграма — сузьте, пожалуйста, выборку.',
  en: 'The file came out too big for Telegram — please narrow the list down.',
};

/** Promise 10: the one short question a request lacking a piece gets; the answer continues the request. */
export const QUESTIONS: Record<Question, Texts> = {
  taskTitle: { ru: 'Что нужно сделать?', en: 'What needs to be done?' },
  whichTask: { ru: 'Какую задачу? Напишите часть её названия.', en: 'Which task? Write part of its title.' },
  dealTitle: { ru: 'Как назвать сделку?', en: 'What should the deal be called?' },
  whichDeal: { ru: 'Какую сделку? Напишите часть её названия.', en: 'Which deal? Write part of its title.' },
  dealMove: { ru: 'Какую сделку и на какой этап?', en: 'Which deal, and to which stage?' },
  comment: { ru: 'К чему и какой комментарий?', en: 'On which record, and what should the comment say?' },
  commentText: { ru: 'Что написать в комментарии?', en: 'What should the comment say?' },
  whichMeeting: {
    ru: 'Какую встречу? Напишите время или часть названия.',
    en: 'Which meeting? Give its time or part of its title.',
  },
  meetingWhen: { ru: 'На какой день или время?', en: 'To which day or time?' },
  newMeeting: { ru: 'Когда и с кем встреча?', en: 'When is the meeting, and with whom?' },
  newMeetingWhen: { ru: 'На какой день и время назначить встречу?', en: 'Which day and time should it be?' },
  meetingTime: { ru: 'Во сколько начать встречу?', en: 'What time should it start?' },
  contactName: { ru: 'Как зовут контакт?', en: 'What is the contact’s name?' },
  companyTitle: { ru: 'Как называется компания?', en: 'What is the company called?' },
  client: { ru: 'По какому клиенту?', en: 'Which client?' },
};

/** «отмена» while a question waits for its answer. */
export const QUESTION_DROPPED: Texts = { ru: 'Хорошо, не буду.', en: 'All right, I will leave it.' };

// ─── questions and their taps ───

export const PROPOSAL_EXPIRED: Texts = {
  ru: 'Время подтверждения истекло, ничего не изменено. Напишите просьбу ещё раз.',
  en: 'The confirmation has expired and nothing was changed. Please ask again.',
};

/** A tap on a pick list that a newer list or question replaced. */
export const LIST_EXPIRED: Texts = {
  ru: 'Этот список устарел, ничего не изменено. Напишите просьбу ещё раз.',
  en: 'This list has expired and nothing was changed. Please ask again.',
};

export const PROPOSAL_CANCELLED: Texts = { ru: 'Отменено.', en: 'Cancelled.' };

export const PROPOSAL_ALREADY_DONE: Texts = { ru: 'Это уже сделано.', en: 'This is already done.' };

export const PROPOSAL_IN_PROGRESS: Texts = { ru: 'Уже выполняю.', en: 'Already on it.' };

export const PROPOSAL_GONE: Texts = {
  ru: 'Этой записи уже нет в Битрикс24, ничего не изменено.',
  en: 'This record is no longer in Bitrix24; nothing was changed.',
};

/** Under a pick-one list cut short. */
export const MORE_MATCHES: Texts = {
  ru: 'Показаны первые совпадения — если нужного нет, уточните название.',
  en: 'Only the first matches are shown; if yours is not there, give a more precise name.',
};

// ─── the menu keyboard and the command list (shown by the Telegram layer, understood by the router) ───

/** The reply-keyboard rows; pressing a button sends its text, which `understand` maps to its view. */
export const MENU_BUTTONS: Record<Language, string[][]> = {
  ru: [
    ['📅 Расписание', '✅ Мои задачи'],
    ['💼 Сделки', '📊 Воронка'],
    ['☀️ Брифинг', '👥 Команда'],
    ['🔔 Дайджесты', '❓ Помощь'],
  ],
  en: [
    ['📅 Schedule', '✅ My tasks'],
    ['💼 Deals', '📊 Pipeline'],
    ['☀️ Briefing', '👥 Team'],
    ['🔔 Digests', '❓ Help'],
  ],
};

/** The command list Telegram shows under «/». */
export const COMMANDS: Record<Language, { command: string; description: string }[]> = {
  ru: [
    { command: 'start', description: 'Начать' },
    { command: 'today', description: 'Обзор дня' },
    { command: 'schedule', description: 'Расписание на сегодня' },
    { command: 'tasks', description: 'Мои задачи' },
    { command: 'deals', description: 'Сделки' },
    { command: 'pipeline', description: 'Воронка продаж' },
    { command: 'team', description: 'Статус команды' },
    { command: 'digests', description: 'Утренние и вечерние сводки' },
    { command: 'alerts', description: 'Оповещения о важном' },
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
    { command: 'alerts', description: 'Alerts as things happen' },
    { command: 'help', description: 'What I can do' },
  ],
};

// Only when the operator configured a Bitrix24 application: otherwise there is nothing to connect.
export const CONNECT_COMMANDS: Record<Language, { command: string; description: string }[]> = {
  ru: [
    { command: 'connect', description: 'Подключить свой Битрикс24' },
    { command: 'disconnect', description: 'Отключить свой Битрикс24' },
  ],
  en: [
    { command: 'connect', description: 'Connect my Bitrix24' },
    { command: 'disconnect', description: 'Disconnect my Bitrix24' },
  ],
};
