import { describe, expect, it } from 'vitest';
import { tileCompression } from '../../../src/rules/fits/tile-compression.js';
import { type CardSpec, card } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { tableFile } from './fits-fixtures.js';

const VALID: CardSpec[] = [
  card('ZIMAGE', true),
  card('ZCMPTYPE', 'RICE_1'),
  card('ZBITPIX', 16),
  card('ZNAXIS', 2),
  card('ZNAXIS1', 10),
  card('ZNAXIS2', 10),
  card('ZTILE1', 10),
  card('ZTILE2', 10),
];

/** VALID with `extra` after ZCMPTYPE, where fpack writes ZTENSION: before the image's other keywords. */
function withCards(extra: CardSpec[], cards = VALID): CardSpec[] {
  const at = cards.findIndex((c) => c.keyword === 'ZCMPTYPE') + 1;
  return [...cards.slice(0, at), ...extra, ...cards.slice(at)];
}

/**
 * A compressed-image table with Z keywords: VALID, with `changes` replacing (or, with null, removing)
 * cards; changes to keywords VALID does not have are added after ZCMPTYPE.
 */
function compressed(changes: Record<string, CardSpec | null> = {}, column = 'COMPRESSED_DATA') {
  const replaced = VALID.filter((c) => changes[c.keyword] !== null).map((c) => changes[c.keyword] ?? c);
  const added = Object.entries(changes).filter(([keyword]) => !VALID.some((c) => c.keyword === keyword));
  const cards = withCards(
    added.flatMap(([, change]) => (change ? [change] : [])),
    replaced,
  );
  return runFitsRules(tableFile([{ name: column, format: '1PB(10)' }], 1, 8, cards), [tileCompression]);
}

