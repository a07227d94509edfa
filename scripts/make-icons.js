#!/usr/bin/env node
// Draws the ribbon and add-in icons (assets/*.png) from simple vector shapes and writes real PNG files
// with zlib, so the icons are reproducible without an image editor or a dependency.
// Run: node scripts/make-icons.js [output folder, default assets/]
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

// --- Shapes in unit coordinates (0..1, y downwards); each returns true where a point is inside. ---
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A line segment with round caps and the given width. */
const stroke = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
/** A convex or concave polygon by the even-odd rule. */
const polygon = (pts) => (x, y) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);
const roundedSquare = (r) => (x, y) => {
  const m = 0.04;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// --- The glyphs: white on a coloured rounded square. ---
const GLYPHS = {
  // A table: a header bar over three rows, the add-in's own mark.
  icon: union(rect(0.2, 0.22, 0.8, 0.36), rect(0.2, 0.42, 0.8, 0.5), rect(0.2, 0.56, 0.8, 0.64), rect(0.2, 0.7, 0.8, 0.78)),
  // An arrow down into a tray.
  import: union(
    rect(0.44, 0.16, 0.56, 0.5),
    polygon([
      [0.28, 0.46],
      [0.72, 0.46],
      [0.5, 0.68],
    ]),
    rect(0.18, 0.74, 0.82, 0.84),
    rect(0.18, 0.58, 0.28, 0.84),
    rect(0.72, 0.58, 0.82, 0.84)
  ),
  // A person: head and shoulders.
  visitation: union(circle(0.5, 0.34, 0.15), minus(circle(0.5, 0.9, 0.32), rect(0, 0.84, 1, 1))),
  // Rising bars.
  status: union(rect(0.2, 0.6, 0.32, 0.82), rect(0.44, 0.44, 0.56, 0.82), rect(0.68, 0.2, 0.8, 0.82)),
  // A check mark.
  fremmoede: union(stroke(0.22, 0.52, 0.42, 0.72, 0.13), stroke(0.42, 0.72, 0.8, 0.3, 0.13)),
  // Four tiles: an overview.
  oversigt: union(rect(0.2, 0.2, 0.46, 0.46), rect(0.54, 0.2, 0.8, 0.46), rect(0.2, 0.54, 0.46, 0.8), rect(0.54, 0.54, 0.8, 0.8)),
};

const COLOURS = {
  icon: [0x21, 0x73, 0x46],
  import: [0x0f, 0x6c, 0xbd],
  visitation: [0x87, 0x64, 0xb8],
  status: [0xca, 0x50, 0x10],
  fremmoede: [0x10, 0x7c, 0x10],
  oversigt: [0x00, 0x5b, 0x70],
};

/** Render one icon to RGBA pixels by supersampling the background and the glyph. */
function render(name, size) {
  const bg = roundedSquare(0.16);
  const glyph = GLYPHS[name];
  const [r, g, b] = COLOURS[name];
  const px = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const ux = (x + (sx + 0.5) / SUPERSAMPLE) / size;
          const uy = (y + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!bg(ux, uy)) continue;
          cover++;
          if (glyph(ux, uy)) white++;
        }
      }
      const i = (y * size + x) * 4;
      if (cover === 0) continue;
      // Colour inside the square: a mix of the background colour and white by the glyph's coverage.
      const w = white / cover;
      px[i] = Math.round(r + (255 - r) * w);
      px[i + 1] = Math.round(g + (255 - g) * w);
      px[i + 2] = Math.round(b + (255 - b) * w);
      px[i + 3] = Math.round((255 * cover) / n);
    }
  }
  return px;
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels as a PNG: 8-bit RGBA, no interlace, filter type 0 on every row. */
function encodePng(px, width, height = width) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) px.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const out = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(out, { recursive: true });
  for (const name of Object.keys(GLYPHS)) {
    for (const size of SIZES) {
      const file = path.join(out, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(render(name, size), size));
    }
  }
  console.log(`Skrev ${Object.keys(GLYPHS).length * SIZES.length} ikoner til ${out}`);
}

if (require.main === module) main();
module.exports = { encodePng, crc32 };
