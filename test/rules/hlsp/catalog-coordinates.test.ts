import { describe, expect, it } from 'vitest';
import { catalogCoordinates } from '../../../src/rules/hlsp/catalog-coordinates.js';
import { CATALOG_PATH, setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/catalog-coordinates', () => {
  it('reports RA stored as a 32-bit float', () => {
    const findings = runOnDemo(catalogCoordinates, CATALOG_PATH, (h) =>
      setCard(data(h), 'TFORM1', card('TFORM1', 'E')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'hlsp/catalog-coordinates', severity: 'error', hdu: 1 });
    expect(findings[0]!.keyword).toBe('TFORM1');
    expect(findings[0]!.message).toBe("the RA column is stored as 'E'; coordinates need 64-bit floats (D)");
    expect(findings[0]!.hint).toBe("write RA as a double (TFORM1 = 'D')");
  });

  it('reports DEC stored as a 32-bit float too', () => {
    const findings = runOnDemo(catalogCoordinates, CATALOG_PATH, (h) =>
      setCard(data(h), 'TFORM2', card('TFORM2', 'E')),
    );
    expect(findings.map((f) => [f.keyword, f.message])).toEqual([
      ['TFORM2', "the DEC column is stored as 'E'; coordinates need 64-bit floats (D)"],
    ]);
  });

  it('passes RA and DEC stored as doubles', () => {
    expect(runOnDemo(catalogCoordinates, CATALOG_PATH)).toEqual([]);
  });

  it('checks only catalogues', () => {
    const asImage = runOnDemo(
      catalogCoordinates,
      CATALOG_PATH,
      (h) => setCard(data(h), 'TFORM1', card('TFORM1', 'E')),
      { profiles: ['image'] },
    );
    expect(asImage).toEqual([]);
  });
});
