// Request parameters as the portal's PHP reads them: `filter[>=DATE]=…`, `select[]=ID`, `cmd[name]=…`.
// Written apart from the client's encoder on purpose: a shared mistake would pass every test of both.

import type { Params } from '../portal/port.ts';
import { remembered } from '../remembered.ts';

type Node = Record<string, unknown>;

// PHP keeps `a[0]=x&a[1]=y` as a list; JSON-minded callers expect an array there too. A parse's own nodes are
// turned into lists in place.
function listify(node: Node): Node | unknown[] {
  const keys = Object.keys(node);
  for (const key of keys) {
    const inner = node[key];
    if (inner !== null && typeof inner === 'object') node[key] = listify(inner as Node);
  }
  return keys.length > 0 && keys.every((key, index) => key === String(index)) ? keys.map((key) => node[key]) : node;
}

function setPath(target: Node, path: string[], value: string): void {
  let node: Node = target;
  for (let index = 0; index < path.length; index++) {
    let key = path[index]!;
    const last = index === path.length - 1;
    if (key === '') key = String(Object.keys(node).length);
    if (last) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = {};
    node = node[key] as Node;
  }
}

/** Splits `filter[>=DATE_CREATE]` into `['filter', '>=DATE_CREATE']` the way PHP does. */
function splitKey(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0) return [name];
  const path = [name.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null = pattern.exec(name.slice(open));
  while (match) {
    path.push(match[1]!);
    match = pattern.exec(name.slice(open));
  }
  return path;
}

/**
 * One `name=value` pair read: its key's path and its value. A bot's commands differ from one request to the next in
 * a value or two (a moment to the millisecond), so each pair is read once. The path is shared: `setPath` only reads it.
 */
const pairOf = remembered((pair: string): [string[], string] => {
  // After an `&` a leading `?` is part of the name, as it is anywhere but at the start of the whole query.
  const [[name, value]] = [...new URLSearchParams(`&${pair}`)] as [[string, string]];
  return [splitKey(name), value];
}, 10_000);

/** Parses a query string or a form body into nested parameters. */
export function parseQuery(query: string): Params {
  const root: Node = {};
  // URLSearchParams drops a leading `?` of the whole query and splits it at each `&`: so is it read here.
  for (const pair of (query.startsWith('?') ? query.slice(1) : query).split('&')) {
    if (pair === '') continue;
    const [path, value] = pairOf(pair);
    setPath(root, path, value);
  }
  for (const key of Object.keys(root)) {
    const value = root[key];
    if (value !== null && typeof value === 'object') root[key] = listify(value as Node);
  }
  return root;
}
