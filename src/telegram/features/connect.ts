// /connect and /disconnect: a director connects their own portal (the Bitrix24 application). Before the access
// check, because with ALLOW_CONNECTED_PORTALS connecting is how a newcomer becomes allowed.
import { Composer, type Context, InlineKeyboard } from 'grammy';
import type { AccessList, ConnectPort } from '../../access/access-ports.ts';
import { portalName, portalOrigin } from '../../access/connect/portal-address.ts';
import { escapeHtml } from '../../views/html.ts';
import {
  ASK_PORTAL_ADDRESS,
  CONNECT_BUTTON,
  CONNECT_FIRST,
  disconnectedSentence,
  languageOfCode,
  NOT_A_PORTAL_ADDRESS,
  NOTHING_TO_DISCONNECT,
  OPEN_CONNECT_LINK,
  OPEN_PORTAL_BUTTON,
} from '../../views/messages.ts';
import type { Language } from '../../vocabulary/director.ts';
import { CONNECT_DATA } from '../callback-data.ts';
import { CONNECT_TAP } from '../workspace-tag.ts';

const languageOf = (ctx: Context): Language => languageOfCode(ctx.from?.language_code);

/** Asks for the portal's address; the next text within the link's lifetime counts as the answer. */
async function askAddress(ctx: Context, connect: ConnectPort, now: () => number) {
  const telegramUserId = ctx.from?.id;
  if (telegramUserId === undefined) return;
  await connect.addressQuestion.ask(telegramUserId, now() + connect.linkTtlMs);
  await ctx.reply(ASK_PORTAL_ADDRESS[languageOf(ctx)], { parse_mode: 'HTML' });
}

/** The link that connects the typed portal, or one sentence when what was typed is no portal's address. */
async function sendLink(ctx: Context, connect: ConnectPort, typed: string) {
  const language = languageOf(ctx);
  const origin = portalOrigin(typed);
  if (!origin || !ctx.from || !ctx.chat) {
    await ctx.reply(NOT_A_PORTAL_ADDRESS[language], { parse_mode: 'HTML' });
    return;
  }
  await connect.addressQuestion.forget(ctx.from.id);
  const link = await connect.link({ telegramUserId: ctx.from.id, chatId: ctx.chat.id, portal: origin, language });
  // A Mini App button: the page gets Telegram's proof of who opened it. Telegram opens those only over https;
  // a bot tried on this machine (PUBLIC_URL on 127.0.0.1) gets a plain link, and the page then proves nobody.
  const keyboard = link.startsWith('https:')
    ? new InlineKeyboard().webApp(OPEN_PORTAL_BUTTON[language], link)
    : new InlineKeyboard().url(OPEN_PORTAL_BUTTON[language], link);
  await ctx.reply(`<b>${escapeHtml(portalName(origin))}</b>\n${OPEN_CONNECT_LINK[language]}`, {
    parse_mode: 'HTML',
    reply_markup: keyboard,
  });
}

/** /disconnect: the director's own connection forgotten, and which portal it was. */
async function disconnect(ctx: Context, connect: ConnectPort, telegramUserId: number) {
  await connect.addressQuestion.forget(telegramUserId);
  const portal = await connect.disconnect(telegramUserId);
  const language = languageOf(ctx);
  await ctx.reply(portal ? escapeHtml(disconnectedSentence(portal, language)) : NOTHING_TO_DISCONNECT[language], {
    parse_mode: 'HTML',
  });
}

export function connectFeature(
  connect: ConnectPort,
  access: AccessList,
  now: () => number = Date.now,
): Composer<Context> {
  const composer = new Composer();
  // Who was asked for their portal's address, and until when the answer counts as one: in the shared store.
  const asked = connect.addressQuestion;
  const mayConnect = (ctx: Context) => ctx.chat?.type === 'private' && ctx.from && connect.mayConnect(ctx.from.id);

  composer.command('connect', async (ctx, next) => {
    if (!mayConnect(ctx)) return next();
    const typed = ctx.match.trim();
    await (typed ? sendLink(ctx, connect, typed) : askAddress(ctx, connect, now));
  });

  // Anyone may have their own tokens forgotten, even one no longer allowed in.
  composer.command('disconnect', async (ctx, next) => {
    const telegramUserId = ctx.from?.id;
    if (telegramUserId === undefined || ctx.chat.type !== 'private') return next();
    await disconnect(ctx, connect, telegramUserId);
  });

  composer.callbackQuery(CONNECT_TAP, async (ctx, next) => {
    if (!mayConnect(ctx)) return next();
    await ctx.answerCallbackQuery();
    await askAddress(ctx, connect, now);
  });

  // The answer to «Напишите адрес вашего Битрикс24»; any other command means the director moved on.
  composer.on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/') || !(await asked.isOpen(ctx.from.id, now()))) return next();
    if (!mayConnect(ctx)) {
      await asked.forget(ctx.from.id);
      return next();
    }
    await sendLink(ctx, connect, ctx.message.text);
  });

  // With ALLOW_CONNECTED_PORTALS a newcomer is not a stranger: connecting their portal is how they come in.
  composer.on('message', async (ctx, next) => {
    if (ctx.chat.type !== 'private' || !connect.mayConnect(ctx.from.id) || (await access.isAllowed(ctx.from.id))) {
      return next();
    }
    const language = languageOf(ctx);
    await ctx.reply(CONNECT_FIRST[language], {
      reply_markup: new InlineKeyboard().text(CONNECT_BUTTON[language], CONNECT_DATA),
    });
  });
  return composer;
}
