/**
 * Real images shipped by Debian packages (icons, documentation figures, test data): every one must
 * read without an error, and the size each reader finds must be the one image-size reads from the
 * header. Where this machine has no such files the test says so and is skipped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { readGif } from '../../src/readers/gif.js';
import { readJpeg } from '../../src/readers/jpeg.js';
import { readPng } from '../../src/readers/png.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { imageStructure } from '../../src/rules/image/structure.js';
import { runImageRule } from '../rules/image/run-image-rule.js';

const ROOTS = [
  '/usr/share',
  '/usr/lib/python3/dist-packages',
  ...(process.env.REAL_IMAGES_ROOTS?.split(':').filter(Boolean) ?? []),
];
const PER_FORMAT = Number(process.env.REAL_IMAGES_PER_FORMAT ?? 300);
const EXTENSIONS = { png: /\.png$/i, jpeg: /\.jpe?g$/i, gif: /\.gif$/i } as const;
const READERS = { png: readPng, jpeg: readJpeg, gif: readGif } as const;
type Format = keyof typeof READERS;
/** Problems a viewer lives with (warnings); any other problem on a real file is a reader bug. */
const TOLERATED = new Set(['trailing-bytes', 'missing-trailer', 'not-decoded']);
/** Files shipped broken on purpose (test data of their packages): each must get a problem. */
const KNOWN_BAD = [/\/skimage\/data\/truncated\.jpg$/];
const MAGIC: Record<Format, Buffer> = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff]),
  gif: Buffer.from('GIF8'),
};

/** Files under the roots with the format's extension and magic bytes, in a stable order. */
function find(format: Format): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (found.length >= PER_FORMAT) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= PER_FORMAT) return;
      const path = join(dir, name);
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else if (EXTENSIONS[format].test(name) && stat.size > 0 && stat.size < 32 * 1024 * 1024) {
        const head = readFileSync(path).subarray(0, MAGIC[format].length);
        if (head.equals(MAGIC[format])) found.push(path);
      }
    }
  };
  for (const root of ROOTS) walk(root);
  return found;
}

describe.each(Object.keys(READERS) as Format[])('real %s files from Debian packages', (format) => {
  const files = find(format);
  if (files.length === 0)
    console.warn(`no ${format} files under ${ROOTS.join(', ')}: the real-file check is skipped`);

  it.skipIf(files.length === 0)(
    `read without an error, with image-size's dimensions (${files.length} files)`,
    async () => {
      const errors: string[] = [];
      for (const path of files) {
        const content = await READERS[format](
          { path, size: statSync(path).size, gzip: false },
          DEFAULT_CONTENT_LIMITS,
        );
        if (KNOWN_BAD.some((pattern) => pattern.test(path))) {
          if (content.problems.length === 0) errors.push(`${path}: broken on purpose, but no problem found`);
          continue;
        }
        for (const problem of content.problems)
          if (!TOLERATED.has(problem.code)) errors.push(`${path}: ${problem.code}: ${problem.message}`);
        const oracle = imageSize(readFileSync(path));
        if (content.image && (oracle.width !== content.image.width || oracle.height !== content.image.height))
          errors.push(
            `${path}: ${content.image.width} × ${content.image.height}, image-size says ${oracle.width} × ${oracle.height}`,
          );
        // The tolerated problems are warnings, never errors.
        for (const finding of runImageRule(imageStructure, format, content))
          if (finding.severity !== 'warning')
            errors.push(`${path}: image/structure error: ${finding.message}`);
      }
      expect(errors).toEqual([]);
    },
  );
});
