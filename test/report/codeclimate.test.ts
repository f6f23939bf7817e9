/**
 * GitLab Code Quality (Code Climate JSON): the shape GitLab's merge-request widget reads, stable
 * fingerprints, severities, and paths relative to the project directory where the job runs.
 */
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { type CodeQualityIssue, codeclimate } from '../../src/report/codeclimate.js';
import { formatters } from '../../src/report/index.js';
import { repositoryPath } from '../../src/report/paths.js';
import type { Report } from '../../src/report/types.js';
import { HOSTILE, sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);

/** The fields GitLab requires of each issue (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"). */
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(CODE_QUALITY_SCHEMA);

function issuesOf(report: Report): CodeQualityIssue[] {
  const issues = JSON.parse(codeclimate(report, context));
  expect(validate(issues), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return issues;
}

describe('codeclimate', () => {
  it('is a valid Code Quality report, one issue per finding and per rule not run', () => {
    const report = sampleReport();
    const issues = issuesOf(report);
    expect(issues).toHaveLength(report.findings.length + report.notChecked.length);
    expect(formatters.codeclimate).toBe(codeclimate);
    const first = issues[0]!;
    expect(first).toMatchObject({
      type: 'issue',
      check_name: 'fits/checksum',
      description: 'HDU 1 DATASUM: bad sum in images/a.fits — fix images/a.fits',
      severity: 'critical',
      location: { path: 'fixtures/x/images/a.fits', lines: { begin: 1 } },
    });
    const mast = issues.at(-1)!;
    expect(mast).toMatchObject({
      check_name: 'mast/observation-exists',
      severity: 'major',
      description: 'mast/observation-exists was not checked: --mast offline: <b>MAST</b> was not asked',
      location: { path: 'fixtures/x' },
    });
  });

  it('maps error, warning and info to critical, major and info', () => {
    const severities = issuesOf(sampleReport(['a.fits']))
      .slice(0, 3)
      .map((issue) => [issue.check_name, issue.severity]);
    expect(severities).toEqual([
      ['fits/checksum', 'critical'],
      ['hlsp/keyword-required', 'major'],
      ['collection/stray-file', 'info'],
    ]);
  });

  it('keeps fingerprints unique in a report and stable between runs', () => {
    const report = sampleReport();
    const fingerprints = issuesOf(report).map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    // Another run: other times, other byte offsets, findings in another order, checked from elsewhere.
    const again: Report = {
      ...sampleReport(),
      root: '/somewhere/else',
      startedAt: '2027-01-01T00:00:00.000Z',
      findings: report.findings.map((finding) => ({ ...finding, offset: 0 })).reverse(),
    };
    expect(new Set(issuesOf(again).map((issue) => issue.fingerprint))).toEqual(new Set(fingerprints));
    // A different message is a different issue.
    const changed = { ...report, findings: [{ ...report.findings[0]!, message: 'another sum' }] };
    expect(issuesOf(changed)[0]!.fingerprint).not.toBe(fingerprints[0]);
  });

  it('gives the same finding twice two fingerprints, so that GitLab shows both', () => {
    const report = sampleReport(['a.fits']);
    report.findings = [report.findings[0]!, { ...report.findings[0]!, offset: 9999 }];
    const [one, two] = issuesOf(report);
    expect(one!.fingerprint).not.toBe(two!.fingerprint);
  });

  it('lists a file not read even when --quiet left out the finding that said so', () => {
    const report = sampleReport(['a.fits', 'notes.h5']);
    report.files = report.files.map((file) => ({
      ...file,
      format: file.path.endsWith('.h5') ? 'hdf5' : 'fits',
      checked: !file.path.endsWith('.h5'),
    }));
    report.findings = report.findings.filter((finding) => finding.severity === 'error');
    const unread = issuesOf(report).filter((issue) => issue.check_name === 'format/not-checked');
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({
      severity: 'major',
      description: 'not checked (hdf5): its content was not read, so it was not judged',
      location: { path: 'fixtures/x/notes.h5' },
    });
  });

  it('keeps hostile names as JSON strings, valid for any text', () => {
    const issues = issuesOf(sampleReport(['a.fits', ...HOSTILE]));
    expect(issues.map((issue) => issue.location.path)).toContain(`fixtures/x/${HOSTILE[3]}`);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (paths) => {
        issuesOf(sampleReport(paths));
      }),
      { numRuns: 100, seed: 20261124 },
    );
  });
});

describe('repositoryPath', () => {
  const report = (root: string, paths = ['images/a.fits', 'b.fits']) => ({ ...sampleReport(paths), root });

  it('joins the root as given to the path in the collection', () => {
    expect(repositoryPath(report('data'), 'images/a.fits')).toBe('data/images/a.fits');
    expect(repositoryPath(report('./data/'), 'images/a.fits')).toBe('data/images/a.fits');
    expect(repositoryPath(report('.'), 'images/a.fits')).toBe('images/a.fits');
    expect(repositoryPath(report('data'), '')).toBe('data');
    expect(repositoryPath(report('.'), '')).toBe('.');
  });

  it('makes an absolute root relative to the directory the job runs in', () => {
    expect(repositoryPath(report('/builds/group/repo/data'), 'b.fits', '/builds/group/repo')).toBe(
      'data/b.fits',
    );
    expect(repositoryPath(report(join(process.cwd(), 'data')), 'b.fits')).toBe('data/b.fits');
  });

  it('uses the file itself when one file was checked', () => {
    const one = report('data/images/a.fits', ['a.fits']);
    expect(repositoryPath(one, 'a.fits')).toBe('data/images/a.fits');
    expect(repositoryPath(report('a.fits', ['a.fits']), 'a.fits')).toBe('a.fits');
  });

  it('keeps names as they are for a names report', () => {
    expect(repositoryPath(report('', ['x.fits']), 'x.fits')).toBe('x.fits');
  });
});
