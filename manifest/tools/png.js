'use strict';
// Minimal PNG + CRC-32 helpers for the manifest tools (Node built-ins only).
//   crc32(buf)                        CRC-32 (ISO-HDLC, as used by PNG and ZIP)
//   encodeRgba(width, height, rgba)   8-bit RGBA, non-interlaced PNG; picks a filter per row
//   readHeader(buf)                   IHDR fields, after checking signature and chunk CRCs
//   decodeRgba(buf)                   pixels as 8-bit RGBA (colour types 0, 2, 3, 4, 6;
//                                     bit depth 8, or 16 for 0/2/4/6; no interlacing)

const zlib = require('zlib');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf, crc = 0) {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// The value PNG filter `type` predicts from the left (a), above (b) and upper-left (c) bytes.
function predict(type, a, b, c) {
  switch (type) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: return paeth(a, b, c);
    default: throw new Error(`bad PNG filter type ${type}`);
  }
}

// Applies filter `type` to one scanline. `prev` is the previous raw scanline (zeros for row 0).
function filterRow(type, row, prev, bpp, out) {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const c = i >= bpp ? prev[i - bpp] : 0;
    out[i] = (row[i] - predict(type, a, prev[i], c)) & 0xff;
  }
}

function encodeRgba(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error('rgba buffer has the wrong size');
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const zero = Buffer.alloc(stride);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : zero;
    // Usual heuristic: keep the filter whose output has the smallest sum of signed magnitudes.
    let best = -1;
    let bestScore = Infinity;
    for (let type = 0; type <= 4; type++) {
      filterRow(type, row, prev, 4, candidate);
      let score = 0;
      for (let i = 0; i < stride; i++) score += candidate[i] < 128 ? candidate[i] : 256 - candidate[i];
      if (score < bestScore) {
        bestScore = score;
        best = type;
      }
    }
    const offset = y * (stride + 1);
    raw[offset] = best;
    filterRow(best, row, prev, 4, raw.subarray(offset + 1, offset + 1 + stride));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Splits a PNG into chunks, checking the signature, lengths and CRCs.
function readChunks(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file (bad signature)');
  const chunks = [];
  let pos = 8;
  while (pos < buf.length) {
    if (pos + 12 > buf.length) throw new Error('truncated PNG chunk');
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (pos + 12 + length > buf.length) throw new Error(`truncated PNG chunk ${type}`);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    const stored = buf.readUInt32BE(pos + 8 + length);
    if (crc32(buf.subarray(pos + 4, pos + 8 + length)) !== stored) throw new Error(`bad CRC in PNG chunk ${type}`);
    chunks.push({ type, data });
    pos += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks.length === 0 || chunks[0].type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  if (chunks[chunks.length - 1].type !== 'IEND') throw new Error('PNG has no IEND chunk');
  return chunks;
}

function parseIhdr(data) {
  if (data.length !== 13) throw new Error('bad IHDR length');
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8],
    colorType: data[9],
    compression: data[10],
    filter: data[11],
    interlace: data[12],
  };
}

function readHeader(buf) {
  return parseIhdr(readChunks(buf)[0].data);
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function decodeRgba(buf) {
  const chunks = readChunks(buf);
  const header = parseIhdr(chunks[0].data);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new Error(`unknown PNG colour type ${colorType}`);
  if (interlace !== 0) throw new Error('interlaced PNGs are not supported');
  if (!(bitDepth === 8 || (bitDepth === 16 && colorType !== 3))) {
    throw new Error(`unsupported PNG bit depth ${bitDepth} for colour type ${colorType}`);
  }
  if (width === 0 || height === 0) throw new Error('PNG has zero width or height');

  let palette = null;
  let transparency = null;
  const idat = [];
  for (const c of chunks) {
    if (c.type === 'PLTE') palette = c.data;
    else if (c.type === 'tRNS') transparency = c.data;
    else if (c.type === 'IDAT') idat.push(c.data);
  }
  if (colorType === 3 && !palette) throw new Error('palette PNG without PLTE chunk');
  if (idat.length === 0) throw new Error('PNG has no IDAT chunk');

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bytesPerSample = bitDepth / 8;
  const bpp = channels * bytesPerSample;
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is too short');

  // Undo the per-scanline filters.
  const pixels = Buffer.alloc(stride * height);
  const zero = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : zero;
    if (type > 4) throw new Error(`bad PNG filter type ${type} on row ${y}`);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[i - bpp] : 0;
      const c = i >= bpp ? prev[i - bpp] : 0;
      out[i] = (line[i] + predict(type, a, prev[i], c)) & 0xff;
    }
  }

  // Convert to 8-bit RGBA (16-bit samples keep their high byte; tRNS colour keys compare full samples).
  const sample = (offset, ch) =>
    bytesPerSample === 1 ? pixels[offset + ch] : pixels.readUInt16BE(offset + ch * 2);
  const to8 = (v) => (bytesPerSample === 1 ? v : v >> 8);
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const o = p * bpp;
    let r;
    let g;
    let b;
    let alpha = 255;
    switch (colorType) {
      case 0: {
        const v = sample(o, 0);
        r = g = b = to8(v);
        if (transparency && transparency.length >= 2 && v === transparency.readUInt16BE(0)) alpha = 0;
        break;
      }
      case 2: {
        const rv = sample(o, 0);
        const gv = sample(o, 1);
        const bv = sample(o, 2);
        [r, g, b] = [to8(rv), to8(gv), to8(bv)];
        if (
          transparency && transparency.length >= 6 &&
          rv === transparency.readUInt16BE(0) && gv === transparency.readUInt16BE(2) && bv === transparency.readUInt16BE(4)
        ) alpha = 0;
        break;
      }
      case 3: {
        const index = pixels[o];
        if (index * 3 + 2 >= palette.length) throw new Error(`palette index ${index} out of range`);
        [r, g, b] = [palette[index * 3], palette[index * 3 + 1], palette[index * 3 + 2]];
        if (transparency && index < transparency.length) alpha = transparency[index];
        break;
      }
      case 4:
        r = g = b = to8(sample(o, 0));
        alpha = to8(sample(o, 1));
        break;
      default:
        [r, g, b, alpha] = [to8(sample(o, 0)), to8(sample(o, 1)), to8(sample(o, 2)), to8(sample(o, 3))];
        break;
    }
    rgba[p * 4] = r;
    rgba[p * 4 + 1] = g;
    rgba[p * 4 + 2] = b;
    rgba[p * 4 + 3] = alpha;
  }
  return { ...header, rgba };
}

module.exports = { crc32, encodeRgba, readHeader, decodeRgba };
