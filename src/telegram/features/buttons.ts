// Button taps: answered at once (Telegram shows a spinner until then), then the assistant does the work.
import { Composer, type Context } from 'grammy';
import type { AssistantPort } from '../../assistant/assistant-port.ts';
import type { Logger } from '../../log.ts';
import type { Sender } from '../send.ts';
import { tapOf } from '../workspace-tag.ts';

export function buttonsFeature(deps: { assistant: AssistantPort; sender: Sender; logger: Logger }): Composer<Context> {
  const composer = new Composer();
  composer.on('callback_query:data', async (ctx) => {
    await ctx.answerCallbackQuery().catch((error) => deps.logger.debug('answerCallbackQuery failed', { error }));
    const message = ctx.callbackQuery.message;
    const chatId = message?.chat.id ?? ctx.from.id;
    const conversation = { telegramUserId: ctx.from.id, chatId };
    const tap = tapOf(ctx.callbackQuery.data);
    const outcome = await deps.assistant.handleButton(conversation, tap, message?.message_id ?? 0);
    if (outcome.edit && message) await deps.sender.edit(chatId, message.message_id, outcome.edit);
    else if (outcome.clearButtons && message) await deps.sender.clearButtons(chatId, message.message_id);
    const replies = [...outcome.replies];
    if (outcome.notice && !outcome.edit && replies.length === 0) replies.push({ html: outcome.notice });
    if (replies.length) await deps.sender.send(chatId, replies);
  });
  // Buttons without data (games, old clients) still get their spinner stopped.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  return composer;
}
