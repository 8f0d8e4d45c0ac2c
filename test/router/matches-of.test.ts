// The router's patterns are matched on themselves, not on the copy matchAll makes (its code compiled again after a
// collection): the matches must be the very ones matchAll finds, and the shared pattern left as it was.
import { describe, expect, it } from 'vitest';
import { matchesOf, rule } from '../../src/understanding/router/spans.ts';

const both = (text: string, pattern: RegExp) => ({
  ours: matchesOf(text, pattern).map((match) => [match.index, match[0], ...match.slice(1)]),
  matchAll: [...text.matchAll(pattern)].map((match) => [match.index, match[0], ...match.slice(1)]),
});

describe('matchesOf', () => {
  it('finds what matchAll finds, groups and positions included', () => {
    const { ours, matchAll } = both('сделки за март и за апрель, задачи за май', rule('за\\s+(\\p{L}+)'));
    expect(ours).toEqual(matchAll);
    expect(ours.map((match) => match[2])).toEqual(['март', 'апрель', 'май']);
  });

  it('steps past empty matches by whole characters, as matchAll does', () => {
    const text = 'a😀b';
    expect(both(text, /x*/gu).ours).toEqual(both(text, /x*/gu).matchAll);
    expect(both(text, /x*/g).ours).toEqual(both(text, /x*/g).matchAll);
  });

  it('leaves the shared pattern where it found it, and refuses one that is not global', () => {
    const pattern = rule('воронк\\p{L}*');
    matchesOf('воронка и ещё воронка', pattern);
    expect(pattern.lastIndex).toBe(0);
    expect(() => matchesOf('воронка', /воронка/u)).toThrow(TypeError);
  });
});
