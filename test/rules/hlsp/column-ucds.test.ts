import { describe, expect, it } from 'vitest';
import { columnUcds } from '../../../src/rules/hlsp/column-ucds.js';
import { ecsv, runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat';
const inVotable = (...ucds: string[]) =>
  runContentRules(
    [columnUcds],
    `${NAME}.vot`,
    votable(
      ucds.map((ucd, i) => `<FIELD name="c${i}" datatype="double" ucd="${ucd}"/>`),
      [],
    ),
  );

describe('hlsp/column-ucds', () => {
  it('passes valid UCD1+ strings, in any case and with other namespaces', async () => {
    expect(
      await inVotable(
        'pos.eq.ra;meta.main',
        'phot.flux;em.IR.J',
        'stat.error;phot.mag',
        'PHOT.MAG',
        'custom:my.word',
      ),
    ).toEqual([]);
  });

  it('reports unknown words, misplaced primary and secondary words, and bad syntax', async () => {
    const findings = await inVotable('pos.eq.rah', 'em.IR.J', 'phot.mag;meta.code', 'pos eq', 'phot.mag;');
    expect(findings.map((f) => f.message)).toEqual([
      "column 'c0' has UCD 'pos.eq.rah', which is not a valid UCD1+ string: 'pos.eq.rah' is not a word of the UCD1+ vocabulary",
      "column 'c1' has UCD 'em.IR.J', which is not a valid UCD1+ string: 'em.IR.J' may only follow the first word (it is a secondary word)",
      "column 'c2' has UCD 'phot.mag;meta.code', which is not a valid UCD1+ string: 'meta.code' may only be the first word (it is a primary word)",
      "column 'c3' has UCD 'pos eq', which is not a valid UCD1+ string: the character ' ' is not allowed in a UCD",
      "column 'c4' has UCD 'phot.mag;', which is not a valid UCD1+ string: it has an empty word (a stray ;)",
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reads the UCD of an ECSV column from its meta', async () => {
    const text = ecsv(
      [
        'datatype:',
        '- {name: ra, datatype: float64, meta: {ucd: pos.eq.ra}}',
        '- {name: x, datatype: float64, meta: {ucd: em.IR}}',
      ],
      ['ra x', '1 2'],
    );
    const findings = await runContentRules([columnUcds], `${NAME}.ecsv`, text);
    expect(findings.map((f) => f.message)).toEqual([
      "column 'x' has UCD 'em.IR', which is not a valid UCD1+ string: 'em.IR' may only follow the first word (it is a secondary word)",
    ]);
  });

  it('sums up beyond 20 findings', async () => {
    const findings = await inVotable(...Array.from({ length: 25 }, () => 'nope'));
    expect(findings).toHaveLength(21);
    expect(findings[20]!.message).toBe('and 5 more columns with an invalid UCD in this file');
  });
});
