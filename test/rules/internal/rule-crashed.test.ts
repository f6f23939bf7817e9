import { describe, expect, it } from 'vitest';
import { RULE_CRASHED } from '../../../src/engine/rule-crash.js';
import { ruleCrashed } from '../../../src/rules/internal/rule-crashed.js';

// The engine reports internal/rule-crashed; its behaviour is tested in test/engine/rule-crash.test.ts,
// in workers in test/engine/workers.test.ts and from the command line in test/cli/hostile.test.ts.
describe('internal/rule-crashed', () => {
  it('is the id the engine reports, an error by default', () => {
    expect(ruleCrashed.meta.id).toBe(RULE_CRASHED);
    expect(ruleCrashed.meta.severity).toBe('error');
  });

  it('reports nothing itself', () => {
    const reported: unknown[] = [];
    ruleCrashed.check({ root: '', files: [], settings: {} }, (finding) => reported.push(finding));
    expect(reported).toEqual([]);
  });
});
