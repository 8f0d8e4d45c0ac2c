// PHP-style bracket encoding of nested parameters, the way the portal parses a query string:
// `filter[>=DATE_CREATE]=…`, `select[]=ID`, `order[ID]=ASC`, `fields[TITLE]=…`.
import type { Params } from './port.ts';

// `$result[name][0][ID]` must reach the portal literally: it substitutes them before parsing values.
const batchReference = /\$result(?:_error|_total|_next|_time)?(?:\[[\w.-]*\])+/g;

const encodeKey = (key: string) => encodeURIComponent(key);

function encodeValue(value: string): string {
  // Nearly every value holds no reference: no pattern to run over it.
  if (!value.includes('$result')) return encodeURIComponent(value);
  let out = '';
  let last = 0;
  for (const match of value.matchAll(batchReference)) {
    out += encodeURIComponent(value.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + encodeURIComponent(value.slice(last));
}

function scalar(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function pairs(prefix: string, value: unknown, out: string[]): void {
  const plain = scalar(value);
  if (plain !== undefined) {
    out.push(`${prefix}=${encodeValue(plain)}`);
    return;
  }
  if (Array.isArray(value)) {
    // Arrays of scalars as `key[]=`, arrays of objects need indexes to keep each object's fields together.
    const indexed = value.some((item) => typeof item === 'object' && item !== null && !(item instanceof Date));
    for (const [index, item] of value.entries()) pairs(`${prefix}[${indexed ? index : ''}]`, item, out);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pairs(`${prefix}[${encodeKey(key)}]`, item, out);
  }
}

/** `{ filter: { '>=DATE_CREATE': '…' }, select: ['ID'] }` → `filter[%3E%3DDATE_CREATE]=…&select[]=ID`. */
export function encodeParams(params: Params): string {
  const out: string[] = [];
  for (const [key, value] of Object.entries(params)) pairs(encodeKey(key), value, out);
  return out.join('&');
}

/** The reverse, as the portal does it: `a[b][]=1&a[b][]=2` → `{ a: { b: ['1', '2'] } }`. */
export function decodeParams(query: string): Params {
  const root: Params = {};
  for (const part of query.split('&')) {
    if (!part) continue;
    const equals = keyEnd(part);
    const key = decodeComponent(equals < 0 ? part : part.slice(0, equals));
    assign(root, pathOf(key), decodeComponent(equals < 0 ? '' : part.slice(equals + 1)));
  }
  return root;
}

/** One `key=value` as a person types it on a command line: brackets nest, nothing is URL-decoded. */
export function decodePair(pair: string): Params {
  const equals = keyEnd(pair);
  if (equals <= 0) return {};
  const root: Params = {};
  assign(root, pathOf(pair.slice(0, equals)), pair.slice(equals + 1));
  return root;
}

function pathOf(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  return [key.slice(0, open), ...[...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((segment) => segment[1]!)];
}

// The first `=` outside brackets: a person typing `filter[>=DATE_CREATE]=…` does not encode the operator.
function keyEnd(part: string): number {
  let depth = 0;
  for (let index = 0; index < part.length; index++) {
    const char = part[index];
    if (char === '[') depth += 1;
    else if (char === ']') depth = Math.max(0, depth - 1);
    else if (char === '=' && depth === 0) return index;
  }
  return -1;
}

const decodeComponent = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

type Node = Record<string, unknown> | unknown[];

function assign(root: Params, path: string[], value: string): void {
  let node: Node = root;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const key = segment !== '' ? segment : Array.isArray(node) ? node.length : Object.keys(node).length;
    const slots = node as Record<string | number, unknown>;
    if (depth === path.length - 1) {
      slots[key] = value;
      return;
    }
    let child = slots[key];
    if (typeof child !== 'object' || child === null) {
      child = path[depth + 1] === '' ? [] : {};
      slots[key] = child;
    }
    node = child as Node;
  }
}
