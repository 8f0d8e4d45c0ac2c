// «📊 Панель» in the menu and /dashboard: one line and the button that opens the dashboard. A button of the
// reply keyboard would open the page without the director's signed data (Telegram sends none from there), so the
// menu's button answers with an inline one, which does.
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { guardPlainText, guardText } from '../../present/guard.ts';
import { languageOfCode } from '../../views/messages.ts';
import { DASHBOARD_MENU_BUTTON, DASHBOARD_OFFER, DASHBOARD_OPEN_BUTTON } from '../../views/messages-dashboard.ts';

export function dashboardFeature(dashboardUrl: string): Composer<Context> {
  const composer = new Composer();
  const offer = async (ctx: Context) => {
    const language = languageOfCode(ctx.from?.language_code);
    const button = guardPlainText(DASHBOARD_OPEN_BUTTON[language], language);
    await ctx.reply(guardText(DASHBOARD_OFFER[language], language), {
      reply_markup: new InlineKeyboard().webApp(button, dashboardUrl),
    });
  };
  composer.command('dashboard', offer);
  composer.hears([DASHBOARD_MENU_BUTTON.ru, DASHBOARD_MENU_BUTTON.en], offer);
  return composer;
}
