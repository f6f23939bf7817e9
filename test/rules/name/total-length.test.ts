import { describe, expect, it } from 'vitest';
import { totalLength } from '../../../src/rules/name/total-length.js';
import { ceersName, runNameRule } from './run-name-rule.js';

/** A ceers name of exactly `length` characters, padded in the target field. */
const nameOfLength = (length: number) => {
  const base = ceersName({ target: '' });
  return ceersName({ target: 't'.repeat(length - base.length) });
};

describe('name/total-length', () => {
  it('passes a name of exactly 90 characters', () => {
    const name = nameOfLength(90);
    expect(name).toHaveLength(90);
    expect(runNameRule(totalLength, name)).toEqual([]);
  });

  it('reports a name of 91 characters', () => {
    const findings = runNameRule(totalLength, nameOfLength(91));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/total-length', severity: 'warning' });
    expect(findings[0]!.message).toBe('the name is 91 characters long; MAST asks for 90 or fewer');
    expect(findings[0]!.hint).toBe('shorten the target or optical-element fields');
  });

  it('applies to names outside the HLSP template too', () => {
    expect(runNameRule(totalLength, `${'x'.repeat(96)}.fits`)[0]!.message).toContain('101 characters');
  });
});
