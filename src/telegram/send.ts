// Turning Replies into Telegram messages: HTML first, plain text if Telegram refuses the HTML,
// inline buttons on the message they belong to. A reply with a file goes as a photo or a document with the
// HTML as its caption, through the same retries and the same plain-text fallback.
import { type Api, GrammyError, InlineKeyboard, InputFile, type Transformer } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { Logger } from '../log.ts';
import { plainTextOf } from '../present/plain-text.ts';
import type { Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import { encodeAction } from './callback-data.ts';
import { taggedData } from './workspace-tag.ts';

/** The dashboard's address (DASHBOARD_URL), when the operator set one: its button opens the Mini App. */
type DashboardUrl = string | undefined;

const hasDashboard = (reply: Reply, dashboardUrl: DashboardUrl) => Boolean(dashboardUrl && reply.dashboardButton);

function inlineKeyboardOf(reply: Reply, dashboardUrl?: DashboardUrl): InlineKeyboard | undefined {
  if (!reply.buttons?.length && !hasDashboard(reply, dashboardUrl)) return undefined;
  const keyboard = new InlineKeyboard();
  for (const row of reply.buttons ?? []) {
    for (const button of row) keyboard.text(button.text, taggedData(encodeAction(button.action), reply.portalTag));
    keyboard.row();
  }
  // A web app button, not a callback: Telegram opens the page with the director's signed data.
  if (dashboardUrl && reply.dashboardButton) keyboard.webApp(reply.dashboardButton, dashboardUrl);
  return keyboard;
}

/**
 * Installed on the bot's API: no message or edit ever shows a link preview (a portal title or a model's words
 * could otherwise pull in a page the director never asked for), whichever part sends it.
 */
export function noLinkPreviews(): Transformer {
  return (prev, method, payload, signal) => {
    if (method !== 'sendMessage' && method !== 'editMessageText') return prev(method, payload, signal);
    const withoutPreview = { ...payload, link_preview_options: { is_disabled: true } };
    return prev(method, withoutPreview as typeof payload, signal);
  };
}

const offers = (reply: Reply, kind: Action['kind']) =>
  reply.buttons?.some((row) => row.some((button) => button.action.kind === kind)) ?? false;

const refusedMarkup = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /parse entities|unsupported start tag/i.test(error.description);

const notModified = (error: unknown) =>
  error instanceof GrammyError && error.error_code === 400 && /message is not modified/i.test(error.description);

export interface Sender {
  /** Sends replies in order; the menu keyboard (if given) goes on the last one without inline buttons. */
  send(chatId: number, replies: Reply[], menu?: ReplyKeyboardMarkup): Promise<number[]>;
  /** Removes a message's buttons (a withdrawn pick list). */
  clearButtons(chatId: number, messageId: number): Promise<void>;
  /** Edits a message to a reply, removing its buttons unless the reply has new ones. */
  edit(chatId: number, messageId: number, reply: Reply): Promise<void>;
}

type Markup = InlineKeyboard | ReplyKeyboardMarkup | undefined;

/** A reply with a file: a photo or a document with the HTML as its caption, as plain text if refused. */
async function sendFile(api: Api, logger: Logger, chatId: number, reply: Reply, markup: Markup) {
  const file = reply.attachment!;
  const send = (caption: string, parseMode?: 'HTML') => {
    // A fresh InputFile each time: a retried upload reads the bytes again.
    const input = new InputFile(file.data, file.fileName);
    const options = { caption, reply_markup: markup, ...(parseMode ? { parse_mode: parseMode } : {}) };
    return file.kind === 'photo' ? api.sendPhoto(chatId, input, options) : api.sendDocument(chatId, input, options);
  };
  try {
    return (await send(reply.html, 'HTML')).message_id;
  } catch (error) {
    if (!refusedMarkup(error)) throw error;
    logger.warn('telegram refused the caption markup, resending as plain text', { error });
    return (await send(plainTextOf(reply.html))).message_id;
  }
}

/** One reply as one message: HTML first, plain text if Telegram refuses the HTML. */
async function sendOne(api: Api, logger: Logger, chatId: number, reply: Reply, markup?: Markup) {
  if (reply.attachment) return sendFile(api, logger, chatId, reply, markup);
  try {
    const message = await api.sendMessage(chatId, reply.html, {
      parse_mode: 'HTML',
      reply_markup: markup,
      link_preview_options: { is_disabled: true },
    });
    return message.message_id;
  } catch (error) {
    if (!refusedMarkup(error)) throw error;
    logger.warn('telegram refused the markup, resending as plain text', { error });
    const message = await api.sendMessage(chatId, plainTextOf(reply.html), {
      reply_markup: markup,
      link_preview_options: { is_disabled: true },
    });
    return message.message_id;
  }
}

/** A message edited to a reply: HTML first, plain text if refused; an edit to the same text is no error. */
async function editTo(api: Api, chatId: number, messageId: number, reply: Reply, markup: InlineKeyboardMarkup) {
  try {
    await api.editMessageText(chatId, messageId, reply.html, {
      parse_mode: 'HTML',
      reply_markup: markup,
      link_preview_options: { is_disabled: true },
    });
  } catch (error) {
    if (notModified(error)) return;
    if (!refusedMarkup(error)) throw error;
    await api.editMessageText(chatId, messageId, plainTextOf(reply.html), {
      reply_markup: markup,
      link_preview_options: { is_disabled: true },
    });
  }
}

export function createSender(api: Api, logger: Logger, dashboardUrl?: DashboardUrl): Sender {
  const clearButtons = async (chatId: number, messageId: number) => {
    await api
      .editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } })
      .catch((error: unknown) => logger.debug('could not remove buttons', { error }));
  };

  // The pick lists still on screen in each chat. A newer list or question withdraws them: their buttons go, so
  // only the latest list can be tapped (the assistant refuses an older one's tap too, e.g. after a restart).
  const openLists = new Map<number, number[]>();

  return {
    async send(chatId, replies, menu) {
      if (replies.some((reply) => offers(reply, 'pick') || offers(reply, 'confirm'))) {
        const withdrawn = openLists.get(chatId) ?? [];
        openLists.delete(chatId);
        for (const messageId of withdrawn) await clearButtons(chatId, messageId);
      }
      const ids: number[] = [];
      const lastPlain = menu
        ? replies.findLastIndex((reply) => !reply.buttons?.length && !hasDashboard(reply, dashboardUrl))
        : -1;
      for (const [index, reply] of replies.entries()) {
        const inline = inlineKeyboardOf(reply, dashboardUrl);
        const id = await sendOne(api, logger, chatId, reply, inline ?? (index === lastPlain ? menu : undefined));
        ids.push(id);
        if (offers(reply, 'pick')) openLists.set(chatId, [...(openLists.get(chatId) ?? []), id]);
      }
      return ids;
    },
    clearButtons,
    async edit(chatId, messageId, reply) {
      const markup: InlineKeyboardMarkup = inlineKeyboardOf(reply, dashboardUrl) ?? { inline_keyboard: [] };
      await editTo(api, chatId, messageId, reply, markup);
    },
  };
}
