/**
 * Draws the toolbar icon (two overlapping speech-bubble discs: two voices, one story) at each size the manifest
 * names and writes PNGs to assets/icons, and the muted (grey) icon the toolbar shows where Dramatis is off, at
 * the toolbar's sizes (icon-<size>-off.png). Run once when the design changes; the PNGs are committed.
 * Usage: tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const MUTED_SIZES = [16, 32];
type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The discs' colours: blue and amber; muted, two greys that read on light and dark toolbars alike. */
const COLOURS: Record<'normal' | 'muted', [RGBA, RGBA]> = {
  normal: [[26, 95, 180, 255], [255, 176, 0, 255]],
  muted: [[112, 112, 120, 255], [168, 168, 176, 255]],
};

/** Colour of a point in the unit square, before antialiasing. */
function shade(u: number, v: number, [front, back]: [RGBA, RGBA]): RGBA | undefined {
  const inDisc = (cx: number, cy: number, r: number) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  if (inDisc(0.62, 0.6, 0.34)) return front;
  if (inDisc(0.38, 0.4, 0.34)) return back;
  return undefined;
}

function icon(size: number, colours: [RGBA, RGBA]): Buffer {
  const S = 4; // 4×4 supersampling
  return png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        const c = shade((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size, colours);
        if (c) for (let k = 0; k < 4; k++) acc[k]! += c[k]!;
      }
    const n = S * S;
    const a = acc[3]! / n;
    return a === 0 ? [0, 0, 0, 0] : [acc[0]! / (a / 255) / n, acc[1]! / (a / 255) / n, acc[2]! / (a / 255) / n, a].map(Math.round) as RGBA;
  });
}

for (const size of SIZES) writeFileSync(new URL(`../assets/icons/icon-${size}.png`, import.meta.url), icon(size, COLOURS.normal));
for (const size of MUTED_SIZES) writeFileSync(new URL(`../assets/icons/icon-${size}-off.png`, import.meta.url), icon(size, COLOURS.muted));
console.log(`wrote ${SIZES.length + MUTED_SIZES.length} icons to assets/icons`);
