import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateBzip2, isBzip2 } from '../../src/fits/bzip2.js';
import { readFits } from '../../src/fits/read.js';
import { simpleImageFile } from '../support/fits-builder.js';

const SAMPLES = new URL('./samples/', import.meta.url).pathname;
const sample = (name: string) => join(SAMPLES, name);

/** Feeds `bytes` to the decoder in chunks of `size` and gathers what it writes. */
function inflate(bytes: Uint8Array, size = 7, limit = 1 << 30, ratioFloor?: number) {
  let at = 0;
  const out: Buffer[] = [];
  const outcome = inflateBzip2(
    () => {
      if (at >= bytes.length) return undefined;
      at += size;
      return bytes.subarray(at - size, at);
    },
    (chunk) => out.push(Buffer.from(chunk)),
    limit,
    ratioFloor,
  );
  return { ...outcome, bytes: Buffer.concat(out) };
}

function temp(name: string, bytes: Uint8Array): string {
  const path = join(tmpdir(), `hlsp-bz2-${process.pid}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

describe('bzip2 decompression', () => {
  it('recognises the magic number with its block-size digit', () => {
    expect(isBzip2(Buffer.from('BZh9'))).toBe(true);
    expect(isBzip2(Buffer.from('BZh0'))).toBe(false);
    expect(isBzip2(Buffer.from('BZ'))).toBe(false);
  });

  it('decompresses a file to the bytes bzip2 compressed, from chunks of any size', () => {
    const expected = simpleImageFile([], { checksum: true });
    for (const size of [1, 7, 4096]) {
      const result = inflate(readFileSync(sample('image.fits.bz2')), size);
      expect(result.stop).toBeUndefined();
      expect(result.bytes.equals(expected)).toBe(true);
    }
  });

  it('reads concatenated streams (pbzip2) to the end', () => {
    const result = inflate(readFileSync(sample('image-two-streams.fits.bz2')));
    expect(result.stop).toBeUndefined();
    expect(result.bytes.equals(simpleImageFile([], { checksum: true }))).toBe(true);
  });

  it('stops a bomb at the limit, having handed on exactly the limit', () => {
    const result = inflate(readFileSync(sample('bomb-2gib.fits.bz2')), 4096, 3_000_000);
    expect(result.stop?.kind).toBe('limit');
    expect(result.inflated).toBe(3_000_000);
    expect(result.bytes.length).toBe(3_000_000);
  });

  it('stops a stream that grows past the ratio cap', () => {
    const result = inflate(readFileSync(sample('bomb-2gib.fits.bz2')), 4096, 1 << 30, 20_000_000);
    expect(result.stop?.kind).toBe('ratio');
    expect(result.stop?.message).toMatch(/expands more than 10000 times/);
    expect(result.inflated).toBeLessThan(30_000_000);
  });

  it('reports truncation and corruption, never throws', () => {
    const whole = readFileSync(sample('image.fits.bz2'));
    const cut = inflate(whole.subarray(0, whole.length - 20));
    expect(cut.stop).toEqual({ kind: 'corrupt', message: expect.stringMatching(/corrupt or cut short/) });
    const flipped = Buffer.from(whole);
    flipped[200] = flipped[200]! ^ 0xff;
    expect(inflate(flipped).stop?.kind).toBe('corrupt');
    const random = Buffer.concat([Buffer.from('BZh9'), Buffer.alloc(3000, 0x5a)]);
    expect(inflate(random).stop?.kind).toBe('corrupt');
  });
});

describe('readFits on .fits.bz2', () => {
  it('reads the decompressed FITS, with the SHA-256 of the stored file', async () => {
    const fits = await readFits(sample('image.fits.bz2'));
    expect(fits.problems).toEqual([]);
    expect(fits.compressed).toBe(true);
    expect(fits.hdus.length).toBe(1);
    expect(fits.size).toBe(5760);
    expect(fits.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a corrupt stream as one bzip2-error problem', async () => {
    const whole = readFileSync(sample('image.fits.bz2'));
    const fits = await readFits(temp('cut.fits.bz2', whole.subarray(0, whole.length - 20)));
    expect(fits.problems.filter((problem) => problem.code === 'bzip2-error')).toHaveLength(1);
    expect(fits.sha256).toBeUndefined();
  });

  it('stops a bomb at maxInflatedBytes with an inflate-limit problem', async () => {
    const fits = await readFits(sample('bomb-2gib.fits.bz2'), { limits: { maxInflatedBytes: 1_000_000 } });
    expect(fits.problems.map((problem) => problem.code)).toContain('inflate-limit');
    expect(fits.size).toBe(1_000_000);
  });
});
