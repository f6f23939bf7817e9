import { describe, expect, it } from 'vitest';
import { provenance } from '../../../src/rules/hlsp/provenance.js';
import { SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { binaryTableCards, card } from '../../support/fits-builder.js';
import { primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

const noFileId = (h: Parameters<typeof primary>[0]) => setCard(primary(h), 'FILEID01', null);

describe('hlsp/provenance', () => {
  it('reports a product that names no source observations, as a warning', () => {
    const findings = runOnDemo(provenance, SPECTRUM_PATH, noFileId);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/provenance',
      severity: 'warning',
      hdu: 0,
      keyword: 'FILEID01',
    });
    expect(findings[0]!.message).toBe(
      'the file names no source observations: no FILEIDnn keywords and no PROVENANCE extension',
    );
    expect(findings[0]!.hint).toContain('FILEID01, FILEID02…');
  });

  it('reports FILEID with one digit, which is not a FILEIDnn keyword', () => {
    const findings = runOnDemo(provenance, SPECTRUM_PATH, (h) => {
      noFileId(h);
      primary(h).push(card('FILEID1', 'jw02736-o007_s000006355_nirspec_f170lp-g235m'));
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['hlsp/provenance']);
  });

  it('passes FILEIDnn keywords', () => {
    expect(runOnDemo(provenance, SPECTRUM_PATH)).toEqual([]);
  });

  it('passes a PROVENANCE table extension instead', () => {
    const findings = runOnDemo(provenance, SPECTRUM_PATH, (h) => {
      noFileId(h);
      h.push({
        cards: binaryTableCards([{ name: 'FILENAME', format: '40A' }], 1, 40, { extname: 'PROVENANCE' }),
        data: new Uint8Array(40),
      });
    });
    expect(findings).toEqual([]);
  });

  it('passes a simulation (SIMULATD = T), which has no source observations', () => {
    const findings = runOnDemo(provenance, SPECTRUM_PATH, (h) => {
      noFileId(h);
      primary(h).push(card('SIMULATD', true));
    });
    expect(findings).toEqual([]);
  });
});
