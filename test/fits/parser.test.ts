import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { addWords } from '../../src/fits/checksum.js';
import { FitsParser, parseFitsBytes } from '../../src/fits/parser.js';
import { readFits, readFitsFileSync } from '../../src/fits/read.js';
import {
  binaryTableCards,
  card,
  fitsFile,
  imageExtensionCards,
  int16Data,
  primaryCards,
  simpleImageFile,
} from '../support/fits-builder.js';

const dir = mkdtempSync(join(tmpdir(), 'hlsp-fits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function threeHduFile(): Buffer {
  const rows = 4;
  const table = Buffer.alloc(rows * 12);
  for (let r = 0; r < rows; r++) {
    table.writeDoubleBE(r * 1.5, r * 12);
    table.writeInt32BE(r, r * 12 + 8);
  }
  return fitsFile([
    { cards: primaryCards(), checksum: true },
    {
      cards: imageExtensionCards({ axes: [10, 10], extname: 'SCI' }),
      data: int16Data(new Array(100).fill(7)),
      checksum: true,
    },
    {
      cards: binaryTableCards(
        [
          { name: 'TIME', format: 'D', unit: 'd' },
          { name: 'FLAG', format: 'J' },
        ],
        rows,
        12,
      ),
      data: table,
      checksum: true,
    },
  ]);
}

describe('FitsParser', () => {
  it('walks every HDU, computes data sizes, and sums data and headers to -0', () => {
    const file = parseFitsBytes(threeHduFile());
    expect(file.problems).toEqual([]);
    expect(file.hdus.map((h) => h.kind)).toEqual(['primary', 'image', 'binary-table']);
    expect(file.hdus.map((h) => h.dataSize)).toEqual([0, 200, 48]);
    for (const hdu of file.hdus) {
      expect(((hdu.headerSum ?? 0) + (hdu.dataSum ?? 0)) % 0xffffffff).toBe(0);
    }
    expect(file.hdus[2]!.columns?.map((c) => [c.name, c.code, c.width])).toEqual([
      ['TIME', 'D', 8],
      ['FLAG', 'J', 4],
    ]);
    expect(file.hdus[2]!.tableBytes?.length).toBe(48);
  });

  it('gives the same result whatever the chunk size', () => {
    const bytes = threeHduFile();
    const whole = parseFitsBytes(bytes);
    for (const size of [1, 7, 80, 2879, 4096]) {
      const parser = new FitsParser();
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.subarray(i, i + size));
      const chunked = parser.end();
      expect(chunked.hdus.map((h) => [h.dataSum, h.headerSum, h.cards.length])).toEqual(
        whole.hdus.map((h) => [h.dataSum, h.headerSum, h.cards.length]),
      );
    }
  });

  it('keeps parsers in flight together apart, also after one ended twice', () => {
    const bytes = threeHduFile();
    const other = simpleImageFile();
    const whole = parseFitsBytes(bytes);
    const alone = parseFitsBytes(other);
    const summary = (file: ReturnType<typeof parseFitsBytes>) =>
      file.hdus.map((hdu) => [hdu.kind, hdu.cards.length, hdu.headerSum, hdu.dataSum]);
    // An ended parser hands its scratch memory to the next one; a second `end` must not hand it
    // out again while that parser still reads into it.
    const ended = new FitsParser();
    ended.push(bytes);
    ended.end();
    const first = new FitsParser();
    const second = new FitsParser();
    ended.end();
    const third = new FitsParser();
    for (let at = 0; at < Math.max(bytes.length, other.length); at += 1000) {
      first.push(bytes.subarray(at, at + 1000));
      second.push(other.subarray(at, at + 1000));
      third.push(bytes.subarray(at, at + 1000));
    }
    expect(summary(first.end())).toEqual(summary(whole));
    expect(summary(second.end())).toEqual(summary(alone));
    expect(summary(third.end())).toEqual(summary(whole));
  });

  it('reports truncated data and keeps the HDUs before it', () => {
    const bytes = threeHduFile();
    const file = parseFitsBytes(bytes.subarray(0, bytes.length - 100));
    expect(file.problems.map((p) => p.code)).toEqual(['data-truncated']);
    expect(file.hdus).toHaveLength(3);
  });

  it('reports trailing bytes after the last HDU', () => {
    const file = parseFitsBytes(Buffer.concat([simpleImageFile(), Buffer.from('garbage')]));
    expect(file.trailingBytes).toBe(7);
  });

  it('reports a header without END that runs into binary data', () => {
    const bytes = fitsFile([
      { cards: primaryCards({ bitpix: 16, axes: [2] }), noEnd: true, data: int16Data([0, 1]) },
    ]);
    const file = parseFitsBytes(bytes);
    expect(file.problems.map((p) => p.code)).toEqual(['no-end']);
    expect(file.hdus[0]!.endIndex).toBe(-1);
  });

  it('reports a file that ends inside a header as truncated, keeping the cards of a last partial block', () => {
    const cards = [...primaryCards(), ...Array.from({ length: 40 }, (_, i) => card(`KEY${i}`, i))];
    const whole = fitsFile([{ cards }]);
    for (const length of [2880, 2880 + 800]) {
      const file = parseFitsBytes(whole.subarray(0, length));
      expect(file.problems).toEqual([
        {
          code: 'header-truncated',
          hdu: 0,
          offset: 0,
          message: "the file ends inside HDU 0's header, before its END card",
        },
      ]);
      expect(file.trailingBytes).toBe(0);
      expect(file.hdus[0]!.cards).toHaveLength(length / 80);
    }
  });

  it('reports non-FITS and empty input', () => {
    expect(parseFitsBytes(Buffer.from([0, 1, 2, 3, ...new Array(3000).fill(0)])).problems[0]!.code).toBe(
      'not-fits',
    );
    expect(parseFitsBytes(Buffer.alloc(0)).problems[0]!.code).toBe('empty-file');
  });

  it('does not allocate for a size the header merely claims', () => {
    const bytes = fitsFile([{ cards: primaryCards({ bitpix: 8, axes: [2_000_000_000, 2_000_000_000] }) }]);
    const file = parseFitsBytes(bytes);
    expect(file.hdus[0]!.dataSize).toBe(4e18 > Number.MAX_SAFE_INTEGER ? -1 : 4e18);
    expect(file.problems.map((p) => p.code)).toEqual(['bad-size']);
  });

  it('counts non-zero data fill', () => {
    const bytes = fitsFile([
      {
        cards: primaryCards({ bitpix: 16, axes: [10] }),
        data: int16Data(new Array(10).fill(1)),
        dataFill: 0x41,
      },
    ]);
    const file = parseFitsBytes(bytes);
    expect(file.hdus[0]!.badFillBytes).toBe(2880 - 20);
    expect(file.hdus[0]!.badFillOffset).toBe(2880 + 20);
  });

  it('stops a header larger than the limit', () => {
    const cards = [...primaryCards(), ...Array.from({ length: 400 }, (_, i) => card(`KEY${i}`, i))];
    const file = parseFitsBytes(fitsFile([{ cards, noEnd: true }]), { limits: { maxHeaderBytes: 2880 * 3 } });
    expect(file.problems.map((p) => p.code)).toContain('header-too-large');
  });

  it('reads a file of exactly maxHdus HDUs without a problem, and stops at one more', () => {
    const hdus = (count: number) =>
      fitsFile([
        { cards: primaryCards() },
        ...Array.from({ length: count - 1 }, () => ({ cards: imageExtensionCards() })),
      ]);
    const exact = parseFitsBytes(hdus(3), { limits: { maxHdus: 3 } });
    expect(exact.problems).toEqual([]);
    expect(exact.hdus).toHaveLength(3);
    const over = parseFitsBytes(hdus(4), { limits: { maxHdus: 3 } });
    expect(over.problems).toEqual([
      {
        code: 'too-many-hdus',
        hdu: null,
        offset: 3 * 2880,
        message: 'the file has more than 3 HDUs; the rest of the file was not read',
      },
    ]);
    expect(over.hdus).toHaveLength(3);
  });

  it('does not count trailing bytes after the last allowed HDU as another HDU', () => {
    const bytes = Buffer.concat([fitsFile([{ cards: primaryCards() }]), Buffer.alloc(2880)]);
    const file = parseFitsBytes(bytes, { limits: { maxHdus: 1 } });
    expect(file.problems).toEqual([]);
    expect(file.trailingBytes).toBe(2880);
  });
});

