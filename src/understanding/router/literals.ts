// The words a pattern cannot match without: «сделк\p{L}*|deals?» matches no text that holds neither «сделк» nor
// «deal». Most of the grammar's patterns are in no given message, and a look for a few plain words costs a small
// part of running the pattern, so a pattern whose words are all missing is not run at all.

import { letters } from '../../letters.ts';

/** Strings one of which every match of the pattern contains; undefined when nothing is certain. */
type Words = string[] | undefined;

interface Atom {
  /** A plain character, or undefined for a class, an escape of a kind, a group or an anchor. */
  char?: string;
  needed: Words;
}

interface Quantity {
  min: number;
  max: number;
}

/** Plain words, one of which every match holds, each with its first and last pair of letters (-1: no pair). */
export interface Needed {
  words: string[];
  pairs: Int32Array;
}

/**
 * The plain words of which every match of the pattern (its source) holds one, in lower case for a pattern with the
 * `i` flag (`anyCase`); undefined when the pattern can match without any, or when it uses a form not read here.
 */
export function neededWords(source: string, anyCase = false): Needed | undefined {
  let words: string[] | undefined;
  try {
    const reader = new Reader(source);
    words = reader.alternatives();
    if (!reader.done()) return undefined;
  } catch {
    return undefined;
  }
  if (!words) return undefined;
  if (anyCase) {
    words = [...new Set(words.map((word) => word.toLowerCase()))];
    if (words.some((word) => otherCases.test(word) || /[\u0080-\u00ff]/u.test(word))) return undefined;
  }
  const pairs = new Int32Array(words.length * 2).fill(-1);
  words.forEach((word, at) => {
    if (word.length < 2) return;
    pairs[at * 2] = pairAt(word, 0);
    pairs[at * 2 + 1] = pairAt(word, word.length - 2);
  });
  return { words, pairs };
}

// The pairs of letters side by side in the text last looked through: a word whose first or last two letters are
// no such pair is not in the text, and most words are told so without a search. A text is looked through once for
// all the patterns tried on it.
const PAIRS = 4096;
const seen = new Uint32Array(PAIRS);
let stamp = 0;
let indexed: string | undefined;
const pairAt = (text: string, at: number) => (text.charCodeAt(at) * 31 + text.charCodeAt(at + 1)) & (PAIRS - 1);

function lookThrough(text: string): void {
  if (text === indexed) return;
  indexed = text;
  if (stamp === 0xffffffff) {
    seen.fill(0);
    stamp = 0;
  }
  stamp += 1;
  for (let at = 0; at + 1 < text.length; at += 1) seen[pairAt(text, at)] = stamp;
}

/** Whether the text holds one of the words (or nothing is needed). */
export function holdsOne(text: string, needed: Needed | undefined): boolean {
  if (needed === undefined) return true;
  lookThrough(text);
  const { words, pairs } = needed;
  for (let at = 0; at < words.length; at += 1) {
    const first = pairs[at * 2]!;
    if (first >= 0 && (seen[first] !== stamp || seen[pairs[at * 2 + 1]!] !== stamp)) continue;
    if (text.includes(words[at]!)) return true;
  }
  return false;
}

// Matched in any case (the `i` flag), a word of Latin and Cyrillic letters is found in a text of those letters (and
// the rest of Latin-1) where the text's lower case holds it. A text with any other character is left to the
// pattern itself, and so is a pattern with a word of other letters.
const otherCases = /[^\u0000-\u00ff\u0400-\u04ff]/u;

/** Whether the text holds one of the words (`neededWords(…, true)`) in any case, or may. */
export function holdsOneInAnyCase(text: string, needed: Needed | undefined): boolean {
  return needed === undefined || otherCases.test(text) || holdsOne(text.toLowerCase(), needed);
}

// A class of more characters than this (\p{L}, [а-я]) is no help in finding a text without its words.
const MOST_CHARS = 12;
const DIGITS = [...'0123456789'];
const letterOrDigit = letters(/[\p{L}\p{N}]/u);

