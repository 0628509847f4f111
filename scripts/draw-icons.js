#!/usr/bin/env node
'use strict';
/**
 * Draws implan's icons (a teal tile with a white Gantt chart and a milestone diamond) at the
 * sizes the manifest asks for, as anti-aliased RGBA PNGs, with node's zlib only:
 *   node scripts/draw-icons.js   -> assets/icon-16.png ... icon-80.png, logo-filled.png
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++)
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TEAL = [15, 92, 77];
const TEAL_LIGHT = [46, 139, 117];
const WHITE = [255, 255, 255];
const GOLD = [242, 184, 75];

/** The picture in unit coordinates (0..1): returns [r,g,b,a] for a point. */
function shade(x, y) {
  const r = 0.2; // corner radius
  const inside = (() => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inside) return [0, 0, 0, 0];
  const bars = [
    [0.18, 0.24, 0.52, 0.33],
    [0.34, 0.45, 0.7, 0.54],
    [0.52, 0.66, 0.82, 0.75],
  ];
  for (const [x0, y0, x1, y1] of bars)
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return [...WHITE, 255];
  if (Math.abs(x - 0.28) + Math.abs(y - 0.705) <= 0.1) return [...GOLD, 255];
  const t = y;
  return [...TEAL.map((c, i) => Math.round(c + (TEAL_LIGHT[i] - c) * (1 - t) * 0.6)), 255];
}

function draw(size) {
  const ss = 8;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) out[i + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      out[i + 3] = Math.round(alpha);
    }
  return png(size, out);
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80])
  fs.writeFileSync(path.join(dir, `icon-${size}.png`), draw(size));
fs.writeFileSync(path.join(dir, 'logo-filled.png'), draw(128));
console.log(`Icons written to ${dir}`);
