/**
 * Builds zip and tar archives byte by byte for tests, including the hostile ones no archiver
 * writes: unsafe names, lying sizes, encrypted flags, symbolic links.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import * as tar from 'tar-stream';

export interface ZipMemberSpec {
  name: string | Buffer;
  data?: Uint8Array;
  /** Deflate (default) or store. */
  method?: 'deflate' | 'store';
  /** Sets the "encrypted" flag (the data is left as it is). */
  encrypted?: boolean;
  /** Unix mode in the external attributes: 0o120777 makes a symbolic link. */
  mode?: number;
}

export function zipArchive(members: ZipMemberSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = typeof member.name === 'string' ? Buffer.from(member.name) : member.name;
    const data = Buffer.from(member.data ?? new Uint8Array(0));
    const method = member.method === 'store' ? 0 : 8;
    const packed = method === 8 ? deflateRawSync(data) : data;
    // Traditional encryption puts a 12-byte header before the data (left unencrypted here).
    const stored = member.encrypted ? Buffer.concat([Buffer.alloc(12), packed]) : packed;
    const flags = (member.encrypted ? 1 : 0) | 0x800;
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((member.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export type TarMemberSpec = { name: string; data?: Uint8Array } & Partial<Omit<tar.Header, 'name'>>;

export async function tarArchive(members: TarMemberSpec[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (chunk) => chunks.push(chunk as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const { data, ...header } of members) {
    await new Promise<void>((resolve, reject) =>
      pack.entry(header, Buffer.from(data ?? new Uint8Array(0)), (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