describe('fits/tile-compression', () => {
  it('passes a well-formed compressed image', () => {
    expect(compressed()).toEqual([]);
  });

  it('ignores tables without ZIMAGE = T', () => {
    expect(compressed({ ZIMAGE: null, ZCMPTYPE: card('ZCMPTYPE', 'ZIP_9') })).toEqual([]);
    expect(compressed({ ZIMAGE: card('ZIMAGE', false), ZBITPIX: card('ZBITPIX', 12) })).toEqual([]);
  });

  it('reports an unknown ZCMPTYPE', () => {
    expect(compressed({ ZCMPTYPE: card('ZCMPTYPE', 'ZIP_9') })).toEqual([
      expect.objectContaining({
        ruleId: 'fits/tile-compression',
        severity: 'error',
        hdu: 1,
        keyword: 'ZCMPTYPE',
        message: "ZCMPTYPE = 'ZIP_9' is not a known compression algorithm",
      }),
    ]);
  });

  it('reports a missing ZCMPTYPE, pointing at the header', () => {
    expect(compressed({ ZCMPTYPE: null })).toEqual([
      expect.objectContaining({
        keyword: 'ZCMPTYPE',
        offset: 2880,
        message: 'a compressed image needs ZCMPTYPE',
        hint: 'one of RICE_1, RICE_ONE, GZIP_1, GZIP_2, PLIO_1, HCOMPRESS_1, NOCOMPRESS',
      }),
    ]);
  });

  it.each([
    [
      'ZBITPIX = 12',
      { ZBITPIX: card('ZBITPIX', 12) },
      'ZBITPIX',
      'ZBITPIX = 12 must be one of 8, 16, 32, 64, -32, -64',
    ],
    ['no ZBITPIX', { ZBITPIX: null }, 'ZBITPIX', 'ZBITPIX = (missing) must be one of'],
    ['no ZNAXIS', { ZNAXIS: null }, 'ZNAXIS', 'ZNAXIS = (missing) must be an integer from 0 to 999'],
    ['no ZNAXIS2', { ZNAXIS2: null }, 'ZNAXIS2', 'ZNAXIS2 is missing or negative'],
    ['ZTILE1 > ZNAXIS1', { ZTILE1: card('ZTILE1', 11) }, 'ZTILE1', 'ZTILE1 = 11 is outside 1..ZNAXIS1 (10)'],
    ['ZTILE2 = 0', { ZTILE2: card('ZTILE2', 0) }, 'ZTILE2', 'ZTILE2 = 0 is outside 1..ZNAXIS2 (10)'],
    [
      'more tiles than rows',
      { ZTILE2: card('ZTILE2', 5) },
      'NAXIS2',
      'the table has 1 rows, but ZNAXISn and ZTILEn divide the image into 2 tiles (one row per tile)',
    ],
    [
      'ZNAXIS2 that disagrees with the rows',
      { ZNAXIS2: card('ZNAXIS2', 25), ZTILE2: card('ZTILE2', 10) },
      'NAXIS2',
      'divide the image into 3 tiles',
    ],
    [
      'a quoted ZIMAGE',
      { ZIMAGE: card('ZIMAGE', 'T') },
      'ZIMAGE',
      'must be the logical T (or F); the table is not read as a compressed image',
    ],
    [
      'an unknown ZQUANTIZ',
      { ZQUANTIZ: card('ZQUANTIZ', 'DITHER_3') },
      'ZQUANTIZ',
      "ZQUANTIZ = 'DITHER_3' is not a known quantization method",
    ],
    [
      'ZDITHER0 beyond the dither sequence',
      { ZDITHER0: card('ZDITHER0', 10_001) },
      'ZDITHER0',
      'ZDITHER0 = 10001 must be an integer from 1 to 10000',
    ],
    [
      'ZNAME1 without ZVAL1',
      { ZNAME1: card('ZNAME1', 'BLOCKSIZE') },
      'ZNAME1',
      "ZNAME1 = 'BLOCKSIZE' has no ZVAL1",
    ],
    ['ZVAL1 without ZNAME1', { ZVAL1: card('ZVAL1', 32) }, 'ZNAME1', 'ZVAL1 is given without ZNAME1'],
    ['ZSIMPLE = F', { ZSIMPLE: card('ZSIMPLE', false) }, 'ZSIMPLE', 'ZSIMPLE = F must be T'],
    ['ZTENSION of a table', { ZTENSION: card('ZTENSION', 'BINTABLE') }, 'ZTENSION', "must be 'IMAGE'"],
    ['ZPCOUNT = 3', { ZPCOUNT: card('ZPCOUNT', 3) }, 'ZPCOUNT', 'ZPCOUNT = 3 must be 0'],
    ['ZGCOUNT = 2', { ZGCOUNT: card('ZGCOUNT', 2) }, 'ZGCOUNT', 'ZGCOUNT = 2 must be 1'],
  ])('reports %s', (_, changes, keyword, message) => {
    const findings = compressed(changes);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/tile-compression',
      severity: 'error',
      hdu: 1,
      keyword,
    });
    expect(findings[0]!.message).toContain(message);
  });

  it('passes the optional Z keywords with valid values', () => {
    const cards = [
      card('ZNAME1', 'BLOCKSIZE'),
      card('ZVAL1', 32),
      card('ZNAME2', 'BYTEPIX'),
      card('ZVAL2', 2),
      card('ZQUANTIZ', 'SUBTRACTIVE_DITHER_1'),
      card('ZDITHER0', 0),
      card('ZTENSION', 'IMAGE'),
      card('ZPCOUNT', 0),
      card('ZGCOUNT', 1),
    ];
    const file = tableFile([{ name: 'COMPRESSED_DATA', format: '1PB(10)' }], 1, 8, withCards(cards));
    expect(runFitsRules(file, [tileCompression])).toEqual([]);
  });

  it('reports a RICE_1 block size decoders do not know, and ZSIMPLE with ZTENSION', () => {
    const cards = [
      card('ZSIMPLE', true),
      card('ZTENSION', 'IMAGE'),
      card('ZNAME1', 'BLOCKSIZE'),
      card('ZVAL1', 7),
    ];
    const file = tableFile([{ name: 'COMPRESSED_DATA', format: '1PB(10)' }], 1, 8, withCards(cards));
    expect(runFitsRules(file, [tileCompression]).map((f) => [f.keyword, f.message])).toEqual([
      ['ZVAL1', 'ZVAL1 = 7 is not a valid RICE_1 BLOCKSIZE (one of 16, 32)'],
      [
        'ZTENSION',
        'ZSIMPLE and ZTENSION are both given; the image was either a primary array or an extension',
      ],
    ]);
  });

  it('reports an image keyword before ZTENSION, which CFITSIO cannot restore', () => {
    const late = tableFile([{ name: 'COMPRESSED_DATA', format: '1PB(10)' }], 1, 8, [
      ...VALID,
      card('ZTENSION', 'IMAGE'),
    ]);
    expect(runFitsRules(late, [tileCompression])).toEqual([
      expect.objectContaining({
        keyword: 'ZBITPIX',
        message:
          'ZBITPIX is the first card that passes into the image header, before ZTENSION: CFITSIO (funpack, and the readers built on it) restores the header in card order and cannot read this image',
      }),
    ]);
  });

  it('reports a COMPRESSED_DATA column that holds no array descriptors', () => {
    const file = tableFile([{ name: 'COMPRESSED_DATA', format: '8B' }], 1, 8, VALID);
    expect(runFitsRules(file, [tileCompression])).toEqual([
      expect.objectContaining({
        keyword: 'TFORM1',
        message: "COMPRESSED_DATA must be a variable-length array column (1PB or 1QB…), found TFORM1 = '8B'",
      }),
    ]);
  });

  it('reports a compressed image without a COMPRESSED_DATA column', () => {
    expect(compressed({}, 'PIXELS')).toEqual([
      expect.objectContaining({
        ruleId: 'fits/tile-compression',
        hdu: 1,
        keyword: null,
        offset: 2880,
        message: 'a compressed image needs a COMPRESSED_DATA column',
      }),
    ]);
  });
});
