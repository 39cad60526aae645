import { deflateSync, inflateSync } from 'fflate';

/**
 * The zip entries of a package read from its central directory, each inflated only when a part is asked for: the
 * reader and the annotated copy never inflate what they do not read. The codec is fflate's (pure JavaScript, for the
 * browser page) with a table CRC-32; the CLI installs Node's native zlib, several times faster, which gives the same
 * parts.
 */

export interface ZipEntry {
  method: number;
  crc: number;
  /** The uncompressed size the central directory declares: never inflated beyond. */
  size: number;
  /** The compressed bytes, as stored. */
  data: Uint8Array;
}

export interface ZipCodec {
  /** Raw deflate data into at most `size` bytes (a lying size gives a truncated part, never an unbounded one). */
  inflate: (data: Uint8Array, size: number) => Uint8Array;
  deflate: (data: Uint8Array) => Uint8Array;
  crc32: (data: Uint8Array) => number;
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

export const fflateCodec: ZipCodec = {
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 6 }),
  crc32: (data) => {
    let c = -1;
    for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  },
};

let codec = fflateCodec;

/** The codec every package is inflated and deflated with from now on, in this thread. */
export function useZipCodec(next: ZipCodec): void {
  codec = next;
}

export const deflateRaw = (data: Uint8Array) => codec.deflate(data);
export const crc32 = (data: Uint8Array) => codec.crc32(data);

/** One entry's bytes: a stored entry as it is (not copied), a deflated one inflated. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.data;
  return codec.inflate(entry.data, entry.size);
}

/**
 * The parts the reader inflated, by the package's bytes: the annotated copy of the same bytes takes them (once)
 * instead of inflating them again. Weak: a package nobody copies takes its parts with it.
 */
export const inflatedParts = new WeakMap<Uint8Array, ReadonlyMap<string, Uint8Array>>();

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
/** The end record's own size plus the longest comment a zip can carry: where fflate looks for it too. */
const END_SEARCH = 22 + 65535;

/**
 * The entries by name, in the central directory's order (names decoded as fflate decodes them), or undefined for a
 * package read the slow way (zip64, encrypted entries, other compression methods, headers that do not agree).
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - END_SEARCH);
  while (end >= lowest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < lowest || (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR)) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder();
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
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? utf8.decode(nameBytes) : String.fromCharCode(...nameBytes);
    if (flags & 1 || compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff || (method !== 0 && method !== 8)) return undefined;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return undefined;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) return undefined;
    out.set(name, { method, crc, size, data: bytes.subarray(start, start + compressed) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
