import { deflateSync } from 'fflate';

/**
 * Re-packs a patched .xlsx: parts the patch did not touch are copied as the source zip stores them (compressed bytes,
 * CRC and sizes unchanged, never inflated and deflated again); only changed and added parts are deflated. Returns
 * undefined for a source it does not copy from (zip64, encrypted entries), which is then zipped whole.
 */

interface Stored {
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The source's entries as stored, by name, from its central directory. */
function storedEntries(bytes: Uint8Array): Map<string, Stored> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, Stored>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1 || compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff || (method !== 0 && method !== 8)) return undefined;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return undefined;
    out.set(name, { method, crc, size, data: bytes.subarray(start, start + compressed) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

export function repack(source: Uint8Array, files: Record<string, Uint8Array>, changed: ReadonlySet<string>): Uint8Array | undefined {
  const stored = storedEntries(source);
  if (!stored) return undefined;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  const names = Object.keys(files);
  for (const name of names) {
    const kept = changed.has(name) ? undefined : stored.get(name);
    const entry: Stored = kept ?? { method: 8, crc: crc32(files[name]), size: files[name].length, data: deflateSync(files[name], { level: 6 }) };
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
