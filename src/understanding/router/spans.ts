// The spans of a message its parsers take: each pattern's matches are taken out once, so no word is read twice
// and whatever is left over is said back, never dropped.
import type { Message } from './text.ts';

export interface Span {
  start: number;
  end: number;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// Every pattern is compiled once: the parsers name their patterns inline, and a message passes dozens of them.
// Sharing a global pattern is safe here: matchAll works on its own copy and never moves the shared one.
const compiled = new Map<string, RegExp>();

/** A pattern matched on whole words only. */
export function rule(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`${B}(?:${pattern})${E}`, 'gu');
    compiled.set(pattern, re);
  }
  return re;
}

/** Takes every match of the pattern out of the text (by spans), calling `on` for each. */
export function take(
  message: Message,
  found: { spans: Span[] },
  pattern: RegExp,
  on: (match: RegExpExecArray) => void,
): boolean {
  let hit = false;
  for (const match of message.light.matchAll(pattern)) {
    if (found.spans.some((span) => match.index < span.end && span.start < match.index + match[0].length)) continue;
    found.spans.push({ start: match.index, end: match.index + match[0].length });
    on(match as RegExpExecArray);
    hit = true;
  }
  return hit;
}
