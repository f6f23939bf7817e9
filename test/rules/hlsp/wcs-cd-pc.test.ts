import { describe, expect, it } from 'vitest';
import { wcsCdPc } from '../../../src/rules/hlsp/wcs-cd-pc.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

/** Replaces the demo's CD matrix by PCi_j with CDELTi. */
const usePc = (h: Parameters<typeof data>[0]) => {
  const cards = data(h);
  for (const [cd, pc] of [
    ['CD1_1', 'PC1_1'],
    ['CD1_2', 'PC1_2'],
    ['CD2_1', 'PC2_1'],
    ['CD2_2', 'PC2_2'],
  ] as const) {
    const i = cards.findIndex((c) => c.keyword === cd);
    cards[i] = card(pc, cd === 'CD1_1' ? -1.0 : cd === 'CD2_2' ? 1.0 : 0.0);
  }
  cards.push(card('CDELT1', 8.3333e-6), card('CDELT2', 8.3333e-6));
};

describe('hlsp/wcs-cd-pc', () => {
  it('reports CDELTi beside the CD matrix', () => {
    const findings = runOnDemo(wcsCdPc, IMAGE, (h) => data(h).push(card('CDELT1', 8.3333e-6)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/wcs-cd-pc',
      severity: 'error',
      hdu: 1,
      keyword: 'CDELT1',
    });
    expect(findings[0]!.message).toBe('CDELT1 is given together with the CD matrix (CD1_1)');
    expect(findings[0]!.hint).toContain('remove CDELTi, or use PCi_j with CDELTi');
  });

  it('reports each HDU that mixes them', () => {
    const findings = runOnDemo(wcsCdPc, IMAGE, (h) => {
      for (const hdu of h.slice(1)) hdu.cards.push(card('CDELT2', 8.3333e-6));
    });
    expect(findings.map((f) => [f.hdu, f.keyword])).toEqual([
      [1, 'CDELT2'],
      [2, 'CDELT2'],
      [3, 'CDELT2'],
    ]);
  });

  it('passes a CD matrix alone', () => {
    expect(runOnDemo(wcsCdPc, IMAGE)).toEqual([]);
  });

  it('passes PCi_j with CDELTi', () => {
    expect(runOnDemo(wcsCdPc, IMAGE, usePc)).toEqual([]);
  });
});
