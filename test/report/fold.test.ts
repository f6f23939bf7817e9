/** Findings that name their cause (`causedBy`) are folded under it in every format for people. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { foldFindings } from '../../src/report/fold.js';
import { formatters } from '../../src/report/index.js';
import type { Finding, Report } from '../../src/report/types.js';

const context = formatterContext(false);

const root: Finding = {
  ruleId: 'fits/truncated',
  severity: 'error',
  path: 'a.fits',
  hdu: 1,
  keyword: null,
  offset: 5760,
  message: 'the file ends 1000 bytes before the end of HDU 1',
  hint: 'copy the file again',
};
const cause = { ruleId: root.ruleId, hdu: root.hdu, keyword: root.keyword, offset: root.offset };
const missing: Finding = {
  ruleId: 'hlsp/keyword-required',
  severity: 'error',
  path: 'a.fits',
  hdu: 1,
  keyword: 'BUNIT',
  offset: 2880,
  message: 'BUNIT is missing',
  causedBy: cause,
};
const noTime: Finding = {
  ruleId: 'hlsp/date-range',
  severity: 'warning',
  path: 'a.fits',
  hdu: 0,
  keyword: 'DATE-BEG',
  offset: 0,
  message: 'the file gives no observation time',
  causedBy: cause,
};
/** Its cause is not in the report (turned off, or left out by a baseline): it must stay visible. */
const orphan: Finding = {
  ruleId: 'hlsp/timesys',
  severity: 'error',
  path: 'a.fits',
  hdu: 2,
  keyword: 'MJD-BEG',
  offset: 9000,
  message: 'no TIMESYS in HDU 2',
  causedBy: { ruleId: 'hlsp/keyword-placement', hdu: 2, keyword: 'MJD-BEG', offset: 9000 },
};
/** The same rule and place in another file is not the cause. */
const elsewhere: Finding = { ...missing, path: 'b.fits', message: 'BUNIT is missing in b', causedBy: cause };

function cascade(): Report {
  const findings = [noTime, missing, root, orphan, elsewhere];
  return {
    tool: { name: 'hlsp-validate', version: '0.1.0' },
    project: 'demo',
    root: 'x',
    startedAt: '2026-12-02T00:00:00.000Z',
    durationMs: 1,
    summary: { files: 2, products: 2, supportFiles: 0, errors: 4, warnings: 1, infos: 0, verdict: 'FAIL' },
    files: [
      { path: 'a.fits', size: 8640, sha256: null, kind: 'fits', verdict: 'FAIL' },
      { path: 'b.fits', size: 2880, sha256: null, kind: 'fits', verdict: 'FAIL' },
    ],
    findings,
    notChecked: [],
  };
}

describe('foldFindings', () => {
  it('puts caused findings under their root, in the same file only, and keeps orphans', () => {
    const folded = foldFindings(cascade().findings);
    expect(folded.map((entry) => entry.finding)).toEqual([root, orphan, elsewhere]);
    expect(folded[0]!.caused).toEqual([noTime, missing]);
  });

  it('follows a chain of causes to its first finding', () => {
    const second: Finding = {
      ...orphan,
      causedBy: { ruleId: missing.ruleId, hdu: 1, keyword: 'BUNIT', offset: 2880 },
    };
    const folded = foldFindings([root, missing, second]);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.caused).toEqual([missing, second]);
  });
});

