// The patterns say «a letter» as \p{L}: every letter of every script, about 600 ranges, which V8 builds into
// a search tree at each place it stands. A pattern with a few dozen of them took milliseconds to compile (paid on a
// director's first questions after a start) and matched about twice as slowly. The letters of the scripts a message
// is written in stand for it here: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, Japanese kana,
// Chinese and Korean, each a handful of ranges.
import { remembered } from './remembered.ts';

const LETTER_RANGES =
  'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0386\\u0388-\\u03FF\\u0400-\\u0481' +
  '\\u048A-\\u052F\\u0531-\\u0587\\u05D0-\\u05EA\\u0620-\\u064A\\u10A0-\\u10FF\\u1E00-\\u1FFF\\u3040-\\u30FF' +
  '\\u4E00-\\u9FFF\\uAC00-\\uD7AF';

const LETTER = '\\p{L}';

/** The pattern's source with each \p{L} written as the ranges above (inside a class, or as a class of its own). */
export function lettersIn(source: string): string {
  let out = '';
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const char = source[at]!;
    if (char === '\\') {
      if (source.startsWith(LETTER, at)) {
        out += inClass ? LETTER_RANGES : `[${LETTER_RANGES}]`;
        at += LETTER.length - 1;
      } else {
        out += source.slice(at, at + 2);
        at++;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return out;
}

// Each pattern is rewritten and compiled once, however often a parser names it: by its flags, then its source.
const made = new Map<string, (source: string) => RegExp>();

/** The same pattern with the letters above for \p{L}; a pattern without \p{L} is given back as it is. */
export function letters(pattern: RegExp): RegExp {
  const { source, flags } = pattern;
  if (!source.includes(LETTER)) return pattern;
  let ofFlags = made.get(flags);
  if (!ofFlags) {
    ofFlags = remembered((kept: string) => new RegExp(lettersIn(kept), flags), 2_000);
    made.set(flags, ofFlags);
  }
  const lettered = ofFlags(source);
  // A global or sticky pattern keeps where it stopped: each caller gets its own (V8 shares the compiled code).
  return lettered.global || lettered.sticky ? new RegExp(lettered) : lettered;
}
