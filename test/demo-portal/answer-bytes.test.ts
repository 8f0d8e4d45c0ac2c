// How the demo portal reads a query and writes an answer: a query read pair by pair (each pair once) is the query
// read whole, and an answer written with kept items' bytes is, byte for byte, JSON.stringify of the whole answer.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/demo-portal/params.ts';
import { keep, replyBytes } from '../../src/demo-portal/reply-bytes.ts';

describe('a query', () => {
  it('is read as URLSearchParams reads it, then nested the way PHP nests it', () => {
    expect(parseQuery('?a=1&?b=2')).toEqual({ a: '1', '?b': '2' });
    expect(parseQuery('a+b=c+d&&e')).toEqual({ 'a b': 'c d', e: '' });
    expect(parseQuery('a=%zz&b=%D0%B&c=%E2%82%AC')).toEqual({ a: '%zz', b: '\uFFFD%B', c: '€' });
    expect(parseQuery('select[]=ID&select[]=TITLE&filter[%3E%3DID]=5&cmd[x]=crm.deal.list%3Fid%3D1')).toEqual({
      select: ['ID', 'TITLE'],
      filter: { '>=ID': '5' },
      cmd: { x: 'crm.deal.list?id=1' },
    });
    expect(parseQuery('a[b][]=1&a[b][]=2&a[c]=3&l[1]=y&l[0]=x')).toEqual({
      a: { b: ['1', '2'], c: '3' },
      l: ['x', 'y'],
    });
  });

  it('is read the same the second time, each call with its own nodes', () => {
    const query = 'filter[STAGE_ID]=NEW&select[]=ID';
    const first = parseQuery(query);
    (first.select as string[]).push('TITLE');
    expect(parseQuery(query)).toEqual({ filter: { STAGE_ID: 'NEW' }, select: ['ID'] });
  });
});

describe('an answer', () => {
  const same = (body: unknown) => expect(replyBytes(body).equals(Buffer.from(JSON.stringify(body)))).toBe(true);

  it('with kept items is written byte for byte as JSON.stringify writes it', () => {
    const items = Array.from({ length: 12 }, (_, index) => ({
      ID: String(index),
      TITLE: `Сделка «${index}»`,
      NONE: null,
    }));
    for (const item of items) keep(item);
    same({ result: items, total: 12, time: { start: 1.5, finish: 2.25 } });
    same({ result: { result: { deals: items, few: items.slice(0, 3), tasks: { tasks: items } }, result_error: [] } });
    same({ result: [...items, { ID: 'x' }, undefined, () => 1], skipped: undefined, when: new Date(0) });
    same({ result: { items: [items[0], ...items] }, nested: [[items]], empty: [], text: 'ёлка\u2028' });
    same({ error: 'INVALID_REQUEST', error_description: 'Invalid JSON' });
  });

  it('keeps items frozen: bytes written once stay true', () => {
    const item = { ID: '1' };
    keep(item);
    expect(Object.isFrozen(item)).toBe(true);
    expect(() => {
      (item as Record<string, unknown>).ID = '2';
    }).toThrow(TypeError);
  });
});
