/**
 * Walks the members of a zip or tar archive (plain or gzip-compressed) as streams, one at a time,
 * without extracting anything: each regular, safe member's bytes are handed to `onMember`, which
 * must consume them before the next member is read. Problems with the archive or a member (unsafe
 * paths, duplicates, links, encryption, bombs, damage) are collected, never thrown.
 */
import { createReadStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { crc32, createGunzip } from 'node:zlib';
import type yauzl from 'yauzl';
import { decodeName, memberKey, unsafeReason } from './members.js';

export type ArchiveFormat = 'zip' | 'tar' | 'tar.gz';

export type ArchiveProblemCode =
  | 'unreadable'
  | 'unsafe-member'
  | 'duplicate-member'
  | 'encrypted-member'
  | 'link-member'
  | 'bomb'
  | 'nested';

export interface ArchiveProblem {
  code: ArchiveProblemCode;
  /** The member's name as stored (untrusted: shown through displayName), or undefined for the archive. */
  member?: string;
  message: string;
}

export interface ArchiveLimits {
  /** Decompressed bytes read from the whole archive, all members together. */
  maxInflatedBytes: number;
  /** Members read before the archive is given up as a bomb. */
  maxMembers: number;
}

/** A zip bomb's member count is its weapon: 100,000 is far beyond any HLSP delivery. */
export const MAX_MEMBERS = 100_000;
/**
 * Deflate cannot pass about 1032:1; a member (or a .tar.gz stream) that has grown more than
 * `MAX_RATIO` times past `RATIO_FLOOR` bytes is data of one repeated value at best, a bomb at worst.
 */
export const MAX_RATIO = 1000;
export const RATIO_FLOOR = 256 * 1024 * 1024;

export interface MemberInfo {
  name: string;
  /** Bytes as stored in the archive (compressed, for a deflated zip member), when known. */
  storedSize: number | undefined;
}

/** Called for every member the walk reads: regular files with their content, others with a problem. */
export type OnMember = (member: MemberInfo, content: AsyncIterable<Buffer> | undefined) => Promise<void>;

export interface ArchiveWalk {
  problems: ArchiveProblem[];
  /** Members met (files, directories, links), for the report. */
  members: number;
}

/** Counts every decompressed byte of the archive and stops the walk at the caps. */
class Budget {
  inflated = 0;
  exceeded: string | undefined;
  constructor(private readonly limits: ArchiveLimits) {}
  /** Counts a member's bytes; false once a cap is passed (the walk then stops). */
  take(bytes: number, memberBytes: number, memberStored: number | undefined): boolean {
    this.inflated += bytes;
    if (this.inflated > this.limits.maxInflatedBytes)
      this.exceeded = `the archive expands to more than ${this.limits.maxInflatedBytes} bytes; reading stopped there (raise the limit with --max-inflated-bytes)`;
    else if (
      memberStored !== undefined &&
      memberBytes > RATIO_FLOOR &&
      memberBytes > MAX_RATIO * Math.max(memberStored, 1)
    )
      this.exceeded = `a member expands more than ${MAX_RATIO} times (${memberBytes} bytes from ${memberStored}): a decompression bomb; reading stopped there`;
    return this.exceeded === undefined;
  }
}

/**
 * Member bytes that pass through the budget: the stream errors (and the walk stops) at a cap, so
 * a bomb is never read to its end.
 */
function metered(budget: Budget, storedSize: () => number | undefined, expectedCrc?: number): Transform {
  let seen = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (expectedCrc !== undefined) crc = crc32(chunk, crc);
      if (!budget.take(chunk.length, seen, storedSize())) done(new BombError());
      else done(null, chunk);
    },
    // yauzl checks sizes but not the CRC-32: damaged bytes would otherwise be judged as the product.
    flush(done) {
      if (expectedCrc !== undefined && crc >>> 0 !== expectedCrc >>> 0)
        done(new Error('its bytes do not match their CRC-32: the member is damaged'));
      else done();
    },
  });
}

class BombError extends Error {}

/** Whether a member stream stopped at a cap (the walk reports the bomb; the member adds nothing). */
export function stoppedByCap(error: unknown): boolean {
  return error instanceof BombError;
}

export async function walkArchive(
  path: string | Buffer,
  format: ArchiveFormat,
  onMember: OnMember,
  limits: ArchiveLimits,
): Promise<ArchiveWalk> {
  const walk: ArchiveWalk = { problems: [], members: 0 };
  const budget = new Budget(limits);
  const seen = new Set<string>();
  /** The member's problem (recorded), or undefined when its content is to be read. */
  const record = (code: ArchiveProblemCode, member: string, message: string) => {
    walk.problems.push({ code, member, message });
    return code;
  };
  const vet = (name: string, type: 'file' | 'directory' | 'link' | 'encrypted', linkText?: string) => {
    walk.members++;
    const unsafe = unsafeReason(name);
    if (unsafe)
      return record(
        'unsafe-member',
        name,
        `extracting this member would write outside the target directory: ${unsafe}`,
      );
    if (type === 'directory') return 'directory';
    const key = memberKey(name);
    if (seen.has(key))
      return record(
        'duplicate-member',
        name,
        'another member has the same path: extracting the archive keeps only one of them',
      );
    seen.add(key);
    if (type === 'link')
      return record(
        'link-member',
        name,
        `this member is ${linkText}, not a file: extracting it can reach outside the archive`,
      );
    if (type === 'encrypted')
      return record(
        'encrypted-member',
        name,
        'this member is encrypted: its content cannot be read or checked, nor by the archive',
      );
    return undefined;
  };
  const tooMany = () => {
    if (walk.members < limits.maxMembers) return false;
    budget.exceeded = `the archive holds more than ${limits.maxMembers} members; reading stopped there`;
    return true;
  };
  try {
    if (format === 'zip') await walkZip(path, budget, vet, record, onMember, tooMany);
    else await walkTar(path, format === 'tar.gz', budget, vet, onMember, tooMany);
  } catch (error) {
    if (!budget.exceeded)
      walk.problems.push({
        code: 'unreadable',
        message: `the archive cannot be read to its end: ${describe(error)}`,
      });
  }
  if (budget.exceeded) walk.problems.push({ code: 'bomb', message: budget.exceeded });
  return walk;
}

