/**
 * One rule that throws never aborts a run: the file gets `internal/rule-crashed` naming the rule
 * and the error, every other rule and file is still checked, and the report comes out.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containMastRules, describeError, RULE_CRASHED, ruleRunner } from '../../src/engine/rule-crash.js';
import { runCheck } from '../../src/engine/run.js';
import type { Finding } from '../../src/report/types.js';
import type {
  CollectionRule,
  FileRule,
  FitsRule,
  MastContext,
  MastRule,
  NameRule,
  RuleSet,
} from '../../src/types.js';
import { REPO } from '../support/cli.js';

const DEMO = join(REPO, 'fixtures/demo');
const meta = <S extends string>(id: string, scope: S) => ({
  id,
  description: `test rule ${id}`,
  severity: 'warning' as const,
  scope,
});
const boom = (): never => {
  const error = new TypeError('cannot read properties of undefined (reading "value")');
  error.stack = `${error.message}\n    at secret (/home/someone/rule.js:1:1)`;
  throw error;
};

function rules(extra: Partial<RuleSet>): RuleSet {
  return { name: [], file: [], fits: [], content: [], collection: [], mast: [], ...extra };
}

describe('a rule that throws', () => {
  const nameRule: NameRule = { meta: meta('acme/name', 'name'), check: boom };
  const fileRule: FileRule = { meta: meta('acme/file', 'file'), check: boom };
  const fitsRule: FitsRule = {
    meta: meta('acme/fits', 'fits'),
    check(context, report) {
      if (context.name.includes('f150w')) boom();
      report({ message: 'looked', hdu: 0 });
    },
  };
  const collectionRule: CollectionRule = { meta: meta('acme/collection', 'collection'), check: boom };
  const after: FitsRule = {
    meta: meta('acme/after', 'fits'),
    check: (_context, report) => report({ message: 'still ran', hdu: 0 }),
  };

  it('costs each file one error naming the rule, and every other rule and file still runs', async () => {
    const { report } = await runCheck({
      paths: [DEMO],
      config: {},
      settings: {},
      rules: rules({
        name: [nameRule],
        file: [fileRule],
        fits: [fitsRule, after],
        collection: [collectionRule],
      }),
      hash: false,
      rethrowRuleErrors: false,
    });
    const crashes = report.findings.filter((finding) => finding.ruleId === RULE_CRASHED);
    const byRule = (id: string) => crashes.filter((finding) => finding.message.startsWith(`rule ${id} `));
    expect(byRule('acme/name')).toHaveLength(report.files.length);
    expect(byRule('acme/file').length).toBeGreaterThan(0);
    const fitsFiles = report.files.filter((file) => file.kind === 'fits');
    const f150w = fitsFiles.filter((file) => file.path.includes('f150w'));
    expect(byRule('acme/fits').map((finding) => finding.path)).toEqual(f150w.map((file) => file.path));
    expect(byRule('acme/collection')).toEqual([
      expect.objectContaining({ path: '', severity: 'error', hdu: null }),
    ]);
    // The rule after the crashing one ran on every FITS file, the crashing one on the others.
    const ranAfter = report.findings.filter((finding) => finding.ruleId === 'acme/after');
    expect(ranAfter).toHaveLength(fitsFiles.length);
    const looked = report.findings.filter((finding) => finding.ruleId === 'acme/fits');
    expect(looked).toHaveLength(fitsFiles.length - f150w.length);
    for (const crash of crashes) {
      expect(crash.severity).toBe('error');
      expect(crash.message).toContain('TypeError: cannot read properties of undefined');
      expect(crash.message).not.toMatch(/secret|\n|at \//);
    }
    expect(report.summary.verdict).toBe('FAIL');
    expect(f150w.every((file) => file.verdict === 'FAIL')).toBe(true);
  });

  it('is rethrown when asked, as the test suite asks (HLSP_RETHROW_RULE_ERRORS=1)', async () => {
    expect(process.env.HLSP_RETHROW_RULE_ERRORS).toBe('1');
    const run = (extra: Partial<RuleSet>) =>
      runCheck({ paths: [DEMO], config: {}, settings: {}, rules: rules(extra), hash: false });
    await expect(run({ fits: [fitsRule] })).rejects.toThrow(/cannot read properties/);
    await expect(run({ collection: [collectionRule] })).rejects.toThrow(/cannot read properties/);
  });

  it('in the MAST pass costs that product one error, and the other products are still checked', () => {
    const mastRule: MastRule = {
      meta: meta('acme/mast', 'mast'),
      check(context, report) {
        if (context.product.path === 'b.fits') boom();
        report({ message: `looked at ${context.product.path}` });
      },
    };
    const contained = containMastRules([mastRule], false);
    const reported: string[] = [];
    for (const path of ['a.fits', 'b.fits', 'c.fits'])
      contained.rules[0]!.check({ product: { path } } as MastContext, (input) =>
        reported.push(input.message),
      );
    expect(reported).toEqual(['looked at a.fits', 'looked at c.fits']);
    const result = contained.withCrashes({
      findings: [] as Finding[],
      notChecked: [],
      stats: { mode: 'cache', requests: 0, cacheHits: 0, ids: 0 },
    });
    expect(result.findings).toEqual([
      expect.objectContaining({ ruleId: RULE_CRASHED, path: 'b.fits', severity: 'error' }),
    ]);
    expect(result.findings[0]!.message).toMatch(/^rule acme\/mast crashed \(TypeError: /);
    expect(() =>
      containMastRules([mastRule], true).rules[0]!.check(
        { product: { path: 'b.fits' } } as MastContext,
        () => {},
      ),
    ).toThrow(TypeError);
  });
});

describe('describeError', () => {
  it('keeps the first line only, bounded, and survives anything thrown', () => {
    expect(describeError(new RangeError(`${'x'.repeat(10_000)}\nsecond line`))).toHaveLength(300);
    expect(describeError(new Error('one\ntwo'))).toBe('Error: one');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(42)).toBe('thrown number: 42');
    expect(describeError(undefined)).toBe('thrown undefined: undefined');
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(describeError(hostile)).toBe('an exception that cannot be described');
    expect(describeError(Object.create(null))).toBe('an exception that cannot be described');
  });
});

describe('ruleRunner', () => {
  it('reports each finding under the rule that made it, before and after a crash', () => {
    const pushed: [string, string, string][] = [];
    const run = ruleRunner(
      (ruleId, severity, input) => pushed.push([ruleId, severity, input.message]),
      false,
    );
    let kept: ((input: { message: string }) => void) | undefined;
    const first = {
      meta: { ...meta('acme/first', 'fits'), severity: 'error' as const },
      check: (_: null, report: (input: { message: string }) => void) => {
        kept = report;
        report({ message: 'one' });
        boom();
      },
    };
    const second = {
      meta: meta('acme/second', 'fits'),
      check: (_: null, report: (input: { message: string }) => void) => report({ message: 'two' }),
    };
    run(first, null);
    run(second, null);
    // A report function kept past its check reports nothing, under no rule.
    kept!({ message: 'late' });
    expect(pushed.map(([id, severity, message]) => [id, severity, message.slice(0, 24)])).toEqual([
      ['acme/first', 'error', 'one'],
      [RULE_CRASHED, 'error', 'rule acme/first crashed '],
      ['acme/second', 'warning', 'two'],
    ]);
  });
});