class Reader {
  private at = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.at === this.source.length;
  }

  /** `a|b|c`: each alternative needs its own words, so any of them will do. */
  alternatives(): Words {
    const each: Words[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      each.push(this.sequence());
    }
    if (each.some((needed) => needed === undefined)) return undefined;
    return [...new Set(each.flat() as string[])];
  }

  /** `abc(?:d|e)f`: every part that must occur needs its words; the part with the rarest words is kept. */
  private sequence(): Words {
    const parts: Words[] = [];
    let run = '';
    const endRun = () => {
      if (run) parts.push([run]);
      run = '';
    };
    while (!this.done() && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantity();
      if (atom.char !== undefined && min >= 1) {
        run += atom.char;
        // «s+»: the run holds one «s», and whatever follows is no longer next to it.
        if (max !== 1) endRun();
        continue;
      }
      endRun();
      if (min >= 1 && atom.needed) parts.push(atom.needed);
    }
    endRun();
    return rarest(parts);
  }

  private quantity(): Quantity {
    const char = this.source[this.at];
    let quantity: Quantity = { min: 1, max: 1 };
    if (char === '?') quantity = { min: 0, max: 1 };
    else if (char === '*') quantity = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (char === '+') quantity = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/u.exec(this.source.slice(this.at));
      if (!braces) throw new SyntaxError('quantifier');
      this.at += braces[0].length - 1;
      const min = Number(braces[1]);
      quantity = { min, max: braces[2] ? Number(braces[3] || Number.POSITIVE_INFINITY) : min };
    }
    if (char === '?' || char === '*' || char === '+' || char === '{') {
      this.at += 1;
      if (this.source[this.at] === '?') this.at += 1;
    }
    return quantity;
  }

  private atom(): Atom {
    const source = this.source;
    const char = String.fromCodePoint(source.codePointAt(this.at)!);
    this.at += char.length;
    if (char === '(') return this.group();
    if (char === '[') return { needed: this.characterClass() };
    if (char === '\\') return this.escape();
    if (char === '.' || char === '^' || char === '$') return { needed: undefined };
    if ('|)*+?{}]'.includes(char)) throw new SyntaxError(char);
    return { char, needed: undefined };
  }

  private group(): Atom {
    const source = this.source;
    let around = false;
    if (source.startsWith('?:', this.at)) this.at += 2;
    else if (source.startsWith('?=', this.at) || source.startsWith('?!', this.at)) {
      this.at += 2;
      around = true;
    } else if (source.startsWith('?<=', this.at) || source.startsWith('?<!', this.at)) {
      this.at += 3;
      around = true;
    } else if (source.startsWith('?<', this.at)) this.at = source.indexOf('>', this.at) + 1;
    else if (source[this.at] === '?') throw new SyntaxError('group');
    const inside = this.alternatives();
    if (source[this.at] !== ')') throw new SyntaxError('group');
    this.at += 1;
    // What a look-around sees is not part of the match: it needs nothing of its own here.
    return { needed: around ? undefined : inside };
  }

  /** `[-–—]`, `[0-9]`: a few plain characters, one of which is needed; any other class needs nothing known. */
  private characterClass(): Words {
    const source = this.source;
    const negated = source[this.at] === '^';
    if (negated) this.at += 1;
    const chars = new Set<string>();
    let plain = !negated;
    while (source[this.at] !== ']') {
      if (this.at >= source.length) throw new SyntaxError('class');
      const from = this.classMember();
      if (source[this.at] === '-' && source[this.at + 1] !== ']' && from !== undefined && [...from].length === 1) {
        this.at += 1;
        const to = this.classMember();
        if (to === undefined || [...to].length !== 1) plain = false;
        else
          for (let code = from.codePointAt(0)!; code <= to.codePointAt(0)! && chars.size <= MOST_CHARS; code += 1)
            chars.add(String.fromCodePoint(code));
      } else if (from === undefined) plain = false;
      else for (const char of from) chars.add(char);
    }
    this.at += 1;
    return plain && chars.size <= MOST_CHARS ? [...chars] : undefined;
  }

  /** One member of a class: its characters (a digit class as its ten digits), or undefined for another kind. */
  private classMember(): string | undefined {
    const source = this.source;
    const char = String.fromCodePoint(source.codePointAt(this.at)!);
    this.at += char.length;
    if (char !== '\\') return char;
    const escaped = source[this.at]!;
    this.at += 1;
    if (escaped === 'd') return DIGITS.join('');
    if (escaped === 'p' || escaped === 'P' || (escaped === 'u' && source[this.at] === '{')) {
      this.at = source.indexOf('}', this.at) + 1;
      if (this.at === 0) throw new SyntaxError('class');
      return undefined;
    }
    if (escaped === 'u') this.at += 4;
    else if (escaped === 'x') this.at += 2;
    return letterOrDigit.test(escaped) ? undefined : escaped;
  }

  private escape(): Atom {
    const escaped = this.source[this.at]!;
    this.at += 1;
    if (escaped === 'p' || escaped === 'P' || (escaped === 'u' && this.source[this.at] === '{')) {
      this.at = this.source.indexOf('}', this.at) + 1;
      if (this.at === 0) throw new SyntaxError('escape');
      return { needed: undefined };
    }
    if (escaped === 'u') this.at += 4;
    else if (escaped === 'x') this.at += 2;
    else if (escaped === 'c' || escaped === 'k') throw new SyntaxError('escape');
    if (escaped === 'd') return { needed: DIGITS };
    // Another letter or a digit escaped is a kind (\s, \b) or a reference (\1): no plain character.
    if (letterOrDigit.test(escaped)) return { needed: undefined };
    return { char: escaped, needed: undefined };
  }
}

/** Of the words each part needs, those of the part hardest to find: the longest shortest word, then the fewest. */
function rarest(parts: Words[]): Words {
  let chosen: Words;
  let best = -1;
  for (const part of parts) {
    if (!part?.length) continue;
    const score = Math.min(...part.map((word) => word.length)) * 1000 - part.length;
    if (score > best) {
      best = score;
      chosen = part;
    }
  }
  return chosen;
}
