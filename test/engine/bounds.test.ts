/**
 * What one run reports stays bounded whatever the input: findings of one kind per HDU, message
 * and hint lengths, and the bytes of all findings in a report (with exact summary counts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutText, FindingLimit, MAX_FINDINGS_PER_KIND } from '../../src/engine/bounds.js';
import { toFinding } from '../../src/engine/findings.js';
import { runCheck } from '../../src/engine/run.js';
import type { Finding } from '../../src/report/types.js';
import type { FitsRule, Severity } from '../../src/types.js';
import { REPO } from '../support/cli.js';

const finding = (hdu: number | null, severity: Severity = 'warning', ruleId = 'acme/many'): Finding => ({
  ruleId,
  severity,
  path: 'a.fits',
  hdu,
  keyword: 'X',
  offset: 80,
  message: 'one',
  hint: 'fix it',
});

describe('findings of one kind', () => {
  it('keeps the cause on "and N more" only while every finding it counts has that cause', () => {
    const cause = { ruleId: 'fits/truncated', hdu: 1, keyword: null, offset: 2880 };
    const caused = (): Finding => ({ ...finding(1), causedBy: cause });
    const one = new FindingLimit();
    const all: Finding[] = [];
    for (let i = 0; i < 25; i++) one.add(caused(), all);
    expect(all.find((f) => f.message.startsWith('and '))!.causedBy).toEqual(cause);
    const mixed = new FindingLimit();
    const some: Finding[] = [];
    for (let i = 0; i < 24; i++) mixed.add(caused(), some);
    mixed.add(finding(1), some);
    expect(some.find((f) => f.message.startsWith('and '))!.causedBy).toBeUndefined();
  });

  it('lists the first 20 of a rule on one HDU, then one "and N more" with the worst severity held back', () => {
    const limit = new FindingLimit();
    const findings: Finding[] = [];
    for (let i = 0; i < 30; i++) limit.add(finding(0, i === 25 ? 'error' : 'warning'), findings);
    for (let i = 0; i < 3; i++) limit.add(finding(1), findings);
    for (let i = 0; i < 25; i++) limit.add(finding(0, 'info', 'acme/other'), findings);
    const rest = findings.filter((f) => f.message.startsWith('and '));
    expect(rest).toEqual([
      {
        ruleId: 'acme/many',
        severity: 'error',
        path: 'a.fits',
        hdu: 0,
        keyword: null,
        offset: null,
        message: 'and 10 more acme/many findings in HDU 0, not listed (the first 20 are)',
      },
      expect.objectContaining({
        ruleId: 'acme/other',
        severity: 'info',
        message: expect.stringMatching(/^and 5 more acme\/other findings in HDU 0/),
      }),
    ]);
    expect(findings.filter((f) => f.ruleId === 'acme/many' && f.hdu === 0)).toHaveLength(
      MAX_FINDINGS_PER_KIND + 1,
    );
    expect(findings.filter((f) => f.hdu === 1)).toHaveLength(3);
  });

  it('caps a rule that reports 10,000 findings on one HDU in a real run', async () => {
    const noisy: FitsRule = {
      meta: { id: 'acme/noisy', description: 'Reports a lot.', severity: 'warning', scope: 'fits' },
      check(_context, report) {
        for (let i = 0; i < 10_000; i++) report({ message: `problem ${i}`, hdu: 0 });
      },
    };
    const { report } = await runCheck({
      paths: [join(REPO, 'fixtures/demo')],
      config: {},
      settings: {},
      rules: { name: [], file: [], fits: [noisy], content: [], collection: [], mast: [] },
      hash: false,
    });
    const fitsFiles = report.files.filter((file) => file.kind === 'fits').length;
    expect(report.findings).toHaveLength(fitsFiles * (MAX_FINDINGS_PER_KIND + 1));
    expect(
      report.findings.filter(
        (f) => f.message === 'and 9980 more acme/noisy findings in HDU 0, not listed (the first 20 are)',
      ),
    ).toHaveLength(fitsFiles);
  });
});

describe('text lengths', () => {
  it('cuts a hint at 500 characters and a message at 1,000, with "…"', () => {
    const made = toFinding(
      'acme/long',
      'error',
      'a.fits',
      { message: 'm'.repeat(5000), hint: 'h'.repeat(5000) },
      undefined,
    )!;
    expect(made.hint).toHaveLength(500);
    expect(made.hint!.endsWith('h…')).toBe(true);
    expect(made.message).toHaveLength(1000);
    expect(cutText('short', 500)).toBe('short');
  });
});

describe('the report byte cap', () => {
  it('drops the findings beyond the cap, says so, and keeps the summary counts exact', async () => {
    const chatty: FitsRule = {
      meta: { id: 'acme/chatty', description: 'Reports per HDU.', severity: 'error', scope: 'fits' },
      check(context, report) {
        for (const hdu of context.fits.hdus)
          for (let i = 0; i < 5; i++) report({ message: `problem ${i} ${'x'.repeat(300)}`, hdu: hdu.index });
      },
    };
    const run = (maxReportBytes?: number) =>
      runCheck({
        paths: [join(REPO, 'fixtures/demo')],
        config: {},
        settings: {},
        rules: { name: [], file: [], fits: [chatty], content: [], collection: [], mast: [] },
        hash: false,
        ...(maxReportBytes ? { maxReportBytes } : {}),
      });
    const full = (await run()).report;
    expect(full.notChecked).toEqual([]);
    const capped = (await run(10_000)).report;
    expect(capped.findings.length).toBeGreaterThan(0);
    expect(capped.findings.length).toBeLessThan(full.findings.length);
    expect(capped.findings).toEqual(full.findings.slice(0, capped.findings.length));
    expect(capped.summary).toEqual(full.summary);
    expect(capped.files).toEqual(full.files);
    expect(capped.notChecked).toEqual([
      {
        ruleId: '*',
        reason: `the report reached its cap of 10000 bytes of findings (HLSP_MAX_REPORT_BYTES): the last ${full.findings.length - capped.findings.length} findings are not listed; the summary counts them all`,
      },
    ]);
  });
});
