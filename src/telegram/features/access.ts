// Only allowed Telegram users get anything; a stranger learns their own ID and nothing about the company.
import { Composer, type Context } from 'grammy';
import type { AccessList } from '../../access/access-ports.ts';
import type { Language } from '../../vocabulary/director.ts';

const strangerText = (telegramUserId: number, language: Language) =>
  language === 'en'
    ? `Sorry, this assistant is only for the company's staff. Your Telegram ID is ${telegramUserId}: send it to your administrator to get access.`
    : `Извините, этот помощник доступен только сотрудникам компании. Ваш Telegram ID: ${telegramUserId} — передайте его администратору, чтобы получить доступ.`;

export function accessFeature(access: AccessList): Composer<Context> {
  const composer = new Composer();
  composer.use(async (ctx, next) => {
    const user = ctx.from;
    if (!user || user.is_bot) return;
    if (await access.isAllowed(user.id)) return next();
    const language = user.language_code?.startsWith('ru') || !user.language_code ? 'ru' : 'en';
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: strangerText(user.id, language) }));
    if (ctx.message) await ctx.reply(strangerText(user.id, language));
  });
  return composer;
}
