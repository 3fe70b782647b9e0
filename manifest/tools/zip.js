#!/usr/bin/env node
'use strict';
// Writes a ZIP archive with every file at the archive root (Node built-ins only; no `zip` binary).
//   node manifest/tools/zip.js <out.zip> <file> [<file> ...]
// Entries are named by the files' base names, deflated (or stored when that is smaller), with
// standard local headers, a central directory and an end-of-central-directory record.
// Timestamps come from SOURCE_DATE_EPOCH when set (reproducible builds), else each file's mtime.

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { crc32 } = require('./png');

function dosDateTime(date) {
  // MS-DOS format, local time, 2-second resolution, years 1980..2107.
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107);
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

function main() {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) {
    console.error('usage: node manifest/tools/zip.js <out.zip> <file> [<file> ...]');
    process.exit(2);
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const fixedDate = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;

  const seen = new Set();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const input of inputs) {
    const name = path.basename(input);
    if (seen.has(name)) {
      console.error(`zip.js: duplicate entry name ${name}`);
      process.exit(2);
    }
    seen.add(name);
    const stat = fs.statSync(input);
    if (!stat.isFile()) {
      console.error(`zip.js: not a file: ${input}`);
      process.exit(2);
    }
    const data = fs.readFileSync(input);
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const method = useDeflate ? 8 : 0;
    const crc = crc32(data);
    const { time, day } = dosDateTime(fixedDate || stat.mtime);
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0; // bit 11: UTF-8 name
    if (body.length > 0xfffffffe || offset > 0xfffffffe) {
      console.error('zip.js: archive too large (ZIP64 is not supported)');
      process.exit(1);
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed to extract (2.0)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18); // compressed size
    local.writeUInt32LE(data.length, 22); // uncompressed size
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE((3 << 8) | 20, 4); // version made by: Unix, 2.0
    central.writeUInt16LE(20, 6); // version needed to extract
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // file comment length
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42); // offset of local header
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }

  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with the central directory
  end.writeUInt16LE(inputs.length, 8); // entries on this disk
  end.writeUInt16LE(inputs.length, 10); // entries in total
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16); // central directory offset
  end.writeUInt16LE(0, 20); // comment length

  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, Buffer.concat([...locals, ...centrals, end]));
}

main();
