import { crc32, deflateRaw, type ZipEntry } from './zip';

/**
 * Re-packs a patched .xlsx: parts the patch did not touch are copied as the source zip stores them (compressed bytes,
 * CRC and sizes unchanged, never inflated and deflated again); only changed and added parts are deflated.
 */

const deflated = (data: Uint8Array): ZipEntry => ({ method: 8, crc: crc32(data), size: data.length, data: deflateRaw(data) });

/** The package's parts in order, the source's entries they may be copied from, and how to get a changed part's bytes. */
export function repack(
  stored: ReadonlyMap<string, ZipEntry>,
  names: readonly string[],
  changed: ReadonlySet<string>,
  part: (name: string) => Uint8Array,
): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const kept = changed.has(name) ? undefined : stored.get(name);
    const entry: ZipEntry = kept ?? deflated(part(name));
    const nameBytes = encoder.encode(name);
    const header = new Uint8Array(30 + nameBytes.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x0800, true); // names in UTF-8
    h.setUint16(8, entry.method, true);
    h.setUint32(14, entry.crc, true);
    h.setUint32(18, entry.data.length, true);
    h.setUint32(22, entry.size, true);
    h.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    const record = new Uint8Array(46 + nameBytes.length);
    const d = new DataView(record.buffer);
    d.setUint32(0, 0x02014b50, true);
    d.setUint16(4, 20, true);
    d.setUint16(6, 20, true);
    d.setUint16(8, 0x0800, true);
    d.setUint16(10, entry.method, true);
    d.setUint32(16, entry.crc, true);
    d.setUint32(20, entry.data.length, true);
    d.setUint32(24, entry.size, true);
    d.setUint16(28, nameBytes.length, true);
    d.setUint32(42, offset, true);
    record.set(nameBytes, 46);
    chunks.push(header, entry.data);
    directory.push(record);
    offset += header.length + entry.data.length;
  }
  const directorySize = directory.reduce((n, r) => n + r.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, names.length, true);
  e.setUint16(10, names.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const c of [...chunks, ...directory, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A new package: every part deflated (with the CLI's native zlib where it is installed). */
export const zipParts = (names: readonly string[], part: (name: string) => Uint8Array): Uint8Array => repack(new Map(), names, new Set(), part);
