import { describe, expect, it } from 'vitest';
import { isPlaceholderDoi } from '../../../src/naming/doi.js';
import { doiPlaceholder } from '../../../src/rules/hlsp/doi-placeholder.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/doi-placeholder', () => {
  it('reports the placeholder that init used to write', () => {
    const findings = runOnDemo(doiPlaceholder, IMAGE, (h) =>
      setCard(primary(h), 'DOI', card('DOI', '10.17909/xxxx-xxxx')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/doi-placeholder',
      severity: 'error',
      hdu: 0,
      keyword: 'DOI',
    });
    expect(findings[0]!.message).toBe("DOI = '10.17909/xxxx-xxxx' is a placeholder, not a DOI");
    expect(findings[0]!.hint).toMatch(/MAST assigns the DOI/);
  });

  it('passes a DOI that MAST assigned', () => {
    expect(runOnDemo(doiPlaceholder, IMAGE)).toEqual([]);
  });

  it.each([
    ['10.17909/xxxx-xxxx', true],
    ['10.17909/XXXX', true],
    ['10.17909/TBD', true],
    ['10.17909/0000-0000', true],
    ['10.17909/t9-abc1-2d34', false],
    ['10.17909/demo-0001', false],
  ])('%s is a placeholder: %s', (doi, placeholder) => {
    expect(isPlaceholderDoi(doi)).toBe(placeholder);
  });
});
