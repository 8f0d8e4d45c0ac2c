// Request parameters as the portal's PHP reads them: `filter[>=DATE]=…`, `select[]=ID`, `cmd[name]=…`.
// Written apart from the client's encoder on purpose: a shared mistake would pass every test of both.

import type { Params } from '../portal/port.ts';

type Node = Record<string, unknown>;

// PHP keeps `a[0]=x&a[1]=y` as a list; JSON-minded callers expect an array there too.
function listify(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(listify);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Node).map(([key, inner]) => [key, listify(inner)] as const);
  const keys = entries.map(([key]) => key);
  if (keys.length > 0 && keys.every((key, index) => key === String(index))) return entries.map(([, inner]) => inner);
  return Object.fromEntries(entries);
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
function keyPath(name: string): string[] {
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

/** Parses a query string or a form body into nested parameters. */
export function parseQuery(query: string): Params {
  const root: Node = {};
  for (const [name, value] of new URLSearchParams(query)) setPath(root, keyPath(name), value);
  return Object.fromEntries(Object.entries(root).map(([key, value]) => [key, listify(value)]));
}
