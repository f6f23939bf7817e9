/** Reads built image bytes with the real reader and runs one image rule on what it gives. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseName } from '../../../src/naming/parse.js';
import { DEFAULT_IMAGE_CAPS, type ImageCaps } from '../../../src/readers/byte-cursor.js';
import { readGif } from '../../../src/readers/gif.js';
import { DEFAULT_CONTENT_LIMITS } from '../../../src/readers/index.js';
import { readJpeg } from '../../../src/readers/jpeg.js';
import { readPng } from '../../../src/readers/png.js';
import type { ContentRule, FindingInput, ReadContent } from '../../../src/types.js';

const READERS = { png: readPng, jpeg: readJpeg, gif: readGif } as const;
export type ImageFormat = keyof typeof READERS;

/** What the reader makes of the bytes (written to a temporary file, as the engine reads files). */
export async function readImage(
  format: ImageFormat,
  bytes: Uint8Array,
  caps: Partial<ImageCaps> = {},
): Promise<ReadContent> {
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-image-'));
  try {
    const path = join(dir, `image.${format}`);
    writeFileSync(path, bytes);
    return await READERS[format]({ path, size: bytes.length, gzip: false }, DEFAULT_CONTENT_LIMITS, {
      ...DEFAULT_IMAGE_CAPS,
      ...caps,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runImageRule(rule: ContentRule, format: ImageFormat, content: ReadContent): FindingInput[] {
  const found: FindingInput[] = [];
  const name = `hlsp_test_jwst_nircam_field_f200w_v1_i2d.${format === 'jpeg' ? 'jpg' : format}`;
  rule.check(
    { path: name, name, parsed: parseName(name), format, content, settings: {}, profiles: [] },
    (finding) => found.push(finding),
  );
  return found;
}

export async function imageFindings(
  rule: ContentRule,
  format: ImageFormat,
  bytes: Uint8Array,
  caps: Partial<ImageCaps> = {},
): Promise<FindingInput[]> {
  return runImageRule(rule, format, await readImage(format, bytes, caps));
}
