// Text messages and commands go to the assistant; the director sees "typing…" while it works.
import { Composer, type Context } from 'grammy';
import type { AssistantPort } from '../../assistant/assistant-port.ts';
import type { Logger } from '../../log.ts';
import { FORWARDED, languageOfCode } from '../../views/messages.ts';
import type { MenuKeyboard } from '../menu.ts';
import type { Sender } from '../send.ts';

const TYPING_REFRESH_MS = 4_500;
// An answer ready sooner shows no "typing…": it would only flash, and each action is one more call to Telegram.
export const TYPING_DELAY_MS = 300;

/** Shows "typing…" once `work` has taken a noticeable moment, and keeps it on screen (Telegram clears it after ~5 s). */
export async function whileTyping<T>(ctx: Context, work: () => Promise<T>, logger: Logger): Promise<T> {
  const typing = () => ctx.replyWithChatAction('typing').catch((error) => logger.debug('typing failed', { error }));
  let refresh: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void typing();
    refresh = setInterval(typing, TYPING_REFRESH_MS);
  }, TYPING_DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(first);
    clearInterval(refresh);
  }
}

export function conversationFeature(deps: {
  assistant: AssistantPort;
  sender: Sender;
  menu: MenuKeyboard;
  logger: Logger;
}): Composer<Context> {
  const composer = new Composer();
  composer.on('message:text', async (ctx) => {
    if (ctx.message.forward_origin) {
      await ctx.reply(FORWARDED[languageOfCode(ctx.from.language_code)]);
      return;
    }
    const conversation = { telegramUserId: ctx.from.id, chatId: ctx.chat.id };
    const text = ctx.message.text;
    const replies = await whileTyping(ctx, () => deps.assistant.handleText(conversation, text), deps.logger);
    // The menu rides on every plain answer: whatever the director just asked, the main views are one tap away
    // (and an answer the bot did not understand comes with them, as the brief asks).
    await deps.sender.send(ctx.chat.id, replies, deps.menu.markup(ctx.from.language_code));
  });
  return composer;
}
