/**
 * The broken corpus: small FITS files, each with exactly one defect, built from one valid base.
 * `UPDATE_GOLDEN=1 npx vitest run test/fixtures` writes them to fixtures/broken/; the tests check
 * the committed bytes still equal what is built here and pin every finding in a golden file.
 */
import {
  binaryTableCards,
  type CardSpec,
  card,
  fitsFile,
  float32Data,
  type HduSpec,
  imageExtensionCards,
  int16Data,
  primaryCards,
  rawCard,
} from './fits-builder.js';
import { compressImageHdu } from './tile-compress.js';

export interface BrokenCase {
  name: string;
  description: string;
  build(): Buffer;
  /** The rule ids the defect must trigger (sorted, unique). */
  expectedRules: string[];
}

const PIXELS = int16Data(Array.from({ length: 100 }, (_, i) => i));

function image(extra: CardSpec[] = [], options: Partial<HduSpec> = {}): HduSpec {
  return { cards: [...primaryCards({ bitpix: 16, axes: [10, 10] }), ...extra], data: PIXELS, ...options };
}

function withCards(mutate: (cards: CardSpec[]) => void, extra: CardSpec[] = []): Buffer {
  const spec = image(extra);
  mutate(spec.cards);
  return fitsFile([spec]);
}

function replace(cards: CardSpec[], keyword: string, replacement: CardSpec): void {
  cards[cards.findIndex((c) => c.keyword === keyword)] = replacement;
}

function table(
  columns: { name: string; format: string; unit?: string }[],
  rows: number,
  rowBytes: number,
  data: Buffer,
  extra: CardSpec[] = [],
  pcount = 0,
): Buffer {
  return fitsFile([
    { cards: primaryCards() },
    { cards: [...binaryTableCards(columns, rows, rowBytes, { pcount }), ...extra], data },
  ]);
}

/** Replaces bytes at an offset in a built file. */
function patch(bytes: Buffer, offset: number, text: string | Buffer): Buffer {
  const copy = Buffer.from(bytes);
  (typeof text === 'string' ? Buffer.from(text, 'latin1') : text).copy(copy, offset);
  return copy;
}

function vlaTable(offsetOfRow2: number): Buffer {
  const rows = Buffer.alloc(16);
  rows.writeInt32BE(2, 0);
  rows.writeInt32BE(0, 4);
  rows.writeInt32BE(2, 8);
  rows.writeInt32BE(offsetOfRow2, 12);
  const heap = Buffer.alloc(16, 0);
  return table([{ name: 'ARR', format: '1PJ(2)' }], 2, 8, Buffer.concat([rows, heap]), [], 16);
}

