import { describe, expect, it } from 'vitest';
import { simulated } from '../../../src/rules/hlsp/simulated.js';
import { card } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

const SIM = 'hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_sim-img.fits';

describe('hlsp/simulated', () => {
  it('reports SIMULATD that is not a logical', () => {
    const findings = runOnDemo(simulated, IMAGE, (h) => primary(h).push(card('SIMULATD', 'yes')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/simulated',
      severity: 'error',
      hdu: 0,
      keyword: 'SIMULATD',
    });
    expect(findings[0]!.message).toBe("SIMULATD must be the logical T or F, found 'yes     '");
    expect(findings[0]!.hint).toBe('write SIMULATD = T (no quotes)');
  });

  it('reports a simulated product type without SIMULATD', () => {
    const findings = runOnDemo(simulated, IMAGE, () => {}, { name: SIM });
    expect(findings).toMatchObject([
      { ruleId: 'hlsp/simulated', severity: 'error', hdu: 0, keyword: 'SIMULATD' },
    ]);
    expect(findings[0]!.message).toBe(
      "the product type 'sim-img' says simulated data, but SIMULATD = T is missing",
    );
    expect(findings[0]!.hint).toBe('add SIMULATD = T to the primary header');
  });

  it('reports a simulated product type with SIMULATD = F', () => {
    const findings = runOnDemo(simulated, IMAGE, (h) => primary(h).push(card('SIMULATD', false)), {
      name: SIM,
    });
    expect(findings.map((f) => f.keyword)).toEqual(['SIMULATD']);
  });

  it('passes a simulation with SIMULATD = T', () => {
    expect(
      runOnDemo(simulated, IMAGE, (h) => primary(h).push(card('SIMULATD', true)), { name: SIM }),
    ).toEqual([]);
  });

  it('passes an observed product with or without SIMULATD = F', () => {
    expect(runOnDemo(simulated, IMAGE)).toEqual([]);
    expect(runOnDemo(simulated, IMAGE, (h) => primary(h).push(card('SIMULATD', false)))).toEqual([]);
  });
});
