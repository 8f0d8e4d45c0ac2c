// Everything that is not text: a short polite answer, never an error.
import { Composer, type Context } from 'grammy';
import { languageOfCode, NOT_TEXT } from '../../views/messages.ts';

export function unsupportedFeature(): Composer<Context> {
  const composer = new Composer();
  composer.on('message', async (ctx) => {
    await ctx.reply(NOT_TEXT[languageOfCode(ctx.from?.language_code)]);
  });
  // Edited messages, reactions, membership changes: nothing to answer.
  return composer;
}
