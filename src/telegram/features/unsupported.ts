// Everything that is not text: a short polite answer, never an error.
import { Composer, type Context } from 'grammy';
import { NOT_TEXT } from '../../views/messages.ts';

export function unsupportedFeature(): Composer<Context> {
  const composer = new Composer();
  composer.on('message', async (ctx) => {
    await ctx.reply(NOT_TEXT[ctx.from?.language_code?.startsWith('en') ? 'en' : 'ru']);
  });
  // Edited messages, reactions, membership changes: nothing to answer.
  return composer;
}
