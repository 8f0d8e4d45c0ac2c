// Telegram refuses a message over 4096 characters after entity parsing (tags cost nothing, `&amp;` is one
// character); a cut inside a tag or an entity breaks the whole message. Split at line boundaries, close the tags
// still open at the end of a part and reopen them in the next. Counting the HTML itself would cut a briefing
// full of links into two messages where one holds it.
import { plainTextOf } from './plain-text.ts';

const tagPattern = /<\/?([a-zA-Z][\w-]*)[^<>]*>/g;

interface OpenTag {
  name: string;
  open: string;
}

function closingOf(stack: readonly OpenTag[]): string {
  return [...stack]
    .reverse()
    .map((tag) => `</${tag.name}>`)
    .join('');
}

function openingOf(stack: readonly OpenTag[]): string {
  return stack.map((tag) => tag.open).join('');
}

/** The tags still open after a piece of HTML, given those open before it. */
function openTagsAfter(stack: readonly OpenTag[], html: string): OpenTag[] {
  const next = [...stack];
  for (const match of html.matchAll(tagPattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (match[0].startsWith('</')) {
      const at = next.map((tag) => tag.name).lastIndexOf(name);
      if (at >= 0) next.splice(at);
    } else {
      next.push({ name, open: match[0] });
    }
  }
  return next;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** What Telegram counts of some HTML: the characters left once tags are dropped and entities read. */
const textLength = (html: string): number => plainTextOf(html).length;

const atomLength = (atom: string): number => (atom.startsWith('<') ? 0 : atom.startsWith('&') ? 1 : atom.length);

/** Pieces of one over-long line, cut at spaces where possible and never inside a tag or an entity. */
function cutLine(line: string, room: number): string[] {
  // `u`: a character outside the basic plane (an emoji) is one atom, never two halves.
  const atoms = line.match(/<[^<>]*>|&#?\w+;|\s+|[^\s<&]+|[\s\S]/gu) ?? [];
  const pieces: string[] = [];
  let current = '';
  let currentLength = 0;
  for (const atom of atoms) {
    const length = atomLength(atom);
    if (currentLength + length <= room) {
      current += atom;
      currentLength += length;
      continue;
    }
    if (current) pieces.push(current);
    let rest = atom;
    // A word longer than a whole message: cut it by characters (never a tag or entity: those are short).
    while (rest.length > room) {
      // Never between the two halves of a surrogate pair.
      const at = isHighSurrogate(rest.charCodeAt(room - 1)) ? room - 1 : room;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    current = rest.trimStart();
    currentLength = atomLength(current);
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Splits Telegram HTML into messages of at most `limit` characters of text each, at line boundaries. */
export function splitMessage(html: string, limit = 4096): string[] {
  if (textLength(html) <= limit) return [html];
  const lines = html.split('\n').flatMap((line) => (textLength(line) > limit ? cutLine(line, limit) : [line]));
  const parts: string[] = [];
  let stack: OpenTag[] = [];
  let current = '';
  let currentLength = 0;
  let currentStack: OpenTag[] = [];

  const flush = () => {
    const body = current.replace(/\n+$/, '');
    if (body.trim()) parts.push(openingOf(currentStack) + body + closingOf(stack));
    currentStack = stack;
    current = '';
    currentLength = 0;
  };

  for (const line of lines) {
    const length = textLength(line);
    if (current && currentLength + 1 + length > limit) flush();
    currentLength += (current ? 1 : 0) + length;
    current += current ? `\n${line}` : line;
    stack = openTagsAfter(stack, line);
  }
  flush();
  return parts;
}
