// The bytes of an answer, the same as those of JSON.stringify of the whole answer. Items kept between requests
// (list-items.ts) are frozen, so each is written to JSON and UTF-8 once and its bytes are copied into every answer
// that carries it; everything else is written by JSON.stringify as before.

/** A kept item's bytes; null until an answer first carries it. */
const written = new WeakMap<object, Buffer | null>();

/** Freezes an item so that its bytes may be written once and kept with it. */
export function keep(item: object): void {
  Object.freeze(item);
  written.set(item, null);
}

const isKept = (value: unknown): value is object => typeof value === 'object' && value !== null && written.has(value);

// Copying kept bytes pays for itself on a page of some length; a few items are written faster with the rest.
const SHORTEST_KEPT_LIST = 8;

const isKeptList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.length >= SHORTEST_KEPT_LIST && isKept(value[0]);

function bytesOf(item: object): Buffer {
  let bytes = written.get(item);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(item));
    written.set(item, bytes);
  }
  return bytes;
}

const COMMA = Buffer.from(',');

/** Text and kept bytes in order; adjacent text is joined and encoded once. */
class Parts {
  private readonly buffers: Buffer[] = [];
  private text = '';

  add(text: string): void {
    this.text += text;
  }

  addBytes(bytes: Buffer): void {
    if (this.text !== '') this.buffers.push(Buffer.from(this.text));
    this.text = '';
    this.buffers.push(bytes);
  }

  bytes(): Buffer {
    if (this.text !== '') this.buffers.push(Buffer.from(this.text));
    return this.buffers.length === 1 ? this.buffers[0]! : Buffer.concat(this.buffers);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  !('toJSON' in value);

/** Whether a plain object holds a list of kept items somewhere inside: only such objects are written member by member. */
function holdsKept(value: Record<string, unknown>): boolean {
  for (const key in value) {
    const member = value[key];
    if (isKeptList(member) || (isPlainObject(member) && holdsKept(member))) return true;
  }
  return false;
}

function write(value: unknown, parts: Parts): void {
  if (isKeptList(value)) {
    parts.add('[');
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (index > 0) parts.addBytes(COMMA);
      // JSON writes a missing element, a function or a symbol in a list as null.
      if (isKept(item)) parts.addBytes(bytesOf(item));
      else parts.add(JSON.stringify(item) ?? 'null');
    }
    parts.add(']');
  } else if (isPlainObject(value) && holdsKept(value)) {
    let first = true;
    parts.add('{');
    for (const key of Object.keys(value)) {
      const member = value[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      parts.add(`${first ? '' : ','}${JSON.stringify(key)}:`);
      write(member, parts);
      first = false;
    }
    parts.add('}');
  } else {
    parts.add(JSON.stringify(value) ?? 'null');
  }
}

/** The UTF-8 bytes of `JSON.stringify(body)`. */
export function replyBytes(body: unknown): Buffer {
  const parts = new Parts();
  write(body, parts);
  return parts.bytes();
}
