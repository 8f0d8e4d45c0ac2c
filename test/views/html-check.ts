// An independent check that a text is HTML Telegram accepts: the fake Telegram's parser judges the tags, and on top
// every `>` and `&` of the text must be escaped, which Telegram itself would forgive.
import { parseTelegramHtml } from '../fakes/telegram-html.ts';

export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const { error } = parseTelegramHtml(html);
  if (error) problems.push(error);
  const text = html.replace(/<[^>]*>/g, '');
  if (/>/.test(text)) problems.push('a bare >');
  for (const entity of text.match(/&[^;\s]*;?/g) ?? []) {
    if (!/^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);$/i.test(entity)) problems.push(`bad entity ${entity}`);
  }
  return problems;
}

/** The words of PRODUCT.md promise 2, and method names, file names and REST addresses. */
export const technical =
  /(?<![\p{L}])(api|rest|webhook|вебхук\p{L}*|mcp|endpoint\p{L}*|эндпоинт\p{L}*|scope\p{L}*|token\p{L}*|токен\p{L}*|curl|json|method\p{L}*|метод\p{L}*|parameter\p{L}*|параметр\p{L}*|sdk|oauth)(?![\p{L}])|\b(crm|tasks|user|calendar|timeman|department)\.[a-z]+|\/rest\/|\.(ts|js|json|sql)\b/iu;
