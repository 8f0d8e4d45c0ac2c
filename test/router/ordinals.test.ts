// An ordinal names a place in the last list («открой третью»), never a client or a person to look up.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';

const context = { now: new Date('2026-11-25T09:00:00Z'), timeZone: 'Europe/Moscow' };
const nameIn = (text: string) => {
  const { intent } = understand(text, context);
  const query = intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
  const partial = intent.kind === 'unknown' ? intent.partial?.understood : undefined;
  const asked = query ?? (partial?.scenario === 'query' ? partial.query : undefined);
  return asked?.client ?? asked?.person;
};

describe('ordinals', () => {
  it.each(['сделки от третьей', 'избавься от первой сделки', 'задачи по второму', 'сделки последней'])(
    '«%s» looks up no client or person called by the ordinal',
    (text) => {
      expect(nameIn(text)).toBeUndefined();
    },
  );

  it('still open an item of the last list, and a client whose name holds one stays a name', () => {
    expect(understand('открой третью', context).intent).toEqual({ kind: 'nth', index: 2 });
    expect(nameIn('задачи по Третьему Риму')).toBe('Третьему Риму');
  });
});