export const brokenCases: BrokenCase[] = [
  {
    name: 'valid-image',
    description: 'a clean image (the base of every case)',
    build: () => fitsFile([image()]),
    expectedRules: [],
  },
  {
    name: 'valid-checksum',
    description: 'a clean image with correct CHECKSUM and DATASUM',
    build: () => fitsFile([image([], { checksum: true })]),
    expectedRules: [],
  },
  {
    name: 'lowercase-keyword',
    description: "'object  =' written in lower case",
    build: () => withCards(() => {}, [rawCard("object  = 'M101    '")]),
    expectedRules: ['fits/card-characters'],
  },
  {
    name: 'tab-in-string',
    description: 'a TAB inside a string value',
    build: () => withCards(() => {}, [rawCard("OBJECT  = 'M101\tX'")]),
    expectedRules: ['fits/card-characters'],
  },
  {
    name: 'no-end',
    description: 'the header has no END card; its data follows',
    build: () => fitsFile([{ ...image(), noEnd: true }]),
    expectedRules: ['fits/end-card'],
  },
  {
    name: 'primary-without-end-before-extension',
    description:
      'the primary header has no END card and an image extension follows: one finding at the byte where END belonged, not XTENSION-in-primary or duplicate keywords',
    build: () =>
      fitsFile([
        { cards: [...primaryCards(), card('OBJECT', 'M101'), card('TELESCOP', 'JWST')], noEnd: true },
        { cards: [...imageExtensionCards({ axes: [10, 10] }), card('EXTNAME', 'SCI')], data: PIXELS },
      ]),
    expectedRules: ['fits/end-card'],
  },
  {
    name: 'header-fill-not-blank',
    description: 'bytes after END are not spaces',
    build: () => fitsFile([{ ...image(), headerFill: 0x41 }]),
    expectedRules: ['fits/end-card'],
  },
  {
    name: 'data-fill-not-zero',
    description: 'data fill is not zero',
    build: () => fitsFile([{ ...image(), dataFill: 0x01 }]),
    expectedRules: ['fits/data-fill'],
  },
  {
    name: 'data-truncated',
    description: 'the data unit is cut short',
    build: () => fitsFile([image()]).subarray(0, 2880 + 1000),
    expectedRules: ['fits/truncated'],
  },
  {
    name: 'header-truncated',
    description: 'the file ends inside the header',
    build: () => fitsFile([image()]).subarray(0, 2000),
    expectedRules: ['fits/truncated'],
  },
  {
    name: 'header-cut-at-block-boundary',
    description: 'the file ends after the first of two header blocks',
    build: () =>
      fitsFile([image(Array.from({ length: 40 }, (_, i) => card(`KEY${i}`, i)))]).subarray(0, 2880),
    expectedRules: ['fits/truncated'],
  },
  {
    name: 'trailing-garbage',
    description: '7 garbage bytes after the last HDU',
    build: () => Buffer.concat([fitsFile([image()]), Buffer.from('garbage')]),
    expectedRules: ['fits/trailing-bytes'],
  },
  {
    name: 'free-format-naxis1',
    description: 'NAXIS1 not in fixed format',
    build: () => withCards((c) => replace(c, 'NAXIS1', rawCard('NAXIS1  = 10'))),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'missing-quote',
    description: 'a string without its closing quote',
    build: () => withCards(() => {}, [rawCard("OBJECT  = 'M101")]),
    expectedRules: ['fits/value-syntax'],
  },
  {
    name: 'lowercase-exponent',
    description: "a real written '1.5e+03'",
    build: () => withCards(() => {}, [rawCard('EXPTIME =              1.5e+03')]),
    expectedRules: ['fits/value-syntax'],
  },
  {
    name: 'bad-date',
    description: "DATE-OBS = '2024-13-45T25:61:00'",
    build: () => withCards(() => {}, [card('DATE-OBS', '2024-13-45T25:61:00')]),
    expectedRules: ['fits/date-format'],
  },
  {
    name: 'date-with-z',
    description: 'a date with a trailing Z',
    build: () => withCards(() => {}, [card('DATE-OBS', '2024-01-02T03:04:05Z')]),
    expectedRules: ['fits/date-format'],
  },
  {
    name: 'blank-in-float-image',
    description: 'BLANK in a BITPIX -32 image',
    build: () =>
      fitsFile([
        {
          cards: [...primaryCards({ bitpix: -32, axes: [4] }), card('BLANK', -1)],
          data: float32Data([1, 2, 3, 4]),
        },
      ]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'pc-and-cd',
    description: 'PC1_1 and CD1_1 together',
    build: () => withCards(() => {}, [card('PC1_1', 1.0), card('CD1_1', 1.0)]),
    expectedRules: ['fits/wcs-keywords'],
  },
  {
    name: 'duplicate-keyword',
    description: 'OBJECT twice',
    build: () => withCards(() => {}, [card('OBJECT', 'A'), card('OBJECT', 'B')]),
    expectedRules: ['fits/duplicate-keyword'],
  },
  {
    name: 'duplicate-mandatory',
    description: 'BITPIX twice',
    build: () => withCards(() => {}, [card('BITPIX', 16)]),
    expectedRules: ['fits/duplicate-keyword'],
  },
  {
    name: 'bitpix-12',
    description: 'BITPIX = 12',
    build: () => withCards((c) => replace(c, 'BITPIX', card('BITPIX', 12))),
    expectedRules: ['fits/file-readable', 'fits/mandatory-keywords'],
  },
  {
    name: 'non-ascii-comment',
    description: 'a Latin-1 character in a comment',
    build: () => withCards(() => {}, [rawCard("OBJECT  = 'M101    '           / caf\u00e9")]),
    expectedRules: ['fits/card-characters'],
  },
  {
    name: 'text-without-slash',
    description: 'text after the value with no /',
    build: () => withCards(() => {}, [rawCard('EXPTIME =                 12.0 seconds')]),
    expectedRules: ['fits/value-syntax'],
  },
  {
    name: 'negative-naxis1',
    description: 'NAXIS1 = -10',
    build: () => withCards((c) => replace(c, 'NAXIS1', card('NAXIS1', -10))),
    expectedRules: ['fits/file-readable', 'fits/mandatory-keywords'],
  },
  {
    name: 'nul-header-fill',
    description: 'NUL bytes as header fill',
    build: () => fitsFile([{ ...image(), headerFill: 0 }]),
    expectedRules: ['fits/end-card'],
  },
  {
    name: 'extend-false-with-extension',
    description: 'EXTEND = F but an extension follows',
    build: () =>
      fitsFile([
        { cards: [...primaryCards({ extend: false }), card('EXTEND', false)] },
        { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]) },
      ]),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'epoch',
    description: 'the deprecated EPOCH keyword',
    build: () => withCards(() => {}, [card('EPOCH', 2000.0)]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'pcount-gcount-swapped',
    description: 'GCOUNT before PCOUNT in an extension',
    build: () => {
      const cards = imageExtensionCards({ axes: [2] });
      const p = cards.findIndex((c) => c.keyword === 'PCOUNT');
      [cards[p], cards[p + 1]] = [cards[p + 1]!, cards[p]!];
      return fitsFile([{ cards: primaryCards() }, { cards, data: int16Data([1, 2]) }]);
    },
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'tform-1z',
    description: "TFORM1 = '1Z'",
    build: () => table([{ name: 'X', format: '1Z' }], 1, 1, Buffer.alloc(1)),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'vla-outside-heap',
    description: 'a variable-length array descriptor pointing beyond the heap',
    build: () => vlaTable(4096),
    expectedRules: ['fits/heap'],
  },
  {
    name: 'vla-valid',
    description: 'a valid variable-length array table',
    build: () => vlaTable(8),
    expectedRules: [],
  },
  {
    name: 'tnull-on-float',
    description: 'TNULL1 on an E column',
    build: () => table([{ name: 'F', format: 'E' }], 1, 4, Buffer.alloc(4), [card('TNULL1', -99)]),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'naxis1-mismatch',
    description: 'NAXIS1 differs from the sum of column widths',
    build: () =>
      table(
        [
          { name: 'A', format: 'J' },
          { name: 'B', format: 'D' },
        ],
        1,
        10,
        Buffer.alloc(10),
      ),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'duplicate-ttype',
    description: 'two columns with the same name',
    build: () =>
      table(
        [
          { name: 'FLUX', format: 'E' },
          { name: 'flux', format: 'E' },
        ],
        1,
        8,
        Buffer.alloc(8),
      ),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'tdim-too-large',
    description: 'TDIM1 with more elements than the repeat count',
    build: () => table([{ name: 'M', format: '4E' }], 1, 16, Buffer.alloc(16), [card('TDIM1', '(3,3)')]),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'column-index-beyond-tfields',
    description: 'TTYPE3 in a 1-column table',
    build: () => table([{ name: 'A', format: 'J' }], 1, 4, Buffer.alloc(4), [card('TTYPE3', 'GHOST')]),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'bad-logical-column',
    description: "a logical column holding 'X'",
    build: () => table([{ name: 'OK', format: 'L' }], 2, 1, Buffer.from('TX')),
    expectedRules: ['fits/heap'],
  },
  {
    name: 'theap-beyond-data',
    description: 'THEAP beyond the end of the data',
    build: () =>
      table([{ name: 'ARR', format: '1PJ(2)' }], 1, 8, Buffer.alloc(8 + 8), [card('THEAP', 99999)], 8),
    expectedRules: ['fits/heap'],
  },
  {
    name: 'bscale-in-table',
    description: 'BSCALE in a binary table',
    build: () => table([{ name: 'A', format: 'J' }], 1, 4, Buffer.alloc(4), [card('BSCALE', 2.0)]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'bunit-unparsable',
    description: 'a BUNIT that the FITS unit grammar cannot parse',
    build: () => withCards(() => {}, [card('BUNIT', 'erg/s/(cm2')]),
    expectedRules: ['fits/units'],
  },
  {
    name: 'tform-in-image',
    description: 'TFORM1 in an image header',
    build: () => withCards(() => {}, [card('TFORM1', 'E')]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'extend-in-extension',
    description: 'EXTEND in an image extension',
    build: () =>
      fitsFile([
        { cards: primaryCards() },
        { cards: [...imageExtensionCards({ axes: [2] }), card('EXTEND', true)], data: int16Data([1, 2]) },
      ]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'unknown-xtension',
    description: "XTENSION = 'FANCY'",
    build: () =>
      fitsFile([
        { cards: primaryCards() },
        { cards: [card('XTENSION', 'FANCY'), ...imageExtensionCards().slice(1)] },
      ]),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'image-pcount-nonzero',
    description: 'PCOUNT = 4 in an IMAGE extension',
    build: () =>
      fitsFile([
        { cards: primaryCards() },
        {
          cards: imageExtensionCards({ axes: [2] }).map((c) =>
            c.keyword === 'PCOUNT' ? card('PCOUNT', 4) : c,
          ),
          data: Buffer.alloc(8),
        },
      ]),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'missing-naxis2',
    description: 'NAXIS = 2 but no NAXIS2',
    build: () =>
      withCards((c) =>
        c.splice(
          c.findIndex((x) => x.keyword === 'NAXIS2'),
          1,
        ),
      ),
    expectedRules: ['fits/file-readable', 'fits/mandatory-keywords'],
  },
  {
    name: 'bad-datasum',
    description: 'a data byte changed after the sums were written',
    build: () => {
      const bytes = fitsFile([image([], { checksum: true })]);
      bytes[2880 + 10]! ^= 0xff;
      return bytes;
    },
    expectedRules: ['fits/checksum'],
  },
  {
    name: 'bad-checksum-header-edited',
    description: 'a header value changed after the sums were written',
    build: () => {
      const bytes = fitsFile([image([card('OBJECT', 'M101')], { checksum: true })]);
      const at = bytes.indexOf("'M101");
      return patch(bytes, at, "'M102");
    },
    expectedRules: ['fits/checksum'],
  },
  {
    name: 'checksum-alternate-encoding',
    description: 'a valid CHECKSUM written with a different encoding of the same sum (must pass)',
    build: () => {
      const bytes = fitsFile([image([], { checksum: true })]);
      const at = bytes.indexOf('CHECKSUM= ') + 11;
      const encoded = bytes.subarray(at, at + 16).toString('latin1');
      // Swapping characters 4 apart keeps every byte lane's sum, so the checksum stays valid.
      const swapped = encoded[4]! + encoded.slice(1, 4) + encoded[0]! + encoded.slice(5);
      return encoded === swapped ? bytes : patch(bytes, at, swapped);
    },
    expectedRules: [],
  },
  {
    name: 'blank-datasum',
    description: "DATASUM = '' (blank counts as absent; must pass)",
    build: () => withCards(() => {}, [card('DATASUM', '')]),
    expectedRules: [],
  },
  {
    name: 'continue-and-hierarch',
    description: 'a CONTINUE long string and a HIERARCH card (valid)',
    build: () =>
      withCards(() => {}, [
        card('LONGSTRN', 'OGIP 1.0'),
        rawCard("LONGVAL = 'first part of a long string that continues &'"),
        rawCard("CONTINUE  'on the next card'"),
        rawCard('HIERARCH ESO DET CHIP TEMP = 120.5 / kelvin'),
      ]),
    expectedRules: [],
  },
  {
    name: 'big-integer',
    description: 'an integer beyond 2^53 (valid)',
    build: () => withCards(() => {}, [card('BIGINT', 123456789012345678901234n)]),
    expectedRules: [],
  },
  {
    name: 'end-not-blank',
    description: 'text after END in the END card',
    build: () => patch(fitsFile([image()]), fitsFile([image()]).indexOf('END     ') + 10, 'junk'),
    expectedRules: ['fits/end-card'],
  },
  {
    name: 'wcs-axis-beyond-wcsaxes',
    description: 'CRPIX3 with WCSAXES = 2',
    build: () => withCards(() => {}, [card('WCSAXES', 2), card('CRPIX3', 1.0)]),
    expectedRules: ['fits/wcs-keywords'],
  },
  {
    name: 'compressed-bad-zcmptype',
    description: "a tile-compressed image with ZCMPTYPE = 'ZIP_9'",
    build: () =>
      table([{ name: 'COMPRESSED_DATA', format: '1PB(10)' }], 1, 8, Buffer.alloc(8), [
        card('ZIMAGE', true),
        card('ZCMPTYPE', 'ZIP_9'),
        card('ZBITPIX', 16),
        card('ZNAXIS', 1),
        card('ZNAXIS1', 10),
      ]),
    expectedRules: ['fits/tile-compression'],
  },
  {
    name: 'compressed-damaged-tile',
    description: 'a RICE_1 image whose second tile was overwritten',
    build: () => {
      const values = Array.from({ length: 10 * 4 }, (_, i) => ((i * 37) % 101) - 50);
      const image = { cards: imageExtensionCards({ bitpix: 16, axes: [10, 4] }), data: int16Data(values) };
      const compressed = { ...compressImageHdu(image, { algorithm: 'RICE_1' }), checksum: false };
      const data = Buffer.from(compressed.data!);
      const secondTile = 4 * 8 + data.readInt32BE(8 + 4);
      data.fill(0xff, secondTile + 1, secondTile + 5);
      return fitsFile([{ cards: primaryCards() }, { ...compressed, data }]);
    },
    expectedRules: ['fits/tile-data'],
  },
  {
    name: 'groups-with-naxis1-not-zero',
    description: 'GROUPS = T on an image whose NAXIS1 is not 0',
    build: () => withCards(() => {}, [card('GROUPS', true), card('PCOUNT', 0), card('GCOUNT', 1)]),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'pcount-gcount-in-primary',
    description: 'PCOUNT and GCOUNT in a primary header without GROUPS',
    build: () => withCards(() => {}, [card('PCOUNT', 0), card('GCOUNT', 1)]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'inherit-false-in-primary',
    description: 'INHERIT = F in the primary header',
    build: () => withCards(() => {}, [card('INHERIT', false)]),
    expectedRules: ['fits/reserved-keywords'],
  },
  {
    name: 'simple-false',
    description: 'SIMPLE = F: the file says it does not conform (a warning)',
    build: () => withCards((cards) => replace(cards, 'SIMPLE', card('SIMPLE', false))),
    expectedRules: ['fits/mandatory-keywords'],
  },
  {
    name: 'tdisp-logical-on-float',
    description: 'TDISP1 = L1 on a float column',
    build: () => table([{ name: 'FLUX', format: 'E' }], 1, 4, Buffer.alloc(4), [card('TDISP1', 'L1')]),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'tdisp-width-without-room',
    description: 'TDISP1 = F4.4: no room for the point and a digit',
    build: () => table([{ name: 'FLUX', format: 'E' }], 1, 4, Buffer.alloc(4), [card('TDISP1', 'F4.4')]),
    expectedRules: ['fits/table-columns'],
  },
  {
    name: 'not-fits',
    description: 'a PNG renamed .fits',
    build: () =>
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000)]),
    expectedRules: ['fits/file-readable'],
  },
  {
    name: 'empty',
    description: 'an empty file',
    build: () => Buffer.alloc(0),
    expectedRules: ['fits/file-readable'],
  },
];
