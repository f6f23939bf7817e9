import { describe, expect, it } from 'vitest';
import { multiCompanions } from '../../../src/rules/hlsp/multi-companions.js';
import { CATALOG_PATH, setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/multi-companions', () => {
  it("reports 'MULTIPLE' for 'MULTI'", () => {
    const findings = runOnDemo(multiCompanions, IMAGE, (h) =>
      setCard(data(h), 'FILTER', card('FILTER', 'MULTIPLE')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/multi-companions',
      severity: 'error',
      hdu: 1,
      keyword: 'FILTER',
    });
    expect(findings[0]!.message).toBe("FILTER = 'MULTIPLE'; the value for several is 'MULTI'");
    expect(findings[0]!.hint).toBe("set FILTER = 'MULTI' and list each value in FILTER01, FILTER02…");
  });

  it("reports 'MULTI' without numbered companions", () => {
    const findings = runOnDemo(multiCompanions, CATALOG_PATH, (h) => {
      for (const k of ['FILTER01', 'FILTER02', 'FILTER03']) setCard(primary(h), k, null);
    });
    expect(findings).toMatchObject([{ hdu: 0, keyword: 'FILTER' }]);
    expect(findings[0]!.message).toBe("FILTER = 'MULTI' but there are no FILTER01, FILTER02… keywords");
  });

  it('reports companions that do not start at 01', () => {
    const findings = runOnDemo(multiCompanions, CATALOG_PATH, (h) => setCard(primary(h), 'FILTER01', null));
    expect(findings.map((f) => f.message)).toEqual([
      "the companions of FILTER = 'MULTI' must start at FILTER01, found FILTER02",
    ]);
    expect(findings[0]!.hint).toBe('number them 01, 02, … with two digits');
  });

  it("passes 'MULTI' with companions from 01, also for an eight-letter keyword (DETECTOR → DETECT01)", () => {
    expect(runOnDemo(multiCompanions, CATALOG_PATH)).toEqual([]);
    expect(runOnDemo(multiCompanions, IMAGE)).toEqual([]);
  });
});
