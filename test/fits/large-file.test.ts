/**
 * How a big data unit's sum is shared out: threads claim 1 MiB chunks from one counter, and the
 * checking thread adds what its helpers summed. The helpers are played here by this thread, at
 * every point a real one can be in: not begun, done after some chunks, failed, stuck.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addWordsLoop } from '../../src/fits/checksum.js';
import {
  addHelperSums,
  SUM_DONE,
  SUM_FAILED,
  SUM_NOT_NEEDED,
  SUM_WAITING,
  SUM_WORKING,
  sumClaimedChunks,
  sumRange,
} from '../../src/fits/large-file.js';
import { RANGE_BYTES } from '../../src/fits/wasm/ones-sum.js';
import { scratchDir } from '../support/scratch.js';

const path = join(scratchDir('hlsp-large-file-'), 'data.bin');
// Five and a half chunks, so that the last chunk is a short one.
const bytes = new Uint8Array(5 * RANGE_BYTES + RANGE_BYTES / 2);
let state = 20261202;
for (let i = 0; i < bytes.length; i++) {
  state = (state * 1103515245 + 12345) >>> 0;
  bytes[i] = state >>> 24;
}
writeFileSync(path, bytes);
const fd = openSync(path, 'r');
afterAll(() => closeSync(fd));

// A range that starts off a chunk boundary, as a data unit after its header does.
const start = 2880;
const end = bytes.length - 4;
const whole = addWordsLoop(0, bytes, start, end);

/** A helper's answer memory, in `state` with `sum`. */
function answer(helperState: number, sum = 0): SharedArrayBuffer {
  const memory = new SharedArrayBuffer(16);
  new Int32Array(memory, 0, 1)[0] = helperState;
  new Float64Array(memory, 8, 1)[0] = sum;
  return memory;
}

/** A helper that took `chunks` chunks first: the counter after it, and the sum of what it took. */
function helperTook(chunks: number): { claims: Int32Array; sum: number } {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  let sum = 0;
  for (let taken = 0; taken < chunks; taken++) {
    const from = start + Atomics.add(claims, 0, 1) * RANGE_BYTES;
    sum = addWordsLoop(sum, bytes, from, Math.min(from + RANGE_BYTES, end));
  }
  return { claims, sum };
}

describe('a data unit summed in claimed chunks', () => {
  it('sums the whole range alone, chunk by chunk', () => {
    expect(sumRange(fd, start, end)).toBe(whole);
    expect(sumClaimedChunks(fd, start, end, new Int32Array(new SharedArrayBuffer(4)))).toBe(whole);
  });

  it('adds the chunks a finished helper took to the rest', () => {
    const helper = helperTook(2);
    const own = sumClaimedChunks(fd, start, end, helper.claims);
    expect(own).not.toBe(whole);
    expect(addHelperSums(fd, start, end, own, [answer(SUM_DONE, helper.sum)])).toBe(whole);
  });

  it('leaves out a helper that had not begun, and tells it so', () => {
    const late = answer(SUM_WAITING);
    const own = sumClaimedChunks(fd, start, end, new Int32Array(new SharedArrayBuffer(4)));
    expect(addHelperSums(fd, start, end, own, [late])).toBe(whole);
    expect(new Int32Array(late, 0, 1)[0]).toBe(SUM_NOT_NEEDED);
  });

  it('sums the whole range again when a helper failed after taking chunks', () => {
    const helper = helperTook(3);
    const own = sumClaimedChunks(fd, start, end, helper.claims);
    expect(addHelperSums(fd, start, end, own, [answer(SUM_FAILED)])).toBe(whole);
  });

  it('sums the whole range again when a helper holds its chunk past the wait', () => {
    const helper = helperTook(1);
    const own = sumClaimedChunks(fd, start, end, helper.claims);
    expect(addHelperSums(fd, start, end, own, [answer(SUM_WORKING, helper.sum)])).toBe(whole);
  }, 10_000);

  it('adds several helpers, one done and one not begun', () => {
    const helper = helperTook(4);
    const own = sumClaimedChunks(fd, start, end, helper.claims);
    const answers = [answer(SUM_DONE, helper.sum), answer(SUM_WAITING)];
    expect(addHelperSums(fd, start, end, own, answers)).toBe(whole);
  });
});
