// Everything that is not text: a short polite answer, never an error.
import { Composer, type Context } from 'grammy';

export function unsupportedFeature(): Composer<Context> {
  const composer = new Composer();
  composer.on('message', async (ctx) => {
    const english = ctx.from?.language_code?.startsWith('en');
    await ctx.reply(
      english
        ? 'I understand text only: write what to show — schedule, tasks or deals.'
        : 'Я понимаю только текст: напишите, что показать — расписание, задачи или сделки.',
    );
  });
  // Edited messages, reactions, membership changes: nothing to answer.
  return composer;
}
