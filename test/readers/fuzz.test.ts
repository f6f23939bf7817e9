/**
 * Hostile input for the image readers: random bytes, random flips of valid images, truncation at
 * every tenth, huge claimed sizes and zlib bombs never make a reader throw, hang, or allocate for
 * what a file merely claims. Fixed seed and budget in CI; FUZZ_SEED and FUZZ_RUNS change them.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readGif } from '../../src/readers/gif.js';
import { readJpeg } from '../../src/readers/jpeg.js';
import { readPng } from '../../src/readers/png.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import type { ReadContent } from '../../src/types.js';
import { cutAtTenth, expectOneLineMessages, flippedCopies, fuzzBudget, readWithin } from '../support/fuzz.js';
import {
  demoPreviewPng,
  ihdr,
  PNG_SIGNATURE,
  pngChunk,
  scanlinesOf,
  starFieldGif,
  starFieldJpeg,
  zlibStored,
  zlibZeros,
} from '../support/image-builder.js';
import { scratchDir } from '../support/scratch.js';

const BUDGET = fuzzBudget(100, 20261124);
const MAX_MS = 2000;

const work = scratchDir('hlsp-image-fuzz-');

const interlacedSpec = { width: 13, height: 11, bitDepth: 2, colourType: 0, interlace: 1 };
const interlaced = Buffer.concat([
  PNG_SIGNATURE,
  ihdr(interlacedSpec),
  pngChunk('IDAT', zlibStored(scanlinesOf(interlacedSpec, (x, y) => x + y))),
  pngChunk('IEND'),
]);

const READERS = { png: readPng, jpeg: readJpeg, gif: readGif } as const;
const VALID: [keyof typeof READERS, Buffer][] = [
  ['png', demoPreviewPng()],
  ['png', interlaced],
  ['jpeg', starFieldJpeg()],
  ['gif', starFieldGif()],
];

let counter = 0;
/** Reads bytes as the engine would (from a file), with a time bound; a hang fails the test. */
async function readBounded(
  format: keyof typeof READERS,
  bytes: Uint8Array,
  options: { gzip?: boolean; maxInflatedBytes?: number } = {},
): Promise<ReadContent> {
  const path = join(work, `${counter++}.${format}`);
  writeFileSync(path, bytes);
  const content = await readWithin(MAX_MS, () =>
    READERS[format](
      { path, size: bytes.length, gzip: options.gzip ?? false },
      {
        ...DEFAULT_CONTENT_LIMITS,
        maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_CONTENT_LIMITS.maxInflatedBytes,
      },
    ),
  );
  rmSync(path);
  expectOneLineMessages(content);
  return content;
}

describe('image readers under hostile input (fixed seed)', () => {
  it('read every valid base image without a problem', async () => {
    for (const [format, bytes] of VALID)
      expect((await readBounded(format, bytes)).problems, format).toEqual([]);
  });

  it.each(Object.keys(READERS) as (keyof typeof READERS)[])(
    'report random bytes read as %s',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
          const content = await readBounded(format, bytes);
          expect(content.problems.length).toBeGreaterThan(0);
        }),
        BUDGET,
      );
    },
  );

  it.each(VALID.map(([format, bytes], i) => [`${format} #${i}`, format, bytes] as const))(
    'survive random byte flips of %s',
    async (_name, format, valid) => {
      await fc.assert(
        fc.asyncProperty(flippedCopies(valid, { minLength: 1, maxLength: 20 }), async (bytes) => {
          await readBounded(format, bytes);
        }),
        BUDGET,
      );
    },
  );

  it.each(VALID.map(([format, bytes], i) => [`${format} #${i}`, format, bytes] as const))(
    'report %s cut at every tenth once',
    async (_name, format, valid) => {
      for (let tenth = 0; tenth < 10; tenth++) {
        const cut = cutAtTenth(valid, tenth);
        const content = await readBounded(format, cut);
        expect(
          content.problems.map((p) => p.code),
          `cut at ${cut.length} of ${valid.length}`,
        ).toHaveLength(1);
      }
    },
  );

  it('do not allocate for huge claimed sizes', async () => {
    const jpeg = Buffer.from(starFieldJpeg());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(65_535, sof + 5);
    jpeg.writeUInt16BE(65_535, sof + 7);
    const gif = Buffer.from(starFieldGif());
    gif.writeUInt16LE(65_535, 6);
    gif.writeUInt16LE(65_535, 8);
    const hugeChunk = Buffer.concat([
      PNG_SIGNATURE,
      ihdr({ width: 4, height: 4 }),
      Buffer.from([0xff, 0xff, 0xff, 0xf0]),
      Buffer.from('tEXt'),
    ]);
    const cases: [keyof typeof READERS, Buffer, string][] = [
      [
        'png',
        Buffer.concat([
          PNG_SIGNATURE,
          ihdr({ width: 100_000, height: 100_000 }),
          pngChunk('IDAT', zlibZeros(10_000_000)),
          pngChunk('IEND'),
        ]),
        'too-large',
      ],
      ['png', Buffer.concat([PNG_SIGNATURE, ihdr({ width: 2 ** 31 - 1, height: 2 ** 31 - 1 })]), 'too-large'],
      ['png', hugeChunk, 'bad-chunk-length'],
      ['jpeg', jpeg, 'too-large'],
      ['gif', gif, 'too-large'],
    ];
    for (const [format, bytes, code] of cases) {
      const before = process.memoryUsage();
      const content = await readBounded(format, bytes);
      const after = process.memoryUsage();
      expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
      expect(after.heapUsed - before.heapUsed).toBeLessThan(256 * 1024 * 1024);
      expect(
        content.problems.map((p) => p.code),
        format,
      ).toContain(code);
    }
  });

  it('stop a zlib bomb in IDAT at the size IHDR implies', async () => {
    // 64 × 64 RGBA claims 16,448 bytes; the IDAT inflates to 300 MB.
    const bomb = Buffer.concat([
      PNG_SIGNATURE,
      ihdr({ width: 64, height: 64, colourType: 6 }),
      pngChunk('IDAT', zlibZeros(300_000_000)),
      pngChunk('IEND'),
    ]);
    const before = process.memoryUsage().arrayBuffers;
    const content = await readBounded('png', bomb);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(content.problems.map((p) => p.code)).toEqual(['idat-too-long']);
  });

  it('read gzip-compressed images, and stop at the inflated-bytes cap', async () => {
    const png = demoPreviewPng();
    expect((await readBounded('png', gzipSync(png), { gzip: true })).problems).toEqual([]);
    const capped = await readBounded('png', gzipSync(png), { gzip: true, maxInflatedBytes: 1000 });
    expect(capped.problems.map((p) => p.code)).toEqual(['inflated-too-large']);
    const damaged = gzipSync(png);
    damaged.fill(0, 20, 60);
    expect((await readBounded('png', damaged, { gzip: true })).problems.map((p) => p.code)).toEqual([
      'gzip-error',
    ]);
  });

  it('report a file that cannot be read', async () => {
    const content = await readPng(
      { path: join(work, 'missing.png'), size: 0, gzip: false },
      DEFAULT_CONTENT_LIMITS,
    );
    expect(content.problems.map((p) => p.code)).toEqual(['read-error']);
  });
});
