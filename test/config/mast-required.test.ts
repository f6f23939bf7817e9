import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/config.js';
import { allRuleMeta } from '../../src/rules/index.js';

const ids = allRuleMeta.map((rule) => rule.id);

describe('mast.required in hlsp.config.json', () => {
  it('accepts true and false', () => {
    expect(validateConfig({ mast: { required: true } }, ids)).toEqual([]);
    expect(validateConfig({ mast: { mode: 'cache', required: false } }, ids)).toEqual([]);
  });

  it('refuses anything but a boolean, saying where', () => {
    expect(validateConfig({ mast: { required: 'yes' } }, ids)).toEqual(['/mast/required: must be boolean']);
  });
});
