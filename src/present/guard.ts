// The last line before Telegram (promise 2 of PRODUCT.md): no technical word, method name, file name or
// portal address reaches the director, and only the HTML Telegram accepts gets through.
// Portal data (a deal's title, a contact's name) is the director's own content: renderers wrap it in
// `dataMark` so the word rewriting leaves it alone; addresses with a webhook secret are removed everywhere.

import { letters } from '../letters.ts';
import { dataEnd, dataStart } from '../views/html.ts';
import type { Language } from '../vocabulary/director.ts';

const notLetter = '(?<![\\p{L}\\p{N}_])';
const notLetterAfter = '(?![\\p{L}\\p{N}_])';
// The words of every pattern below without their edges, kept for the sieve (technicalHint).
const hints: string[] = [];
const word = (stem: string): RegExp => {
  hints.push(stem);
  return letters(new RegExp(`${notLetter}(?:${stem})${notLetterAfter}`, 'giu'));
};

const replacements: { pattern: RegExp; ru: string; en: string }[] = [
  {
    pattern: word('rest\\s*api|api|mcp|sdk|end[- ]?points?|эндпо[иий]нт\\p{L}*'),
    ru: 'Битрикс24',
    en: 'Bitrix24',
  },
  // Only the capitalised REST: "the rest of the week" is plain English (the sieve, blind to case, lets it by).
  { pattern: letters(new RegExp(`${notLetter}REST${notLetterAfter}`, 'gu')), ru: 'Битрикс24', en: 'Bitrix24' },
  { pattern: word('web[- ]?hooks?|вебхук\\p{L}*|веб-хук\\p{L}*'), ru: 'подключение', en: 'connection' },
  { pattern: word('o?auth\\s*2?(?:\\.0)?|tokens?|токен\\p{L}*'), ru: 'доступ', en: 'access' },
  { pattern: word('scopes?|скоуп\\p{L}*'), ru: 'права', en: 'permissions' },
  { pattern: word('json'), ru: 'данные', en: 'data' },
  { pattern: word('methods?|метод\\p{L}*'), ru: 'действие', en: 'action' },
  { pattern: word('param(?:eter)?s?|параметр\\p{L}*'), ru: 'настройка', en: 'setting' },
  { pattern: word('curl'), ru: '', en: '' },
];

// Anything under a portal's REST path, with or without a scheme: may hold the secret.
const restAddress = /(?:https?:\/\/)?[\w.-]*\/rest\/[^\s<>"']*/gi;
const methodStart =
  '(?:crm|tasks?|user|calendar|department|im|imbot|imopenlines|timeman|batch|server|scope|methods|profile|app|entity|disk|telephony|mailservice|messageservice|event|placement|sonet_group|lists|log|voximplant|sale|catalog|landing|bizproc|socialnetwork)\\.';
const methodName = letters(
  new RegExp(`(?<![\\p{L}\\p{N}_.])${methodStart}[a-z_]+(?:\\.[a-z_]+)*${notLetterAfter}`, 'giu'),
);
const fileEnd = `\\w\\.(?:ts|js|mjs|cjs|json|sql|sqlite|py|php|env|log|md|ya?ml|txt|lock|sh)${notLetterAfter}`;
const fileName = letters(new RegExp(`${notLetter}[\\w./-]*${fileEnd}`, 'giu'));

/**
 * What every technical word needs, without the edges that keep the engine from skipping ahead: one quick pass
 * over a whole reply, which almost never holds one, instead of each pattern over each piece (a link's address
 * alone made the file-name pattern retry at every slash).
 */
const technicalHint = letters(new RegExp([`${methodStart}[a-z_]`, fileEnd, 'REST', ...hints].join('|'), 'iu'));

// Telegram shows a Markdown table as a wall of pipes: one line per row instead, the ruler row dropped.
export function untable(text: string): string {
  if (!text.includes('|')) return text;
  return text
    .split('\n')
    .filter((line) => !/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line))
    .map((line) => {
      if (!/^\s*\|.*\|\s*$/.test(line)) return line;
      const cells = line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean);
      return `• ${cells.join(' — ')}`;
    })
    .join('\n');
}

function rewriteWords(text: string, language: Language, technical: boolean): string {
  let out = untable(text);
  if (technical) {
    out = out.replace(methodName, '').replace(fileName, '');
    for (const { pattern, ru, en } of replacements) out = out.replace(pattern, language === 'ru' ? ru : en);
  }
  // Removed words leave doubled spaces and spaces before punctuation behind.
  return out.replace(/[ \t]{2,}/g, ' ').replace(/ ([,.:;!?)])/g, '$1');
}

