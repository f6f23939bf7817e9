import { describe, expect, it } from 'vitest';
import { dequantize, ditherValues, ZERO_VALUE } from '../../../src/fits/compression/quantize.js';

describe('the dither sequence', () => {
  it('is the Park–Miller sequence from seed 1, whose 10,000th seed is 1043618065 (FITS 4.0 §10.2.1)', () => {
    const values = ditherValues();
    expect(values.length).toBe(10_000);
    expect(values[0]).toBe(Math.fround(16807 / 2147483647));
    expect(values[9999]).toBe(Math.fround(1043618065 / 2147483647));
    let seed = 1n;
    for (let i = 0; i < 10_000; i++) {
      seed = (16807n * seed) % 2147483647n;
      expect(values[i]).toBe(Math.fround(Number(seed) / 2147483647));
    }
  });
});

describe('dequantize', () => {
  const random = ditherValues();

  it('NO_DITHER: integer · ZSCALE + ZZERO, ZBLANK → NaN with all bits set', () => {
    const out = new Float32Array(3);
    dequantize([1, -7, 4], out, {
      method: 'NO_DITHER',
      scale: 0.5,
      zero: 10,
      blank: -7,
      ditherSeed: 1,
      tile: 1,
    });
    expect(Array.from(out.subarray(0, 1))).toEqual([10.5]);
    expect(new Uint32Array(out.buffer)[1]).toBe(0xffffffff);
    expect(out[2]).toBe(12);
  });

  it('SUBTRACTIVE_DITHER_1 starts tile n at (n - 1 + ZDITHER0 - 1) in the sequence', () => {
    const out = new Float64Array(2);
    dequantize([3, 3], out, { method: 'SUBTRACTIVE_DITHER_1', scale: 2, zero: 1, ditherSeed: 5, tile: 3 });
    const start = Math.trunc(random[6]! * 500);
    expect(out[0]).toBe((3 - random[start]! + 0.5) * 2 + 1);
    expect(out[1]).toBe((3 - random[start + 1]! + 0.5) * 2 + 1);
  });

  it('SUBTRACTIVE_DITHER_2 restores zeros exactly; undefined pixels use up a dither value too', () => {
    const out = new Float32Array(3);
    dequantize([ZERO_VALUE, -1, 0], out, {
      method: 'SUBTRACTIVE_DITHER_2',
      scale: 1,
      zero: 0,
      blank: -1,
      ditherSeed: 1,
      tile: 1,
    });
    expect(out[0]).toBe(0);
    expect(out[1]).toBeNaN();
    const start = Math.trunc(random[0]! * 500);
    expect(out[2]).toBe(Math.fround(0 - random[start + 2]! + 0.5));
  });

  it('moves to the next seed when a tile runs past the end of the sequence', () => {
    const count = 10_000 + 5;
    const out = new Float64Array(count);
    dequantize(new Array(count).fill(0), out, {
      method: 'SUBTRACTIVE_DITHER_1',
      scale: 1,
      zero: 0,
      ditherSeed: 1,
      tile: 1,
    });
    const first = Math.trunc(random[0]! * 500);
    const used = 10_000 - first;
    expect(out[used - 1]).toBe(0.5 - random[9999]!);
    expect(out[used]).toBe(0.5 - random[Math.trunc(random[1]! * 500)]!);
  });
});