describe('every format folds a cascade under its root', () => {
  it('json keeps every finding flat, with causedBy, valid against the schema', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')),
    );
    const parsed = JSON.parse(formatters.json(cascade(), context));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.findings).toHaveLength(5);
    expect(parsed.findings[1].causedBy).toEqual(cause);
  });

  it('stylish shows the caused findings as notes right under the root', () => {
    const lines = formatters.stylish(cascade(), context).split('\n');
    const at = lines.findIndex((line) => line.includes(root.message));
    // The root's line, its hint, then one note per caused finding.
    expect(lines[at + 2]).toMatch(/note: warning .*the file gives no observation time/);
    expect(lines[at + 3]).toMatch(/note: error .*BUNIT is missing {2}hlsp\/keyword-required/);
    expect(lines.filter((line) => line.includes('BUNIT is missing') && !line.includes('note:'))).toEqual([
      expect.stringContaining('BUNIT is missing in b'),
    ]);
    expect(lines.find((line) => line.includes(orphan.message))).not.toContain('note:');
  });

  it('markdown has one row per root, the notes in its cell', () => {
    const text = formatters.markdown(cascade(), context);
    const rows = text
      .split('\n')
      .filter((line) => line.startsWith('| **error**') || line.startsWith('| warning'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<br>note: warning (HDU 0 DATE-BEG): the file gives no observation time');
    expect(rows[0]).toContain('<br>note: error (HDU 1 BUNIT): BUNIT is missing');
  });

  it('github gives the root one annotation with the caused findings in its message', () => {
    const lines = formatters.github(cascade(), context).trim().split('\n');
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toMatch(/^::error file=[^:]*a\.fits,title=fits\/truncated \(HDU 1\)::/);
    expect(annotations[0]).toContain('%0Anote: warning HDU 0 DATE-BEG: the file gives no observation time');
    expect(annotations[0]).toContain('%0Anote: error HDU 1 BUNIT: BUNIT is missing (hlsp/keyword-required)');
  });

  it('junit fails the root testcase once and lists the caused findings in it', () => {
    const xml = new XMLParser({ ignoreAttributes: false }).parse(formatters.junit(cascade(), context));
    const suites = xml.testsuites.testsuite as {
      '@_name': string;
      '@_failures': string;
      testcase: unknown[];
    }[];
    const a = suites.find((suite) => suite['@_name'] === 'a.fits')!;
    const names = (a.testcase as { '@_name': string }[]).map((c) => c['@_name']);
    expect(names).not.toContain('hlsp/keyword-required');
    expect(names).not.toContain('hlsp/date-range');
    // fits/truncated and the orphaned hlsp/timesys.
    expect(a['@_failures']).toBe('2');
    const truncated = (a.testcase as { '@_name': string; failure?: { '#text': string } }[]).find(
      (c) => c['@_name'] === 'fits/truncated',
    )!;
    expect(truncated.failure!['#text']).toContain(
      'note: error hdu 1 BUNIT: BUNIT is missing (hlsp/keyword-required)',
    );
  });

  it('sarif has one result per root, the caused findings as related locations', () => {
    const log = JSON.parse(formatters.sarif(cascade(), context));
    const results = log.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0].ruleId).toBe('fits/truncated');
    expect(results[0].relatedLocations).toHaveLength(2);
    expect(results[0].relatedLocations[1].message.text).toBe(
      'note: error (HDU 1, BUNIT): BUNIT is missing (hlsp/keyword-required)',
    );
    expect(results[0].relatedLocations[1].physicalLocation.region.byteOffset).toBe(2880);
    expect(results[0].properties.caused.map((c: { ruleId: string }) => c.ruleId)).toEqual([
      'hlsp/date-range',
      'hlsp/keyword-required',
    ]);
    expect(results[1].relatedLocations).toBeUndefined();
  });

  it('codeclimate has one issue per root, the caused findings in its description', () => {
    const issues = JSON.parse(formatters.codeclimate(cascade(), context));
    expect(issues).toHaveLength(3);
    expect(issues[0].check_name).toBe('fits/truncated');
    expect(issues[0].description).toContain(
      '\nnote: error: HDU 1 BUNIT: BUNIT is missing (hlsp/keyword-required)',
    );
  });

  it('html embeds which findings are notes of which root, and keeps the report whole', () => {
    const page = formatters.html(cascade(), context);
    const notes = /<script type="application\/json" id="notes-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
    // report.findings = [noTime, missing, root, orphan, elsewhere]: root (2) has notes 0 and 1.
    expect(JSON.parse(notes)).toEqual({ 2: [0, 1] });
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(data)).toEqual(cascade());
  });
});
