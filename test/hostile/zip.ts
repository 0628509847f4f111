import JSZip from 'jszip';
import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: what it holds, and anything its headers should claim instead. */
export interface Entry {
  readonly name: string;
  readonly data: Buffer;
  /** Stored (0) or deflated (8, the default). */
  readonly method?: number;
  /** The compressed bytes, when they should not be `data` deflated (damaged, or a lie). */
  readonly packed?: Buffer;
  /** The uncompressed size the headers claim. */
  readonly size?: number;
  readonly flags?: number;
}

/**
 * A zip written byte by byte, so that tests can make packages no zip library would: lying
 * sizes, damaged data, duplicate or escaping names, encryption flags.
 */
export function makeZip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const packed = e.packed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, 'utf8');
    const fields = (h: Buffer, at: number) => {
      h.writeUInt16LE(20, at);
      h.writeUInt16LE((e.flags ?? 0) | 0x800, at + 2);
      h.writeUInt16LE(method, at + 4);
      h.writeUInt32LE(0, at + 6);
      h.writeUInt32LE(crc32(e.data), at + 10);
      h.writeUInt32LE(packed.length, at + 14);
      h.writeUInt32LE(e.size ?? e.data.length, at + 18);
      h.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    locals.push(local, name, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    fields(c, 6);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The parts of a real workbook, to rebuild it with one thing spoiled. */
export async function partsOf(bytes: Buffer): Promise<Entry[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Entry[] = [];
  for (const f of Object.values(zip.files))
    if (!f.dir) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}
