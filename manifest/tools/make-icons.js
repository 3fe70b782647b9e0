#!/usr/bin/env node
'use strict';
// Renders the Teams app icons from the one drawing, manifest/icon.svg, with resvg (@resvg/resvg-js from
// infra/node_modules: `npm ci --prefix infra`):
//   color.png    192x192, the whole drawing
//   outline.png   32x32, the glyph alone (elements marked data-only="color" left out), cropped to it: white on
//                 a transparent background, as Teams requires
// Usage: node manifest/tools/make-icons.js [outputDir]   (default: manifest/)

const fs = require('fs');
const path = require('path');

const manifestDir = path.resolve(__dirname, '..');
const nodeModulesDir = path.resolve(manifestDir, '..', 'infra', 'node_modules');
// The glyph's extent in the drawing's coordinates, with a margin of about a pixel at 32x32.
const OUTLINE_VIEW_BOX = '30 30 132 132';

function fromInfra(name) {
  try {
    return require(require.resolve(name, { paths: [nodeModulesDir] }));
  } catch (e) {
    console.error(`make-icons: cannot load "${name}" from ${nodeModulesDir} (run: npm ci --prefix infra)`);
    process.exit(2);
  }
}

function render(svg, size) {
  const { Resvg } = fromInfra('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

function outlineOf(svg) {
  const glyph = svg.replace(/<[a-z]+ data-only="color"[^>]*\/>\s*/g, '');
  return glyph.replace(/viewBox="[^"]*"/, `viewBox="${OUTLINE_VIEW_BOX}"`);
}

function main() {
  const outDir = path.resolve(process.argv[2] || manifestDir);
  const svg = fs.readFileSync(path.join(manifestDir, 'icon.svg'), 'utf8');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, size, drawing] of [['color.png', 192, svg], ['outline.png', 32, outlineOf(svg)]]) {
    const file = path.join(outDir, name);
    fs.writeFileSync(file, render(drawing, size));
    console.log(`wrote ${path.relative(process.cwd(), file) || file} (${size}x${size})`);
  }
}

main();
