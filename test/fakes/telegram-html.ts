// Telegram's HTML parse mode, as strict as the real Bot API: the fake answers 400 wherever Telegram would.
// Modelled on the Bot API's documented rules (and tdlib's parser): a fixed set of tags, balanced, with only
// `&lt; &gt; &amp; &quot;` and numeric entities decoded; any other `&` stays literal text.

const ALLOWED_TAGS = new Set([
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

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export interface ParsedHtml {
  /** The text a reader sees, entities decoded, tags removed. */
  text: string;
  /** Telegram's own wording after "Bad Request: can't parse entities: ", when the HTML is invalid. */
  error?: string;
}

/** Decodes the entity starting at `at` (which holds `&`), or returns undefined when it is not one Telegram knows. */
function entityAt(html: string, at: number): { char: string; length: number } | undefined {
  const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,8});/.exec(html.slice(at, at + 12));
  if (!match) return undefined;
  const name = match[1]!;
  if (name.startsWith('#')) {
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    if (code > 0x10ffff || code === 0) return undefined;
    return { char: String.fromCodePoint(code), length: match[0].length };
  }
  const char = NAMED_ENTITIES[name];
  return char === undefined ? undefined : { char, length: match[0].length };
}

function decodeAttribute(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '&') {
      const entity = entityAt(value, i);
      if (entity) {
        out += entity.char;
        i += entity.length - 1;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

const special = /[&<]/g;

const byteOffset = (html: string, at: number): number => Buffer.byteLength(html.slice(0, at));

export function parseTelegramHtml(html: string): ParsedHtml {
  const open: string[] = [];
  let text = '';
  let i = 0;
  const fail = (error: string): ParsedHtml => ({ text, error });
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const entity = entityAt(html, i);
      if (entity) {
        text += entity.char;
        i += entity.length;
      } else {
        text += ch;
        i++;
      }
      continue;
    }
    if (ch !== '<') {
      // A run of plain text at once: the fake answers every message of a test run.
      special.lastIndex = i + 1;
      const next = special.exec(html)?.index ?? html.length;
      text += html.slice(i, next);
      i = next;
      continue;
    }
    const start = i;
    const end = html.indexOf('>', i);
    if (end < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(html, start)}`);
    const inner = html.slice(i + 1, end);
    i = end + 1;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const expected = open.pop();
      if (expected === undefined) return fail(`Unexpected end tag at byte offset ${byteOffset(html, start)}`);
      if (name !== expected) {
        return fail(
          `Unmatched end tag at byte offset ${byteOffset(html, start)}, expected "</${expected}>", found "</${name}>"`,
        );
      }
      continue;
    }
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(inner);
    if (!nameMatch) return fail(`Empty tag name at byte offset ${byteOffset(html, start)}`);
    const name = nameMatch[0].toLowerCase();
    if (!ALLOWED_TAGS.has(name))
      return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, start)}`);
    if (inner.endsWith('/')) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, start)}`);
    const attributes = new Map<string, string>();
    const attributePattern = /\s+([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
    let rest = inner.slice(name.length);
    attributePattern.lastIndex = 0;
    while (rest.trim() !== '') {
      const match = attributePattern.exec(rest);
      if (!match)
        return fail(
          `Expected equal sign in declaration of an attribute of the tag at byte offset ${byteOffset(html, start)}`,
        );
      attributes.set(match[1]!.toLowerCase(), decodeAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
      rest = rest.slice(match[0].length);
      attributePattern.lastIndex = 0;
    }
    if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(html, start)}`);
    }
    if (name === 'tg-emoji' && !attributes.has('emoji-id')) {
      return fail(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${byteOffset(html, start)}`);
    }
    open.push(name);
  }
  if (open.length > 0) return fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]}"`);
  return { text };
}

/** Telegram counts a message's length in UTF-16 code units of the parsed text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