describe('file readers', () => {
  it('reads plain and gzip files to the same HDUs and hashes the stored bytes', async () => {
    const bytes = threeHduFile();
    const plain = join(dir, 'a.fits');
    const gz = join(dir, 'a.fits.gz');
    writeFileSync(plain, bytes);
    writeFileSync(gz, gzipSync(bytes));
    const a = readFitsFileSync(plain);
    const b = await readFits(gz);
    expect(b.compressed).toBe(true);
    expect(b.hdus.map((h) => h.dataSum)).toEqual(a.hdus.map((h) => h.dataSum));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).not.toBe(a.sha256);
  });

  it('keeps a table that spans several reads whole, in plain and gzip files alike', async () => {
    // 3 MiB of rows: the plain reader reads 1 MiB at a time into one reused buffer.
    const rows = (3 << 20) / 8;
    const table = Buffer.alloc(rows * 8);
    for (let r = 0; r < rows; r++) table.writeDoubleBE(r, r * 8);
    const bytes = fitsFile([
      { cards: primaryCards() },
      { cards: binaryTableCards([{ name: 'TIME', format: 'D' }], rows, 8), data: table },
    ]);
    const plain = join(dir, 'long-table.fits');
    const gz = join(dir, 'long-table.fits.gz');
    writeFileSync(plain, bytes);
    writeFileSync(gz, gzipSync(bytes));
    for (const file of [readFitsFileSync(plain), await readFits(gz)]) {
      expect(file.hdus[1]!.tableBytes?.length).toBe(table.length);
      expect(Buffer.from(file.hdus[1]!.tableBytes!).equals(table)).toBe(true);
    }
  });

  it('stops a gzip bomb at the inflate limit', async () => {
    const bomb = join(dir, 'bomb.fits.gz');
    writeFileSync(bomb, gzipSync(Buffer.concat([simpleImageFile(), Buffer.alloc(20 * 1024 * 1024)])));
    const file = await readFits(bomb, { limits: { maxInflatedBytes: 1024 * 1024 } });
    expect(file.problems.map((p) => p.code)).toContain('inflate-limit');
  });

  it('reports a corrupt gzip stream as a problem, not an exception', async () => {
    const broken = join(dir, 'broken.fits.gz');
    const gz = gzipSync(threeHduFile());
    writeFileSync(broken, gz.subarray(0, gz.length - 200));
    const file = await readFits(broken);
    expect(file.problems.map((p) => p.code)).toContain('gzip-error');
  });

  it('sums agree with a direct sum over the data', () => {
    const bytes = threeHduFile();
    const file = parseFitsBytes(bytes);
    const image = file.hdus[1]!;
    expect(image.dataSum).toBe(addWords(0, bytes, image.dataOffset, image.dataOffset + image.paddedDataSize));
  });
});
