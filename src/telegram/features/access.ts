// Only allowed Telegram users get anything; a stranger learns their own ID and nothing about the company.
import { Composer, type Context } from 'grammy';
import type { AccessList } from '../../access/access-ports.ts';
import { languageOfCode, strangerSentence } from '../../views/messages.ts';

export function accessFeature(access: AccessList): Composer<Context> {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const user = ctx.from;
    if (!user || user.is_bot) return;
    if (await access.isAllowed(user.id)) return next();
    const refusal = strangerSentence(user.id, languageOfCode(user.language_code));
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: refusal }));
    if (ctx.message) await ctx.reply(refusal);
  });
  return composer;
}
