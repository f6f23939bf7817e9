import { describe, expect, it } from 'vitest';
import { nameHeaderMatch } from '../../../src/rules/hlsp/name-header-match.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/name-header-match', () => {
  it("reports HLSPID that differs from the name's proj-id", () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/name-header-match',
      severity: 'error',
      hdu: 0,
      keyword: 'HLSPID',
    });
    expect(findings[0]!.message).toBe("HLSPID = 'OTHER' but the file name's proj-id is 'nirdemo'");
    expect(findings[0]!.hint).toBe(
      "set HLSPID = 'NIRDEMO' (case does not matter), or correct the name's proj-id",
    );
  });

  it('reports HLSPVER that differs from the version', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPVER', card('HLSPVER', 'v2.0')),
    );
    expect(findings).toMatchObject([{ severity: 'error', keyword: 'HLSPVER' }]);
    expect(findings[0]!.message).toBe("HLSPVER = 'v2.0' but the file name's version is 'v1.0'");
    expect(findings[0]!.hint).toBe("set HLSPVER = 'v1.0', or rename the file");
  });

  it('warns when HLSPTARG does not name the target', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'Abell 2744')),
    );
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'HLSPTARG' }]);
    expect(findings[0]!.message).toBe(
      "HLSPTARG = 'Abell 2744' does not match the file name's target 'smacs0723'",
    );
  });

  it('reports a filter of the name that the header does not have', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'FILTER', card('FILTER', 'F444W'));
    });
    expect(findings).toMatchObject([{ severity: 'error', hdu: 1, keyword: 'FILTER' }]);
    expect(findings[0]!.message).toBe(
      "the file name's opt-elem 'f200w' is not what the header gives (FILTER = 'F444W', PUPIL = 'CLEAR')",
    );
  });

  it('reads the primary header and the data HDU, not any other extension', () => {
    // The name says f200w, the primary F444W; only the WHT extension says F200W.
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      primary(h).push(card('FILTER', 'F444W'));
      setCard(data(h), 'FILTER', null);
      setCard(h[2]!.cards, 'FILTER', null);
    });
    expect(findings).toMatchObject([{ severity: 'error', hdu: 0, keyword: 'FILTER' }]);
  });

  it('reports a filter of the header that the name leaves out (header → name)', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => primary(h).push(card('FILTER', 'F444W')));
    expect(findings).toMatchObject([{ hdu: 0, keyword: 'FILTER' }]);
    expect(findings[0]!.message).toBe(
      "the header gives FILTER = 'F444W', which the file name's opt-elem 'f200w' does not name",
    );
  });

  it('reports a FILTERnn of a MULTI header that the name leaves out', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      setCard(data(h), 'FILTER', card('FILTER', 'MULTI'));
      data(h).push(card('FILTER01', 'F200W'), card('FILTER02', 'F444W'));
    });
    expect(findings.map((f) => f.keyword)).toEqual(['FILTER02']);
  });

  const compound: [string, string, [string, string][]][] = [
    [
      'clear-prism',
      'nirspec',
      [
        ['FILTER', 'CLEAR'],
        ['GRATING', 'PRISM'],
      ],
    ],
    [
      'clear-prism',
      'nirspec',
      [
        ['FILTER', 'CLEAR'],
        ['DISPRSR', 'PRISM'],
      ],
    ],
    [
      'f444w-f470n',
      'nircam',
      [
        ['FILTER', 'F444W'],
        ['PUPIL', 'F470N'],
      ],
    ],
    [
      'ch3-long',
      'miri',
      [
        ['CHANNEL', '3'],
        ['BAND', 'LONG'],
      ],
    ],
    ['ch3-long', 'miri', [['FILTER', 'CH3-LONG']]],
    [
      'g395h-f290lp',
      'nirspec',
      [
        ['GRATING', 'G395H'],
        ['FILTER', 'F290LP'],
      ],
    ],
    [
      'g395h',
      'nirspec',
      [
        ['GRATING', 'G395H'],
        ['FILTER', 'F290LP'],
      ],
    ],
  ];
  it.each(compound)('maps %s to its keywords (%s)', (optElem, instrument, cards) => {
    const findings = runOnDemo(
      nameHeaderMatch,
      IMAGE,
      (h) => {
        setCard(primary(h), 'INSTRUME', card('INSTRUME', instrument.toUpperCase()));
        for (const k of ['FILTER', 'PUPIL']) setCard(data(h), k, null);
        for (const [keyword, value] of cards) data(h).push(card(keyword, value));
      },
      { name: `hlsp_nirdemo_jwst_${instrument}_smacs0723_${optElem}_v1.0_i2d.fits` },
    );
    expect(findings).toEqual([]);
  });

  it('reports a compound element whose second part the header does not give', () => {
    const findings = runOnDemo(
      nameHeaderMatch,
      IMAGE,
      (h) => {
        setCard(primary(h), 'INSTRUME', card('INSTRUME', 'MIRI'));
        for (const k of ['FILTER', 'PUPIL']) setCard(data(h), k, null);
        data(h).push(card('CHANNEL', '3'), card('BAND', 'SHORT'));
      },
      { name: 'hlsp_nirdemo_jwst_miri_smacs0723_ch3-long_v1.0_s3d.fits' },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "the file name's opt-elem 'ch3-long' has 'long', which the header does not give (CHANNEL = 'CH3', BAND = 'SHORT', CHANNEL = 'CH3-SHORT')",
    ]);
  });

  it('compares the target with TARGNAME by its leading element, and HLSPTARG may be broader', () => {
    const name = 'hlsp_nirdemo_jwst_nircam_abell2744-00123_f200w_v1.0_i2d.fits';
    const run = (targname: string) =>
      runOnDemo(
        nameHeaderMatch,
        IMAGE,
        (h) => {
          setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'ABELL2744'));
          primary(h).push(card('TARGNAME', targname));
        },
        { name },
      );
    expect(run('Abell 2744')).toEqual([]);
    const findings = run('MACS0416');
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'TARGNAME' }]);
    expect(findings[0]!.message).toBe(
      "TARGNAME = 'MACS0416' does not match the file name's target 'abell2744-00123' (compared by its first element, 'abell2744')",
    );
  });

  it('reports an instrument of the name that the header does not have', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'INSTRUME', card('INSTRUME', 'MIRI')),
    );
    expect(findings.map((f) => f.keyword)).toEqual(['INSTRUME']);
  });

  it('passes a header that agrees with the name', () => {
    expect(runOnDemo(nameHeaderMatch, IMAGE)).toEqual([]);
  });

  it('passes HLSPID in another case and HLSPTARG written with spaces', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      setCard(primary(h), 'HLSPID', card('HLSPID', 'NirDemo'));
      setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'SMACS 0723'));
    });
    expect(findings).toEqual([]);
  });

  it('checks only HLSP file names', () => {
    const findings = runOnDemo(
      nameHeaderMatch,
      IMAGE,
      (h) => setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
      { name: 'mosaic_f200w.fits' },
    );
    expect(findings).toEqual([]);
  });
});
