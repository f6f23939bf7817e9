/**
 * A small deterministic ASDF writer for tests and the demo: the header lines, a YAML tree given as
 * text (so that tests can write any tag, alias or defect), the binary blocks (none or zlib, with an
 * MD5 of the uncompressed data) and the block index, laid out as the asdf library lays them out.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface AsdfBlockSpec {
  /** The uncompressed data. */
  data: Buffer;
  /** 'none' (default) and 'zlib' are encoded; any other label is written with the data as given. */
  compression?: string;
  /** Write the MD5 of the data (default true); a Buffer writes that checksum instead. */
  checksum?: boolean | Buffer;
  /** Bytes allocated beyond the used ones (zero-filled). */
  spare?: number;
  /** Overrides of the header's sizes, for broken files. */
  allocated?: number;
  used?: number;
  dataSize?: number;
  streamed?: boolean;
}

export interface AsdfSpec {
  /** The tree's YAML lines after `--- !core/asdf-1.1.0` (undefined: a file without a tree). */
  tree?: string[];
  blocks?: AsdfBlockSpec[];
  /** Write the block index (default: when there are blocks); an array writes those offsets. */
  index?: boolean | number[];
  standard?: string | null;
}

export function asdfFile(spec: AsdfSpec): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  const push = (bytes: Buffer) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const standard = spec.standard === undefined ? '1.5.0' : spec.standard;
  push(Buffer.from(`#ASDF 1.0.0\n${standard === null ? '' : `#ASDF_STANDARD ${standard}\n`}`));
  if (spec.tree)
    push(
      Buffer.from(
        ['%YAML 1.1', '%TAG ! tag:stsci.edu:asdf/', '--- !core/asdf-1.1.0', ...spec.tree, '...', ''].join(
          '\n',
        ),
      ),
    );
  const offsets: number[] = [];
  for (const block of spec.blocks ?? []) {
    offsets.push(length);
    const compression = block.compression ?? 'none';
    const stored = compression === 'zlib' ? deflateSync(block.data) : block.data;
    const spare = block.spare ?? 0;
    const header = Buffer.alloc(54);
    header.write('\xd3BLK', 0, 'latin1');
    header.writeUInt16BE(48, 4);
    header.writeUInt32BE(block.streamed ? 1 : 0, 6);
    if (compression !== 'none') header.write(compression.padEnd(4, '\0'), 10, 'latin1');
    header.writeBigUInt64BE(BigInt(block.allocated ?? stored.length + spare), 14);
    header.writeBigUInt64BE(BigInt(block.used ?? stored.length), 22);
    header.writeBigUInt64BE(BigInt(block.dataSize ?? block.data.length), 30);
    const checksum =
      block.checksum === false
        ? Buffer.alloc(16)
        : Buffer.isBuffer(block.checksum)
          ? block.checksum
          : createHash('md5').update(block.data).digest();
    checksum.copy(header, 38);
    push(header);
    push(stored);
    if (spare > 0) push(Buffer.alloc(spare));
  }
  const index = spec.index ?? offsets.length > 0;
  if (index !== false) {
    const listed = Array.isArray(index) ? index : offsets;
    push(Buffer.from(`#ASDF BLOCK INDEX\n%YAML 1.1\n---\n${listed.map((o) => `- ${o}\n`).join('')}...\n`));
  }
  return Buffer.concat(parts);
}

/** An ndarray node's lines (indented under `key:`), pointing at block `source`. */
export function ndarrayLines(
  key: string,
  source: number | string,
  datatype: string,
  shape: number[],
  byteorder: 'big' | 'little' = 'little',
): string[] {
  return [
    `${key}: !core/ndarray-1.0.0`,
    `  source: ${typeof source === 'string' ? `'${source}'` : source}`,
    `  datatype: ${datatype}`,
    `  byteorder: ${byteorder}`,
    `  shape: [${shape.join(', ')}]`,
  ];
}
