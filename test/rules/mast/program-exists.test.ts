import { describe, expect, it } from 'vitest';
import { programExists } from '../../../src/rules/mast/program-exists.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const ERO = 'jw02736-o001_t001_nircam_clear-f200w';
const OTHER = 'jw01345-o001_t021_nircam_clear-f200w';

describe('mast/program-exists', () => {
  it('reports a PROPOSID that MAST has no JWST data for', () => {
    const findings = runMastRule(programExists, { program: { id: '99999', known: false } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mast/program-exists',
      severity: 'error',
      keyword: 'PROPOSID',
    });
    expect(findings[0]!.message).toBe("PROPOSID = '99999' is not a JWST program with data in MAST");
    expect(findings[0]!.hint).toContain('e.g. 2736');
  });

  it('warns when no source belongs to the PROPOSID program', () => {
    const findings = runMastRule(programExists, {
      program: { id: '2736', known: true },
      provenance: [OTHER],
      rows: [caomRow(OTHER)],
    });
    expect(findings).toMatchObject([
      { ruleId: 'mast/program-exists', severity: 'warning', keyword: 'PROPOSID' },
    ]);
    expect(findings[0]!.message).toBe("PROPOSID = '2736', but the sources come from program 1345");
  });

  it('passes a known program that the sources belong to', () => {
    const findings = runMastRule(programExists, {
      program: { id: '2736', known: true },
      provenance: [ERO],
      rows: [caomRow(ERO)],
    });
    expect(findings).toEqual([]);
  });

  it('passes when at least one source belongs to the program', () => {
    const findings = runMastRule(programExists, {
      program: { id: '2736', known: true },
      provenance: [ERO, OTHER],
      rows: [caomRow(ERO), caomRow(OTHER)],
    });
    expect(findings).toEqual([]);
  });

  it('passes a product without PROPOSID', () => {
    expect(runMastRule(programExists, { provenance: [OTHER], rows: [caomRow(OTHER)] })).toEqual([]);
  });
});
