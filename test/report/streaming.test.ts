/**
 * Reports are written in pieces, never as one string: each streamed format has exactly the bytes
 * of its one-string form, its pieces stay small however large the report, and the writer waits
 * for a stream that asks it to.
 */
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { type FormatName, formatters, streamedFormatters } from '../../src/report/index.js';
import { ELEMENTS_PER_PIECE, jsonPieces, LazyArray, lazyMap } from '../../src/report/json-pieces.js';
import type { Report } from '../../src/report/types.js';
import { writePieces } from '../../src/util/write-pieces.js';
import { sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);
const FORMATS = Object.keys(formatters) as FormatName[];

/** A report of `count` files with two findings each, every path different. */
function largeReport(count: number): Report {
  const base = sampleReport();
  const files = Array.from({ length: count }, (_, i) => ({
    ...base.files[i % base.files.length]!,
    path: `part${Math.floor(i / 100)}/f${i}.fits`,
  }));
  const findings = files.flatMap((file, i) => [
    { ...base.findings[(2 * i) % base.findings.length]!, path: file.path },
    { ...base.findings[(2 * i + 1) % base.findings.length]!, path: file.path, message: `message ${i}` },
  ]);
  return { ...base, files, findings, summary: { ...base.summary, files: count } };
}

describe('jsonPieces', () => {
  it('has the bytes of JSON.stringify for any JSON value, indented or not (property test, fixed seed)', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.jsonValue({ maxDepth: 2 }),
      long: fc.array(tie('node'), { minLength: 0, maxLength: 12 }),
      record: fc.dictionary(fc.string(), fc.option(tie('node'), { nil: undefined }), { maxKeys: 5 }),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('long'), tie('record')),
    })).node;
    fc.assert(
      fc.property(value, (json) => {
        for (const space of [0, 2] as const)
          expect([...jsonPieces(json, space)].join('')).toBe(JSON.stringify(json, null, space));
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('writes arrays a slice at a time, with the same bytes on either side of a slice boundary', () => {
    for (const count of [
      0,
      1,
      4,
      5,
      ELEMENTS_PER_PIECE - 1,
      ELEMENTS_PER_PIECE,
      ELEMENTS_PER_PIECE + 1,
      2345,
    ]) {
      const items = Array.from({ length: count }, (_, i) => ({ i, text: `t${i}`, list: [i, null] }));
      const value = { before: 1, nested: { items }, lazy: lazyMap(items, (item) => item.i), after: [] };
      for (const space of [0, 2] as const) {
        const pieces = [...jsonPieces(value, space)];
        expect(pieces.join('')).toBe(JSON.stringify(value, null, space));
        const longest = Math.max(...pieces.map((piece) => piece.length));
        // One slice, deeper indented: never the whole array at once.
        const slice = JSON.stringify(items.slice(0, ELEMENTS_PER_PIECE), null, space).length;
        expect(longest).toBeLessThan(1.5 * slice + 100);
        if (count > 2 * ELEMENTS_PER_PIECE)
          expect(longest).toBeLessThan(JSON.stringify(items, null, space).length / 2);
      }
    }
  });

  it('makes the elements of a lazy array only as it writes them', () => {
    let made = 0;
    const lazy = new LazyArray(function* () {
      for (let i = 0; i < 3 * ELEMENTS_PER_PIECE; i++) {
        made++;
        yield { i };
      }
    });
    const pieces = jsonPieces({ lazy }, 2);
    pieces.next();
    pieces.next();
    pieces.next();
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(ELEMENTS_PER_PIECE);
  });
});

describe('streamed formats', () => {
  it.each(FORMATS)('%s: the pieces are exactly the one-string report', (format) => {
    for (const report of [sampleReport(), largeReport(1500)]) {
      expect([...streamedFormatters[format](report, context)].join('')).toBe(
        formatters[format](report, context),
      );
    }
  });

  it.each(['json', 'sarif', 'junit', 'html', 'codeclimate', 'stylish'] as const)(
    '%s: a large report comes in many small pieces, none near the size of the whole',
    (format) => {
      const pieces = [...streamedFormatters[format](largeReport(3000), context)];
      const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
      const longest = Math.max(...pieces.map((piece) => piece.length));
      expect(pieces.length).toBeGreaterThan(5);
      expect(longest).toBeLessThan(total / 5);
    },
  );
});

/** A stream that takes `limit` characters and then asks the writer to wait for 'drain'. */
class SlowStream extends EventEmitter {
  writes: string[] = [];
  waiting = false;
  writesWhileWaiting = 0;
  write(chunk: string): boolean {
    if (this.waiting) this.writesWhileWaiting++;
    this.writes.push(chunk);
    this.waiting = true;
    setImmediate(() => {
      this.waiting = false;
      this.emit('drain');
    });
    return false;
  }
}

describe('writePieces', () => {
  it('writes a JSON report in chunks near the chosen size, never one string of the whole', async () => {
    const report = largeReport(3000);
    const stream = new SlowStream();
    const size = 64 * 1024;
    await writePieces(stream, streamedFormatters.json(report, context), size);
    const text = formatters.json(report, context);
    expect(stream.writes.join('')).toBe(text);
    expect(stream.writes.length).toBeGreaterThan(text.length / (4 * size));
    // A write is the chosen size plus at most one piece (a slice of elements).
    for (const chunk of stream.writes) expect(chunk.length).toBeLessThan(size + 400_000);
    expect(Math.max(...stream.writes.map((chunk) => chunk.length))).toBeLessThan(text.length / 4);
  });

  it('waits for drain before writing again', async () => {
    const stream = new SlowStream();
    await writePieces(stream, ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10), 'd'], 10);
    expect(stream.writes).toEqual(['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10), 'd']);
    expect(stream.writesWhileWaiting).toBe(0);
  });

  it('fails when the stream fails while the writer waits', async () => {
    const stream = new SlowStream();
    stream.write = function (chunk: string) {
      this.writes.push(chunk);
      setImmediate(() => this.emit('error', Object.assign(new Error('broken pipe'), { code: 'EPIPE' })));
      return false;
    };
    await expect(writePieces(stream, ['x'.repeat(10), 'y'], 10)).rejects.toThrow('broken pipe');
    expect(stream.writes).toEqual(['x'.repeat(10)]);
  });
});
