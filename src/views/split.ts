// Telegram refuses a message over 4096 characters; a cut inside a tag or an entity breaks the whole message.
// Split at line boundaries, close the tags still open at the end of a part and reopen them in the next.

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

/** The most the tags of this HTML ever add to a part: reopened at its start and closed at its end. */
function largestTagOverhead(lines: readonly string[]): number {
  let stack: OpenTag[] = [];
  let largest = 0;
  for (const line of lines) {
    stack = openTagsAfter(stack, line);
    largest = Math.max(largest, openingOf(stack).length + closingOf(stack).length);
  }
  return largest;
}

/** Pieces of one over-long line, cut at spaces where possible and never inside a tag or an entity. */
function cutLine(line: string, room: number): string[] {
  // `u`: a character outside the basic plane (an emoji) is one atom, never two halves.
  const atoms = line.match(/<[^<>]*>|&#?\w+;|\s+|[^\s<&]+|[\s\S]/gu) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const atom of atoms) {
    if (current.length + atom.length <= room) {
      current += atom;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    let rest = atom;
    // A word longer than a whole message: cut it by characters (never a tag or entity: those are short).
    while (rest.length > room) {
      // Never between the two halves of a surrogate pair.
      const at = isHighSurrogate(rest.charCodeAt(room - 1)) ? room - 1 : room;
      pieces.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    current = rest.trimStart();
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Splits Telegram HTML into messages of at most `limit` characters each, at line boundaries. */
export function splitMessage(html: string, limit = 4096): string[] {
  if (html.length <= limit) return [html];
  // Leave room for the tags closed at the end of a part and reopened at the start of the next (a long link
  // address can take more than the usual 200).
  const rawLines = html.split('\n');
  const reserve = Math.min(Math.max(200, largestTagOverhead(rawLines) + 16), Math.floor(limit / 2));
  const room = limit - reserve;
  const parts: string[] = [];
  let stack: OpenTag[] = [];
  let current = '';
  let currentStack: OpenTag[] = [];

  const flush = () => {
    const body = current.replace(/\n+$/, '');
    if (body.trim()) parts.push(openingOf(currentStack) + body + closingOf(stack));
    currentStack = stack;
    current = '';
  };

  const lines = rawLines.flatMap((line) => (line.length > room ? cutLine(line, room) : [line]));
  for (const line of lines) {
    const addition = current ? `\n${line}` : line;
    const after = openTagsAfter(stack, line);
    const size = openingOf(currentStack).length + current.length + addition.length + closingOf(after).length;
    if (current && (current.length + addition.length > room || size > limit)) flush();
    current += current ? `\n${line}` : line;
    stack = openTagsAfter(stack, line);
  }
  flush();
  return parts;
}
