import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRice } from '../../../src/fits/compression/rice.js';
import { encodeRice } from './rice-encoder.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const RANGES = { 1: [0, 255], 2: [-32768, 32767], 4: [-(2 ** 31), 2 ** 31 - 1] } as const;

describe('decodeRice', () => {
  it('decodes a hand-built stream: first value, a zero block, then a block with FS = 1', () => {
    // BYTEPIX 1, BLOCKSIZE 2: first pixel 10; block 1 all zero (code 000); block 2 FS 1 (code 010):
    // differences +1 (mapped 2: quotient 1 → "01", low bit "0") and -1 (mapped 1: "1", "1").
    const stream = Uint8Array.from([10, 0b000_010_01, 0b0_1_1_00000]);
    const result = decodeRice(stream, 4, { blockSize: 2, bytePix: 1 });
    expect(result).toEqual({ ok: true, pixels: Uint8Array.from([10, 10, 11, 10]) });
  });

  it('wraps differences at the pixel width, as the encoder does', () => {
    const values = [32767, -32768, 32767, 0, -1];
    const result = decodeRice(encodeRice(values, 2), values.length, { blockSize: 32, bytePix: 2 });
    expect(result).toEqual({ ok: true, pixels: Int16Array.from(values) });
  });

  it('reports a stream that ends early, naming the pixel', () => {
    const stream = encodeRice(
      Array.from({ length: 100 }, (_, i) => (i * 7919) % 1000),
      4,
    );
    const result = decodeRice(stream.subarray(0, stream.length - 20), 100, { blockSize: 32, bytePix: 4 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/ends at pixel \d+ of 100/) });
  });

  it('reports bytes left over after the tile', () => {
    const stream = encodeRice([1, 2, 3, 4], 2);
    const longer = Uint8Array.from([...stream, 0, 0]);
    expect(decodeRice(longer, 4, { blockSize: 32, bytePix: 2 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/2 bytes are left/),
    });
  });

  it('reports an FS code no encoder writes (BYTEPIX 4 codes 27-31)', () => {
    const stream = Uint8Array.from([0, 0, 0, 5, 0b11111_000, 0, 0, 0]);
    expect(decodeRice(stream, 3, { blockSize: 32, bytePix: 4 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/FS code 31/),
    });
  });

  it('reports a difference wider than the pixel', () => {
    // BYTEPIX 1, FS 0 (code 001), then 300 zero bits before the terminating one.
    const stream = new Uint8Array(1 + 40);
    stream[1] = 0b001_00000;
    stream[40] = 0xff;
    expect(decodeRice(stream, 1, { blockSize: 32, bytePix: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/wider than 8 bits/),
    });
  });

  it('rejects parameters it cannot use', () => {
    expect(decodeRice(new Uint8Array(8), 2, { blockSize: 32, bytePix: 8 }).ok).toBe(false);
    expect(decodeRice(new Uint8Array(8), 2, { blockSize: 0, bytePix: 4 }).ok).toBe(false);
    expect(decodeRice(new Uint8Array(1), 2, { blockSize: 32, bytePix: 4 }).ok).toBe(false);
    expect(decodeRice(new Uint8Array(0), 0, { blockSize: 32, bytePix: 4 })).toEqual({
      ok: true,
      pixels: new Int32Array(0),
    });
  });

  it('round-trips any pixels through the test encoder (every block kind, every width)', () => {
    const arbitrary = fc.oneof(
      ...([1, 2, 4] as const).map((bytePix) =>
        fc.record({
          bytePix: fc.constant(bytePix),
          blockSize: fc.integer({ min: 1, max: 64 }),
          values: fc.array(
            fc.oneof(
              fc.integer({ min: RANGES[bytePix][0], max: RANGES[bytePix][1] }),
              fc.integer({ min: 0, max: 3 }),
            ),
            { maxLength: 300 },
          ),
        }),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ({ bytePix, blockSize, values }) => {
        const result = decodeRice(encodeRice(values, bytePix, blockSize), values.length, {
          blockSize,
          bytePix,
        });
        const expected =
          bytePix === 1
            ? Uint8Array.from(values)
            : bytePix === 2
              ? Int16Array.from(values)
              : Int32Array.from(values);
        expect(result).toEqual({ ok: true, pixels: expected });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never throws and always ends on random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(1, 2, 4),
        fc.integer({ min: 1, max: 64 }),
        (bytes, pixelCount, bytePix, blockSize) => {
          const result = decodeRice(bytes, pixelCount, { blockSize, bytePix });
          if (result.ok) expect(result.pixels.length).toBe(pixelCount);
          else expect(result.error).toMatch(/RICE_1|tile/);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