const allowedTags = new Set([
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

const attributePattern = (key: string) =>
  letters(new RegExp(`\\b${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'));
const attributePatterns = {
  href: attributePattern('href'),
  class: attributePattern('class'),
  'emoji-id': attributePattern('emoji-id'),
};

/** The opening tag as Telegram accepts it, or undefined to drop it (its content stays). */
function cleanOpening(name: string, attributes: string): string | undefined {
  const attribute = (key: keyof typeof attributePatterns) =>
    attributePatterns[key].exec(attributes)?.slice(1).find(Boolean);
  switch (name) {
    case 'a': {
      const href = attribute('href')?.replace(/&amp;/g, '&');
      if (!href || !/^(https?:\/\/|tg:\/\/|mailto:)/i.test(href) || /\/rest\//i.test(href)) return undefined;
      return `<a href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
    }
    case 'span':
      return attribute('class') === 'tg-spoiler' ? '<span class="tg-spoiler">' : undefined;
    case 'tg-emoji': {
      const id = attribute('emoji-id');
      return id && /^\d+$/.test(id) ? `<tg-emoji emoji-id="${id}">` : undefined;
    }
    case 'code': {
      const language = attribute('class');
      return language && /^language-[\w+-]+$/.test(language) ? `<code class="${language}">` : '<code>';
    }
    case 'blockquote':
      return /\bexpandable\b/i.test(attributes) ? '<blockquote expandable>' : '<blockquote>';
    default:
      return `<${name}>`;
  }
}

const lineBreakTags = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Only Telegram's tags, balanced; stray `<`, `>` and `&` escaped; `<br>` and blocks become line breaks. */
function repairHtml(html: string): string {
  const tokens = html.match(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->|[^<]+|</g) ?? [];
  const stack: string[] = [];
  let out = '';
  for (const token of tokens) {
    if (token.startsWith('<!--')) continue;
    const tag = /^<(\/?)([a-zA-Z][\w-]*)([^<>]*?)\/?>$/.exec(token);
    if (!tag) {
      // Most text between tags has nothing to escape: kept as it is, not copied three times over.
      out += /[&<>]/.test(token)
        ? token
            .replace(/&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);)/gi, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
        : token;
      continue;
    }
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    if (lineBreakTags.has(name)) {
      // A block starts and ends on a line of its own.
      if (name === 'br' || closing || (out !== '' && !out.endsWith('\n'))) out += '\n';
      continue;
    }
    if (!allowedTags.has(name)) continue;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      // Close what was opened inside it first: Telegram refuses crossed tags.
      out += stack
        .splice(at)
        .reverse()
        .map((open) => `</${open}>`)
        .join('');
      continue;
    }
    const opening = cleanOpening(name, tag[3] ?? '');
    if (!opening) continue;
    stack.push(name);
    out += opening;
  }
  out += stack
    .reverse()
    .map((open) => `</${open}>`)
    .join('');
  // An emptied pair (a link whose text was removed) is noise.
  return out.replace(/<(b|strong|i|em|u|ins|s|strike|del|code)>\s*<\/\1>/g, '');
}

const markedData = letters(new RegExp(`${dataStart}([^${dataEnd}]*)${dataEnd}`, 'g'));

function guardWords(text: string, language: Language): string {
  // Most replies name no REST path at all: the quick look first, the address pattern only when there is one.
  const addressless = /\/rest\//i.test(text) ? text.replace(restAddress, '') : text;
  // Each piece below (its marks taken out) is a part of this text: no hint in it, no technical word in them.
  const technical = technicalHint.test(addressless.replaceAll(dataStart, ''));
  const pieces = addressless.split(markedData);
  // split with a capture group: even indexes are the product's words, odd ones the director's data.
  return pieces
    .map((piece, index) =>
      index % 2 === 0 ? rewriteWords(piece.replaceAll(dataStart, ''), language, technical) : piece,
    )
    .join('')
    .replaceAll(dataEnd, '');
}

/** The same guard for plain text (a button's label): words and addresses, no HTML. */
export function guardPlainText(text: string, language: Language): string {
  return guardWords(text, language).replace(/\s+/g, ' ').trim();
}

/** The last step for every text the product writes: technical words out, Telegram-valid HTML in. */
export function guardText(html: string, language: Language): string {
  return repairHtml(guardWords(html, language))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
