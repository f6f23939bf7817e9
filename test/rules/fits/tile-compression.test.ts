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
  card('ZTILE2', 1),
];

/** A compressed-image table with Z keywords: VALID, with `changes` replacing (or, with null, removing) cards. */
function compressed(changes: Record<string, CardSpec | null> = {}, column = 'COMPRESSED_DATA') {
  const cards = VALID.filter((c) => changes[c.keyword] !== null).map((c) => changes[c.keyword] ?? c);
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
