import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/fits/card.js';
import { reconstructImageHeader } from '../../../src/fits/compression/header.js';
import { formatCard } from '../../support/fits-builder.js';

function cards(texts: string[]) {
  return texts.map((text, index) => parseCard(text.padEnd(80), index, index * 80));
}

const TABLE = [
  formatCard('XTENSION', 'BINTABLE', 'binary table extension'),
  formatCard('BITPIX', 8),
  formatCard('NAXIS', 2),
  formatCard('NAXIS1', 8),
  formatCard('NAXIS2', 3),
  formatCard('PCOUNT', 100),
  formatCard('GCOUNT', 1),
  formatCard('TFIELDS', 1),
  formatCard('TTYPE1', 'COMPRESSED_DATA'),
  formatCard('TFORM1', '1PB(40)'),
  formatCard('ZIMAGE', true),
  formatCard('ZTILE1', 10),
  formatCard('ZTILE2', 1),
  formatCard('ZCMPTYPE', 'RICE_1'),
  formatCard('ZNAME1', 'BLOCKSIZE'),
  formatCard('ZVAL1', 32),
];

describe('reconstructImageHeader', () => {
  it('turns an extension back into an IMAGE extension, keeping other cards in order', () => {
    const header = reconstructImageHeader(
      cards([
        ...TABLE,
        formatCard('ZTENSION', 'IMAGE', 'Image extension'),
        formatCard('ZBITPIX', 16, 'data type'),
        formatCard('ZNAXIS', 2),
        formatCard('ZNAXIS1', 10),
        formatCard('ZNAXIS2', 3),
        formatCard('ZPCOUNT', 0),
        formatCard('ZGCOUNT', 1),
        formatCard('EXTNAME', 'SCI'),
        formatCard('ZEROPNT', 25.1, "a Z keyword that is not the convention's"),
        formatCard('COMMENT', undefined, 'kept'),
        formatCard('ZHECKSUM', 'AAAA', 'image checksum'),
        formatCard('ZDATASUM', '12', 'image datasum'),
        formatCard('ZQUANTIZ', 'NONE'),
        formatCard('CHECKSUM', 'BBBB', 'table checksum'),
        formatCard('DATASUM', '34', 'table datasum'),
        'END',
        formatCard('AFTER', 1),
      ]),
    );
    expect(header.map((text) => text.trimEnd())).toEqual([
      "XTENSION= 'IMAGE   '           / Image extension",
      'BITPIX  =                   16 / data type',
      'NAXIS   =                    2',
      'NAXIS1  =                   10',
      'NAXIS2  =                    3',
      'PCOUNT  =                    0',
      'GCOUNT  =                    1',
      "EXTNAME = 'SCI     '",
      "ZEROPNT =                 25.1 / a Z keyword that is not the convention's",
      'COMMENT kept',
      "CHECKSUM= 'AAAA    '           / image checksum",
      "DATASUM = '12      '           / image datasum",
    ]);
    expect(header.every((text) => text.length === 80)).toBe(true);
  });

  it('gives a primary image SIMPLE and EXTEND, drops the writer’s EXTNAME, and defaults PCOUNT/GCOUNT otherwise', () => {
    const primary = reconstructImageHeader(
      cards([
        ...TABLE,
        formatCard('EXTNAME', 'COMPRESSED_IMAGE'),
        formatCard('ZSIMPLE', true),
        formatCard('ZBITPIX', -32),
        formatCard('ZNAXIS', 1),
        formatCard('ZNAXIS1', 30),
        formatCard('ZEXTEND', true),
      ]),
    ).map((text) => text.trimEnd());
    expect(primary).toEqual([
      'SIMPLE  =                    T',
      'BITPIX  =                  -32',
      'NAXIS   =                    1',
      'NAXIS1  =                   30',
      'EXTEND  =                    T',
    ]);
    const extension = reconstructImageHeader(
      cards([...TABLE, formatCard('ZBITPIX', 8), formatCard('ZNAXIS', 0)]),
    ).map((text) => text.trimEnd());
    expect(extension).toEqual([
      "XTENSION= 'IMAGE   '           / Image extension",
      'BITPIX  =                    8',
      'NAXIS   =                    0',
      'PCOUNT  =                    0 / number of parameters',
      'GCOUNT  =                    1 / number of groups',
    ]);
  });
});
