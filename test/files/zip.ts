import { deflateRawSync, constants } from 'node:zlib';

/**
 * Hand-made zip packages for hostile-file tests: entries whose declared sizes the test chooses (honest or lying), and
 * a deflate stream that inflates to gigabytes from about a megabyte.
 */

export interface Entry {
  name: string;
  /** The bytes as stored: raw deflate when method is 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
}

/** A raw deflate stream of `gigabytes` of spaces: one full-flushed 64 MB block repeated, then a final empty block. */
export function deflateBomb(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(64 << 20, 32), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const out = Buffer.concat([...Array.from({ length: Math.ceil(megabytes / 64) }, () => block), end]);
  return new Uint8Array(out);
}

/** A zip of the entries, CRCs left at zero (readers that check them refuse; ours need not). */
export function zip(entries: Entry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}
