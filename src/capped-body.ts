// A body read with a ceiling: refused as soon as it declares or streams past `maxBytes`, and the rest is never read
// nor held in memory. Portal replies and voice notes come from elsewhere: their size is checked, not trusted.
import type { Dispatcher } from 'undici';

export interface Ceiling {
  maxBytes: number;
  /** The length the sender declared (Content-Length), when it did. */
  declared?: string | number | string[] | null;
  /** Stops the transfer: the body is not wanted. */
  stop(): void;
}

/** The bytes, or undefined when they are (or say they are) longer than the ceiling. */
export async function readCapped(body: AsyncIterable<Uint8Array>, ceiling: Ceiling): Promise<Buffer | undefined> {
  const declared = Number(Array.isArray(ceiling.declared) ? ceiling.declared[0] : (ceiling.declared ?? Number.NaN));
  if (Number.isFinite(declared) && declared > ceiling.maxBytes) {
    ceiling.stop();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > ceiling.maxBytes) {
      ceiling.stop();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** An undici reply's body as text, or undefined past the ceiling. */
export async function cappedText(response: Dispatcher.ResponseData, maxBytes: number): Promise<string | undefined> {
  const bytes = await readCapped(response.body, {
    maxBytes,
    declared: response.headers['content-length'],
    stop: () => response.body.destroy(),
  });
  return bytes?.toString('utf8');
}
