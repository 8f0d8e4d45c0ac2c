// An independent check that a text is HTML Telegram accepts: only its tags, balanced, entities escaped.
const allowed = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span',
  'tg-emoji',
]);

export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tokens = html.match(/<[^>]*>|[^<]+|</g) ?? [];
  for (const token of tokens) {
    if (token === '<') {
      problems.push('a bare <');
      continue;
    }
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([a-z-]+)(\s[^>]*)?>$/.exec(token);
      if (!tag) {
        problems.push(`malformed tag ${token}`);
        continue;
      }
      const [, closing, name = ''] = tag;
      if (!allowed.has(name)) problems.push(`tag <${name}> is not Telegram's`);
      if (closing) {
        if (stack.pop() !== name) problems.push(`</${name}> closes nothing open`);
      } else stack.push(name);
      continue;
    }
    if (/>/.test(token)) problems.push('a bare >');
    for (const entity of token.match(/&[^;\s]*;?/g) ?? []) {
      if (!/^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);$/i.test(entity)) problems.push(`bad entity ${entity}`);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

/** The words of PRODUCT.md promise 2, and method names, file names and REST addresses. */
export const technical =
  /(?<![\p{L}])(api|rest|webhook|вебхук\p{L}*|mcp|endpoint\p{L}*|эндпоинт\p{L}*|scope\p{L}*|token\p{L}*|токен\p{L}*|curl|json|method\p{L}*|метод\p{L}*|parameter\p{L}*|параметр\p{L}*|sdk|oauth)(?![\p{L}])|\b(crm|tasks|user|calendar|timeman|department)\.[a-z]+|\/rest\/|\.(ts|js|json|sql)\b/iu;
