/** Cascades name their root cause (`causedBy`), and an unreadable file gets its one finding alone. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../../src/index.js';
import { builtinRules } from '../../../src/rules/index.js';
import { demoSpecs, setCard } from '../../support/demo.js';
import { fitsFile, type HduSpec } from '../../support/fits-builder.js';
import { data, IMAGE, keywordCases } from '../../support/keyword-corpus.js';
import { type RuleFinding, runFitsRules } from '../../support/rule-harness.js';

const NAME = IMAGE.split('/').pop()!;

function image(mutate: (hdus: HduSpec[]) => void = () => {}): Buffer {
  const hdus = structuredClone(demoSpecs().fits.get(IMAGE)!) as HduSpec[];
  mutate(hdus);
  return fitsFile(hdus);
}

function run(bytes: Uint8Array): RuleFinding[] {
  return runFitsRules(bytes, builtinRules.fits, { name: NAME, settings: { project: 'nirdemo' } });
}

/** The finding a `causedBy` names, found by its rule and location; it must exist. */
function causeOf(finding: RuleFinding, all: RuleFinding[]): RuleFinding {
  const at = finding.causedBy!;
  const found = all.find(
    (f) =>
      f.ruleId === at.ruleId &&
      (f.hdu ?? null) === (at.hdu ?? null) &&
      (f.keyword ?? null) === (at.keyword ?? null) &&
      (f.offset ?? null) === (at.offset ?? null),
  );
  expect(found, `${finding.ruleId}: ${finding.message} names a cause that is not reported`).toBeDefined();
  return found!;
}

describe('findings name their root cause', () => {
  it('a missing TIMESYS required by the profile follows from hlsp/timesys', () => {
    const found = run(
      image((h) => {
        for (const hdu of h) setCard(hdu.cards, 'TIMESYS', null);
      }),
    );
    const required = found.find((f) => f.ruleId === 'hlsp/keyword-required' && f.keyword === 'TIMESYS')!;
    expect(causeOf(required, found).ruleId).toBe('hlsp/timesys');
    expect(found.find((f) => f.ruleId === 'hlsp/timesys')!.causedBy).toBeUndefined();
  });

  it('no TIMESYS beside a misplaced date follows from hlsp/keyword-placement', () => {
    const [, , mutate] = keywordCases.find(
      ([label]) => label === 'dates in an extension that does not hold the data',
    )!;
    const found = run(image(mutate));
    const timesys = found.filter((f) => f.ruleId === 'hlsp/timesys');
    expect(timesys).toHaveLength(1);
    const cause = causeOf(timesys[0]!, found);
    expect(cause.ruleId).toBe('hlsp/keyword-placement');
    expect(cause.keyword).toBe(timesys[0]!.keyword);
  });

  it('after the reader stops, absences in what was not read follow from the stop', () => {
    const whole = image();
    // Cut inside the SCI extension's header: the primary was read whole, the rest was not.
    const cut = whole.subarray(0, 2880 * 2 + 800);
    const found = run(cut);
    const root = found.find((f) => f.ruleId === 'fits/truncated')!;
    expect(root.causedBy).toBeUndefined();
    const caused = found.filter((f) => f.causedBy);
    expect(caused.length).toBeGreaterThan(0);
    for (const f of caused) expect(causeOf(f, found)).toBe(root);
    // Keywords of the primary header, read whole, are judged as they are.
    for (const f of found.filter((f) => f.ruleId === 'hlsp/keyword-required' && f.hdu === 0))
      expect(f.causedBy, f.message).toBeUndefined();
    // Whatever else is said about the extension whose header was cut is caused by the cut.
    for (const f of found.filter((f) => f !== root && (f.hdu ?? 0) >= 1))
      expect(f.causedBy, f.message).toBeDefined();
  });

  it('a data-keyword absence is caused by the stop even when the primary stands in for the data', () => {
    const whole = image((h) => setCard(data(h), 'BUNIT', null));
    const found = run(whole.subarray(0, 2880 * 2 + 800));
    const bunit = found.find((f) => f.ruleId === 'hlsp/keyword-required' && f.keyword === 'BUNIT');
    if (bunit) expect(causeOf(bunit, found).ruleId).toBe('fits/truncated');
    const complete = run(whole);
    expect(complete.find((f) => f.keyword === 'BUNIT')!.causedBy).toBeUndefined();
  });
});

describe('an empty or unreadable file gets its readability finding alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-causes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['empty', Buffer.alloc(0), 'fits/file-readable'],
    ['primary header cut short', image().subarray(0, 1000), 'fits/truncated'],
    // A README saved under a .fits name: text, not one card of a FITS header; the name is the defect.
    ['text of another shape', Buffer.from('x'.repeat(5000)), 'format/extension-mismatch'],
    ['short text of another shape', Buffer.from('hello\n'), 'format/extension-mismatch'],
  ])('%s', async (label, bytes, ruleId) => {
    const root = join(dir, label.replaceAll(' ', '-'));
    const path = join(root, NAME);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(path, bytes);
    const report = await check([root], { project: 'nirdemo', mast: { mode: 'offline' }, jobs: 1 });
    const about = report.findings.filter((f) => f.path === NAME);
    const roots = about.filter((f) => !f.causedBy);
    expect(roots.map((f) => f.ruleId)).toEqual([ruleId]);
    // Nothing the unreadable file could not show is said about it, folded or not.
    expect(about.filter((f) => f.ruleId === 'hlsp/date-range' || f.ruleId === 'hlsp/provenance')).toEqual([]);
    for (const f of about.filter((f) => f.causedBy)) expect(f.causedBy!.ruleId).toBe(ruleId);
  });
});