type Vet = (
  name: string,
  type: 'file' | 'directory' | 'link' | 'encrypted',
  linkText?: string,
) => string | undefined;

async function walkZip(
  path: string | Buffer,
  budget: Budget,
  vet: Vet,
  record: (code: ArchiveProblemCode, member: string, message: string) => string,
  onMember: OnMember,
  tooMany: () => boolean,
): Promise<void> {
  // Loaded with the first archive: most runs have none, and start faster without it.
  const { default: zipLibrary } = await import('yauzl');
  // Raw names (decodeStrings: false): yauzl would refuse the whole archive for one unsafe name,
  // which is a finding about that member here.
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    zipLibrary.open(
      path.toString(),
      { lazyEntries: true, decodeStrings: false, autoClose: true },
      (error, file) => (error ? reject(error) : resolve(file)),
    ),
  );
  // An error outside a readEntry() wait (a failed close) must not go unheard and crash the process.
  let late: Error | undefined;
  zip.on('error', (error: Error) => {
    late ??= error;
  });
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) return;
      if (tooMany()) return;
      const name = decodeName(entry.fileName as unknown as Buffer);
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      const type = name.endsWith('/')
        ? 'directory'
        : entry.isEncrypted()
          ? 'encrypted'
          : mode !== 0 && mode !== 0o100000 && mode !== 0o040000
            ? 'link'
            : 'file';
      const problem = vet(name, type, mode === 0o120000 ? 'a symbolic link' : 'a device or special file');
      if (problem === 'directory') continue;
      const info = { name, storedSize: entry.compressedSize };
      if (problem) {
        await onMember(info, undefined);
        continue;
      }
      let stream: Readable;
      try {
        stream = await new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
        );
      } catch (error) {
        // One member that cannot be opened (an unsupported compression method) leaves the others readable.
        record('unreadable', name, `this member cannot be read: ${describe(error)}`);
        await onMember(info, undefined);
        continue;
      }
      const content = stream.pipe(metered(budget, () => entry.compressedSize, entry.crc32));
      stream.on('error', (error) => content.destroy(error));
      try {
        await onMember(info, content);
      } finally {
        stream.destroy();
      }
      if (budget.exceeded) return;
    }
  } finally {
    zip.close();
  }
  if (late) throw late;
}

/** The next central-directory entry, or undefined at the end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (found: yauzl.Entry) => settle(() => resolve(found));
    const onEnd = () => settle(() => resolve(undefined));
    const onError = (error: Error) => settle(() => reject(error));
    const settle = (done: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      done();
    };
    zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
    zip.readEntry();
  });
}

async function walkTar(
  path: string | Buffer,
  gzipped: boolean,
  budget: Budget,
  vet: Vet,
  onMember: OnMember,
  tooMany: () => boolean,
): Promise<void> {
  const tar = await import('tar-stream');
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const extract = tar.extract();
  let source: Readable = file;
  if (gzipped) {
    // The gzip layer is metered as a whole: a tar.gz bomb is one stream of zeros.
    const gunzip = createGunzip();
    source = file.pipe(gunzip).pipe(metered(budget, () => file.bytesRead));
    file.on('error', (error) => gunzip.destroy(error));
    gunzip.on('error', (error) => source.destroy(error));
  }
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      const header = entry.header;
      if (tooMany()) return;
      const type =
        header.type === 'file' || header.type === 'contiguous-file'
          ? 'file'
          : header.type === 'directory'
            ? 'directory'
            : 'link';
      const problem = vet(header.name, type, LINK_TEXT[header.type ?? ''] ?? `a ${header.type} entry`);
      if (problem === 'directory' || problem) {
        if (problem && problem !== 'directory')
          await onMember({ name: header.name, storedSize: header.size }, undefined);
        entry.resume();
        continue;
      }
      const content = gzipped ? entry : (entry as unknown as Readable).pipe(metered(budget, () => undefined));
      await onMember(
        { name: header.name, storedSize: gzipped ? undefined : header.size },
        content as AsyncIterable<Buffer>,
      );
      entry.resume();
      if (budget.exceeded) return;
    }
  } finally {
    file.destroy();
    extract.destroy();
  }
}

const LINK_TEXT: Record<string, string> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a named pipe (FIFO)',
};

function describe(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'Z_DATA_ERROR') return 'the gzip data is corrupt';
  if (code === 'Z_BUF_ERROR') return 'the gzip stream is truncated';
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 300);
}
