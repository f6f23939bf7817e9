import { describe, expect, it } from 'vitest';
import { reservedKeywords } from '../../../src/rules/fits/reserved-keywords.js';
import { demoFiles, mosaicPath, SPECTRUM_PATH } from '../../support/demo.js';
import {
  type CardSpec,
  card,
  fitsFile,
  float32Data,
  imageExtensionCards,
  int16Data,
  primaryCards,
} from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile, tableFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [reservedKeywords]);
const table = (extra: CardSpec[]) => tableFile([{ name: 'A', format: 'J' }], 1, 4, extra);
const imageExtension = (extra: CardSpec[]) =>
  fitsFile([
    { cards: primaryCards() },
    { cards: [...imageExtensionCards({ axes: [2] }), ...extra], data: int16Data([1, 2]) },
  ]);

describe('fits/reserved-keywords', () => {
  it.each([
    [
      'INHERIT in the primary header',
      imageFile([card('INHERIT', true)]),
      0,
      'INHERIT',
      'INHERIT must not appear in the primary header (it says whether an extension takes the primary header’s keywords)',
    ],
    [
      'INHERIT = F in the primary header',
      imageFile([card('INHERIT', false)]),
      0,
      'INHERIT',
      'INHERIT must not appear in the primary header (it says whether an extension takes the primary header’s keywords)',
    ],
    [
      'PCOUNT in a primary header without GROUPS',
      imageFile([card('PCOUNT', 0)]),
      0,
      'PCOUNT',
      'PCOUNT is not allowed in a primary header without GROUPS = T (random groups)',
    ],
    [
      'GCOUNT in a primary header without GROUPS',
      imageFile([card('GCOUNT', 1)]),
      0,
      'GCOUNT',
      'GCOUNT is not allowed in a primary header without GROUPS = T (random groups)',
    ],
    [
      'EXTEND in an extension',
      imageExtension([card('EXTEND', true)]),
      1,
      'EXTEND',
      'EXTEND is allowed only in the primary header',
    ],
    [
      'PTYPE1 outside random groups',
      imageFile([card('PTYPE1', 'UU')]),
      0,
      'PTYPE1',
      'PTYPE1 belongs to random-groups files only',
    ],
    [
      'GROUPS in an extension',
      imageExtension([card('GROUPS', true)]),
      1,
      'GROUPS',
      'GROUPS belongs to random-groups files only',
    ],
    [
      'BSCALE in a table',
      table([card('BSCALE', 2.0)]),
      1,
      'BSCALE',
      'BSCALE is an image keyword and is not allowed in a table',
    ],
    [
      'TFORM1 in an image',
      imageFile([card('TFORM1', 'E')]),
      0,
      'TFORM1',
      'TFORM1 is a table keyword and is not allowed in an image',
    ],
  ])('reports %s', (_, bytes, hdu, keyword, message) => {
    expect(run(bytes)).toEqual([
      expect.objectContaining({
        ruleId: 'fits/reserved-keywords',
        severity: 'error',
        hdu,
        keyword,
        message,
        hint: `remove ${keyword} from HDU ${hdu}, or move it to the HDU it describes`,
      }),
    ]);
  });

  it('warns that EPOCH is deprecated', () => {
    expect(run(imageFile([card('EPOCH', 2000.0)]))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/reserved-keywords',
        severity: 'warning',
        keyword: 'EPOCH',
        message: 'EPOCH is deprecated',
        hint: 'use EQUINOX instead',
      }),
    ]);
  });

  it('reports BLANK in a floating-point image, and passes it in an integer image', () => {
    const float = fitsFile([
      { cards: [...primaryCards({ bitpix: -32, axes: [2] }), card('BLANK', -1)], data: float32Data([1, 2]) },
    ]);
    expect(run(float)).toEqual([
      expect.objectContaining({
        severity: 'error',
        hdu: 0,
        keyword: 'BLANK',
        message: 'BLANK is not allowed in a floating-point image (NaN marks undefined pixels)',
        hint: 'remove BLANK; use NaN for undefined pixels in float images',
      }),
    ]);
    expect(run(imageFile([card('BLANK', -32768)]))).toEqual([]);
  });

  it('passes image keywords in a tile-compressed image table', () => {
    expect(run(table([card('ZIMAGE', true), card('BSCALE', 1.0), card('BZERO', 32768)]))).toEqual([]);
  });

  it('passes GROUPS in the primary header, and commentary cards that name reserved keywords', () => {
    expect(run(imageFile([card('GROUPS', false)]))).toEqual([]);
    expect(run(imageFile([card('COMMENT', undefined, ' EXTEND TFORM1 EPOCH')]))).toEqual([]);
  });

  it('passes keywords where they belong, and the demo products', () => {
    expect(run(imageFile([card('BSCALE', 1.0), card('BZERO', 0), card('BUNIT', 'Jy')]))).toEqual([]);
    expect(run(table([card('TUNIT1', 'count'), card('TNULL1', -1), card('TDISP1', 'I8')]))).toEqual([]);
    expect(run(demoFiles().get(mosaicPath('f200w'))!)).toEqual([]);
    expect(run(demoFiles().get(SPECTRUM_PATH)!)).toEqual([]);
  });
});
