// Decodes a PNG far enough to trust it: the signature, the header's size, and the image data inflating to exactly
// one filter byte plus width × channels bytes per row.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(data: Uint8Array): { width: number; height: number } {
  const png = Buffer.from(data);
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const image: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8) throw new Error('expected 8 bits per channel');
      channels = CHANNELS[body[9]!] ?? 0;
    }
    if (type === 'IDAT') image.push(body);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(image));
  if (!channels || pixels.length !== height * (1 + width * channels)) throw new Error('image data does not match');
  return { width, height };
}
