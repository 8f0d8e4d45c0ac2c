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

/** Pieces of one over-long line, cut at spaces where possible and never inside a tag or an entity. */
function cutLine(line: string, room: number): string[] {
  const atoms = line.match(/<[^<>]*>|&#?\w+;|\s+|[^\s<&]+|[\s\S]/g) ?? [];
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
      pieces.push(rest.slice(0, room));
      rest = rest.slice(room);
    }
    current = rest.trimStart();
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Splits Telegram HTML into messages of at most `limit` characters each, at line boundaries. */
export function splitMessage(html: string, limit = 4096): string[] {
  if (html.length <= limit) return [html];
  // Leave room for the tags closed at the end of a part and reopened at the start of the next.
  const reserve = Math.min(200, Math.floor(limit / 4));
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

  const lines = html.split('\n').flatMap((line) => (line.length > room ? cutLine(line, room) : [line]));
  for (const line of lines) {
    const addition = current ? `\n${line}` : line;
    if (current && current.length + addition.length > room) flush();
    current += current ? `\n${line}` : line;
    stack = openTagsAfter(stack, line);
  }
  flush();
  return parts;
}
