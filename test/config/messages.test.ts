/** Config problems read as the user wrote the config: key paths unescaped, a guess for a typo. */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config.js';

describe('config messages', () => {
  it('suggests the setting that was meant, at any depth', () => {
    const problems = validateConfig({ colour: 1, mast: { mod: 'cache' } }, []);
    expect(problems).toContain("/: unknown setting 'colour'");
    expect(problems).toContain("/mast: unknown setting 'mod'; did you mean 'mode'?");
  });

  it('never shows a JSON Pointer escape', () => {
    const problems = validateConfig({ rules: { 'fits/checksum': 'loud' } }, ['fits/checksum']);
    expect(problems.join('\n')).not.toMatch(/~[01]/);
    expect(problems.some((problem) => problem.startsWith('/rules/fits/checksum: must be one of'))).toBe(true);
  });
});
