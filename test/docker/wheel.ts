// Makes a real wheel (a zip with dist-info metadata and a RECORD of hashes) from small sources, so the pip path
// is tested with real pip and no network. Stored entries (no compression) keep the zip writer short.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32 } from 'node:zlib';

function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0x21, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0x21, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const recordHash = (data: Buffer) => `sha256=${createHash('sha256').update(data).digest('base64url')}`;

/** Packs every file under `sourceDir` into `<name>-<version>-py3-none-any.whl` in `outDir`; returns its path. */
export function makeWheel(sourceDir: string, outDir: string, name: string, version: string): string {
  const files: Array<{ name: string; data: Buffer }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push({ name: relative(sourceDir, full).split(sep).join('/'), data: readFileSync(full) });
    }
  };
  walk(sourceDir);
  const distInfo = `${name}-${version}.dist-info`;
  files.push({
    name: `${distInfo}/METADATA`,
    data: Buffer.from(`Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`),
  });
  files.push({
    name: `${distInfo}/WHEEL`,
    data: Buffer.from('Wheel-Version: 1.0\nGenerator: amlenv-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n'),
  });
  const record = `${[...files.map((f) => `${f.name},${recordHash(f.data)},${f.data.length}`), `${distInfo}/RECORD,,`].join('\n')}\n`;
  files.push({ name: `${distInfo}/RECORD`, data: Buffer.from(record) });
  const path = join(outDir, `${name}-${version}-py3-none-any.whl`);
  writeFileSync(path, zip(files));
  return path;
}
