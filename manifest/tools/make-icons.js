#!/usr/bin/env node
'use strict';
// Regenerates the Teams app icons (Node built-ins only):
//   manifest/color.png    192x192, a winding journey path with three touchpoints on a teal rounded square
//   manifest/outline.png   32x32, the same glyph in white on a fully transparent background
// Usage: node manifest/tools/make-icons.js [outputDir]   (default: manifest/)

const fs = require('fs');
const path = require('path');
const { encodeRgba } = require('./png');

const TEAL = [0x0e, 0x7c, 0x86]; // keep in sync with accentColor in manifest/manifest.json
const TEAL_LIGHT = [0x17, 0x9c, 0xa6];
const WHITE = [0xff, 0xff, 0xff];
const AMBER = [0xff, 0xb9, 0x00];

// The glyph, in a unit box: an S-shaped cubic Bezier from bottom-left to top-right.
const CURVE = [
  [0.1, 0.86],
  [0.78, 0.96],
  [0.22, 0.06],
  [0.9, 0.16],
];

function bezier(t) {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [0, 1].map((k) => w.reduce((sum, wi, i) => sum + wi * CURVE[i][k], 0));
}

const POLYLINE = Array.from({ length: 257 }, (_, i) => bezier(i / 256));
const [START, MIDDLE, END] = [bezier(0), bezier(0.5), bezier(1)];

function distanceToPolyline(x, y, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    const d = ex * ex + ey * ey;
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

function insideRoundedRect(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

// Renders `size`x`size` pixels with `ss`x`ss` supersampling. `paint(x, y)` returns [r, g, b, a]
// (a in 0..1) for a point in pixel coordinates; results are averaged with premultiplied alpha.
function render(size, ss, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = paint(px + (sx + 0.5) / ss, py + (sy + 0.5) / ss);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return rgba;
}

function colorIcon() {
  const size = 192;
  const glyph = 116; // glyph box, centred
  const offset = (size - glyph) / 2;
  const toPx = ([x, y]) => [offset + x * glyph, offset + y * glyph];
  const line = POLYLINE.map(toPx);
  const [start, middle, end] = [START, MIDDLE, END].map(toPx);
  const dist = (x, y, [cx, cy]) => Math.hypot(x - cx, y - cy);
  return render(size, 4, (x, y) => {
    if (!insideRoundedRect(x, y, size, 40)) return [0, 0, 0, 0];
    // Soft diagonal gradient on the tile.
    const t = (x + y) / (2 * size);
    let colour = TEAL_LIGHT.map((c, i) => c + (TEAL[i] - c) * t);
    if (distanceToPolyline(x, y, line) <= 6) colour = WHITE;
    if (dist(x, y, start) <= 14) colour = dist(x, y, start) <= 7 ? TEAL : WHITE;
    if (dist(x, y, middle) <= 12) colour = WHITE;
    if (dist(x, y, end) <= 17) colour = dist(x, y, end) <= 12 ? AMBER : WHITE;
    return [...colour, 1];
  });
}

function outlineIcon() {
  const size = 32;
  const glyph = 28;
  const offset = (size - glyph) / 2;
  const toPx = ([x, y]) => [offset + x * glyph, offset + y * glyph];
  const line = POLYLINE.map(toPx);
  const [start, middle, end] = [START, MIDDLE, END].map(toPx);
  const dist = (x, y, [cx, cy]) => Math.hypot(x - cx, y - cy);
  return render(size, 8, (x, y) => {
    // The destination is a ring; its hole stays transparent.
    const dEnd = dist(x, y, end);
    if (dEnd <= 1.6) return [...WHITE, 0];
    const on =
      distanceToPolyline(x, y, line) <= 1.25 ||
      dist(x, y, start) <= 3 ||
      dist(x, y, middle) <= 2.6 ||
      dEnd <= 3.6;
    return [...WHITE, on ? 1 : 0];
  });
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..'));
  fs.mkdirSync(outDir, { recursive: true });
  const icons = [
    ['color.png', 192, colorIcon()],
    ['outline.png', 32, outlineIcon()],
  ];
  for (const [name, size, rgba] of icons) {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, encodeRgba(size, size, rgba));
    console.log(`wrote ${path.relative(process.cwd(), file) || file} (${size}x${size})`);
  }
}

main();
