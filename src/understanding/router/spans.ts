// The spans of a message its parsers take: each pattern's matches are taken out once, so no word is read twice
// and whatever is left over is said back, never dropped.

import { letters } from '../../letters.ts';
import { holdsOne, holdsOneInAnyCase, type Needed, neededWords } from './literals.ts';
import type { Message } from './text.ts';

export interface Span {
  start: number;
  end: number;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// Every pattern is compiled once: the parsers name their patterns inline, and a message passes dozens of them.
// Sharing a global pattern is safe here: matchesOf sets it back before anything else can run.
const compiled = new Map<string, RegExp>();
// Most patterns are in no given message: before one is run, the text is looked through for the plain words it
// cannot match without (literals.ts). Then the pattern without its word edges finds where a match could start (a
// look-behind first keeps the engine from skipping ahead to where the words could start): no match of the whole
// pattern starts before that, so the whole pattern is run from there on.
interface Hint {
  needed: Needed | undefined;
  /** Matched in any case (the `i` flag): its words are looked for so. */
  anyCase?: boolean;
  loose?: RegExp;
}
const hints = new WeakMap<RegExp, Hint>();

/** A pattern matched on whole words only. */
export function rule(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = letters(new RegExp(`${B}(?:${pattern})${E}`, 'gu'));
    hints.set(re, { needed: neededWords(pattern), loose: letters(new RegExp(`(?:${pattern})`, 'gu')) });
    compiled.set(pattern, re);
  }
  return re;
}

// A pattern made elsewhere is looked through for its words once, when it is first matched.
function hintOf(pattern: RegExp): Hint {
  let hint = hints.get(pattern);
  if (!hint) {
    const anyCase = pattern.ignoreCase;
    // A sticky pattern matches where it is put, and the `v` flag reads classes otherwise: neither is looked into.
    const read = !pattern.sticky && !pattern.flags.includes('v');
    hint = { needed: read ? neededWords(pattern.source, anyCase) : undefined, anyCase };
    hints.set(pattern, hint);
  }
  return hint;
}

/** False when the pattern (global or not) surely has no match in the text: it holds none of the pattern's words. */
export function mayMatch(text: string, pattern: RegExp): boolean {
  return holds(text, hintOf(pattern));
}

/** Whether a pattern that is not global matches the text; a text without the pattern's words is not searched. */
export function matches(text: string, pattern: RegExp): boolean {
  return mayMatch(text, pattern) && pattern.test(text);
}

const holds = (text: string, { needed, anyCase }: Hint) =>
  anyCase ? holdsOneInAnyCase(text, needed) : holdsOne(text, needed);

/** Where the pattern without its edges next matches from `from` on, or -1. */
function nextStart(loose: RegExp, text: string, from: number): number {
  // From the start a search finds the place without making a match.
  if (from === 0) return text.search(loose);
  loose.lastIndex = from;
  const start = loose.exec(text)?.index ?? -1;
  loose.lastIndex = 0;
  return start;
}

/**
 * Every match of a global pattern, as `text.matchAll(pattern)` gives them, on the pattern itself: matchAll works
 * on a copy, and the engine compiles a copy's code again once a collection has let go of it (up to a millisecond
 * for a pattern with \p{L}, at every message). All matches are collected before any is acted on, so an action
 * that uses the same pattern finds it as it was. A pattern made once is read for its words once: pass one made
 * once, not one written inline.
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  const hint = hintOf(pattern);
  if (!holds(text, hint)) return [];
  const { loose } = hint;
  const found: RegExpExecArray[] = [];
  for (let from = 0; ; ) {
    const start = loose ? nextStart(loose, text, from) : from;
    if (start < 0) break;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) break;
    found.push(match);
    from = pattern.lastIndex;
    // An empty match: step past it, by a whole character in a Unicode pattern, as matchAll does.
    if (match[0] === '') from += pattern.unicode && (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
  }
  pattern.lastIndex = 0;
  return found;
}

/** Takes every match of the pattern out of the text (by spans), calling `on` for each. */
export function take(
  message: Message,
  found: { spans: Span[] },
  pattern: RegExp,
  on: (match: RegExpExecArray) => void,
): boolean {
  let hit = false;
  for (const match of matchesOf(message.light, pattern)) {
    if (found.spans.some((span) => match.index < span.end && span.start < match.index + match[0].length)) continue;
    found.spans.push({ start: match.index, end: match.index + match[0].length });
    on(match);
    hit = true;
  }
  return hit;
}
