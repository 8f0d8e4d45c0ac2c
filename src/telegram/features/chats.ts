// Private chats only. In a group the bot stays silent unless a command addresses it.
import { Composer, type Context } from 'grammy';
import { languageOfCode, PRIVATE_ONLY } from '../../views/messages.ts';

export function privateChatsFeature(): Composer<Context> {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'private') return next();
    const text = ctx.message?.text ?? '';
    if (text.startsWith('/') && (!text.includes('@') || text.includes(`@${ctx.me.username}`))) {
      await ctx.reply(PRIVATE_ONLY[languageOfCode(ctx.from?.language_code)]);
    }
  });
  return composer;
}
