/**
 * What was not checked shows in every output: per-format counts of checked and not-checked files,
 * each file whose content was not read, and each rule that did not run (a MAST pass that could
 * not reach MAST), with hostile names escaped everywhere.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import {
  formatCoverage,
  formatCoverageLine,
  notCheckedCounts,
  uncheckedFiles,
  uncheckedRules,
} from '../../src/report/coverage.js';
import { formatters } from '../../src/report/index.js';
import { jsonChunks } from '../../src/report/json.js';
import type { Finding, Report } from '../../src/report/types.js';
import { sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);

const SCRIPT_PNG = '<script>alert(1)</script>.png';
const INJECTING_H5 = 'line\nbreak\r::error file=x::pwned%0A,title=y.h5';
const CONTROL_DAT = 'ctrl\u001b[31m\u0007.dat';
const MAST_REASON = 'MAST could not be queried: <b>HTTP 503</b>%0A\n::error::pwned';

function notCheckedFinding(path: string, what: string): Finding {
  return {
    ruleId: 'format/not-checked',
    severity: 'warning',
    path,
    hdu: null,
    keyword: null,
    offset: null,
    message: `not checked: hlsp-validate cannot read ${what} yet, so its content was not judged`,
    hint: 'review the file by hand, or deliver the data as FITS, which is checked in full',
  };
}

/** Two FITS files and a README checked; a PNG, an HDF5 file and unknown bytes not; MAST not reached. */
function coverageReport(): Report {
  const base = sampleReport(['images/a.fits', 'b.fits']);
  const entry = (path: string, format: string, checked: boolean) => ({
    path,
    size: 100,
    sha256: null,
    kind: 'other' as const,
    format,
    checked,
    verdict: checked ? ('PASS' as const) : ('NEEDS REVIEW' as const),
  });
  const files = [
    ...base.files.map((file) => ({ ...file, format: 'fits', checked: true })),
    { ...entry('hlsp_demo_readme.md', 'text', true), kind: 'readme' as const },
    entry(SCRIPT_PNG, 'png', false),
    entry(INJECTING_H5, 'hdf5', false),
    // No format finding left for this one (as after --quiet or a baseline).
    entry(CONTROL_DAT, 'unknown', false),
  ];
  return {
    ...base,
    summary: { ...base.summary, files: files.length, products: files.length - 1, supportFiles: 1 },
    files,
    findings: [
      ...base.findings,
      notCheckedFinding(SCRIPT_PNG, 'a PNG image'),
      notCheckedFinding(INJECTING_H5, 'HDF5 data'),
    ],
    notChecked: [
      { ruleId: 'mast/observation-exists', reason: MAST_REASON },
      { ruleId: 'mast/program-exists', reason: MAST_REASON },
    ],
  };
}

describe('coverage of a report', () => {
  it('counts checked and not-checked files per format, sorted by format', () => {
    const coverage = formatCoverage(coverageReport().files);
    expect(coverage).toEqual([
      { format: 'fits', checked: 2, notChecked: 0 },
      { format: 'hdf5', checked: 0, notChecked: 1 },
      { format: 'png', checked: 0, notChecked: 1 },
      { format: 'text', checked: 1, notChecked: 0 },
      { format: 'unknown', checked: 0, notChecked: 1 },
    ]);
    expect(formatCoverageLine(coverage)).toBe(
      'fits 2 checked · hdf5 1 not checked · png 1 not checked · text 1 checked · unknown 1 not checked',
    );
    expect(formatCoverageLine([{ format: 'text', checked: 1, notChecked: 3 }])).toBe(
      'text 1 checked, 3 not checked',
    );
    expect(notCheckedCounts(coverageReport())).toBe('3 files and 2 rules not checked');
  });

  it('has no formats for a names report, where files carry none', () => {
    const names = sampleReport(['a.fits']);
    expect(formatCoverage(names.files)).toEqual([]);
    expect(uncheckedFiles(names)).toEqual([]);
    expect(notCheckedCounts({ ...names, notChecked: [] })).toBe('');
  });

  it("gives each unread file its format rule's reason, or a plain one when the finding is gone", () => {
    const unread = uncheckedFiles(coverageReport());
    expect(unread.map((file) => [file.path, file.format, file.reason])).toEqual([
      [SCRIPT_PNG, 'png', 'hlsp-validate cannot read a PNG image yet, so its content was not judged'],
      [INJECTING_H5, 'hdf5', 'hlsp-validate cannot read HDF5 data yet, so its content was not judged'],
      [CONTROL_DAT, 'unknown', 'its content was not read, so it was not judged'],
    ]);
  });

  it('groups rules that did not run by reason', () => {
    expect(uncheckedRules(coverageReport())).toEqual([
      { ruleIds: ['mast/observation-exists', 'mast/program-exists'], reason: MAST_REASON },
    ]);
  });
});

describe('stylish', () => {
  it('gives a sorted formats line, the files not checked, and the rules not checked', () => {
    const text = formatters.stylish(coverageReport(), context);
    expect(text).toContain('fixtures/x: 5 products, 1 support file, 3 files not checked · FAIL');
    expect(text).toContain(
      'formats: fits 2 checked · hdf5 1 not checked · png 1 not checked · text 1 checked · unknown 1 not checked',
    );
    expect(text).toContain(
      'not checked: mast/observation-exists, mast/program-exists: MAST could not be queried',
    );
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('\\x0a::error::pwned');
  });

  it('says "checked" after the counts when every file was checked', () => {
    const report = coverageReport();
    report.files = report.files.filter((file) => file.checked);
    report.summary = { ...report.summary, files: 3, products: 2, supportFiles: 1 };
    const text = formatters.stylish(report, context);
    expect(text).toContain('fixtures/x: 2 products, 1 support file checked · FAIL');
    expect(text).toContain('formats: fits 2 checked · text 1 checked\n');
  });
});

describe('json', () => {
  it('keeps format, checked and notChecked, valid against the schema, in one piece or many', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')),
    );
    const report = coverageReport();
    const text = formatters.json(report, context);
    const parsed = JSON.parse(text);
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.files.map((f: { format: string; checked: boolean }) => [f.format, f.checked])).toEqual(
      report.files.map((f) => [f.format, f.checked]),
    );
    expect(parsed.notChecked).toEqual(report.notChecked);
    expect([...jsonChunks(report)].join('')).toBe(text);
  });
});

describe('sarif', () => {
  it('lists each unread file and each rule not run as a warning notification of the run', () => {
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8')),
    );
    const log = JSON.parse(formatters.sarif(coverageReport(), context));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications).toHaveLength(5);
    for (const notification of notifications) expect(notification.level).toBe('warning');
    const [png, h5, dat, exists, program] = notifications;
    expect(png.message.text).toBe(
      `${SCRIPT_PNG} was not checked (png): hlsp-validate cannot read a PNG image yet, so its content was not judged`,
    );
    expect(png.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: encodeURI(SCRIPT_PNG),
      uriBaseId: 'COLLECTION',
    });
    expect(h5.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/[\n\r#?]/);
    expect(dat.associatedRule.id).toBe('format/not-checked');
    expect(exists.message.text).toBe(`mast/observation-exists was not checked: ${MAST_REASON}`);
    expect(exists.locations).toBeUndefined();
    expect(program.associatedRule.id).toBe('mast/program-exists');
    expect(log.runs[0].results).toHaveLength(coverageReport().findings.length);
  });
});

/** Attributes the common JUnit schema (Jenkins' junit-10.xsd, which GitLab reads too) allows. */
const JUNIT_ATTRIBUTES: Record<string, string[]> = {
  testsuites: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'],
  testsuite: [
    'name',
    'tests',
    'failures',
    'errors',
    'group',
    'time',
    'disabled',
    'skipped',
    'timestamp',
    'hostname',
    'id',
    'package',
    'file',
    'log',
    'url',
    'version',
  ],
  testcase: [
    'name',
    'assertions',
    'time',
    'classname',
    'status',
    'class',
    'file',
    'line',
    'log',
    'group',
    'url',
  ],
  skipped: ['message'],
  failure: ['message', 'type'],
  'system-out': [],
};

function checkJunitShape(node: unknown, element: string): void {
  if (typeof node !== 'object' || node === null) return;
  for (const item of Array.isArray(node) ? node : [node]) {
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (key === '#text') continue;
      if (key.startsWith('@_')) {
        expect(JUNIT_ATTRIBUTES[element], `${element} has no ${key.slice(2)} attribute`).toContain(
          key.slice(2),
        );
        continue;
      }
      expect(Object.keys(JUNIT_ATTRIBUTES), `unknown element ${key}`).toContain(key);
      checkJunitShape(value, key);
    }
  }
}

describe('junit', () => {
  const parse = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml);

  it('skips a testcase per unread file and per rule not run, with the reason, and stays valid', () => {
    const xml = formatters.junit(coverageReport(), context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parse(xml);
    checkJunitShape(doc.testsuites, 'testsuites');
    const suites: Array<Record<string, unknown> & { testcase: Array<Record<string, unknown>> }> =
      doc.testsuites.testsuite;
    const suite = (name: string) => suites.find((s) => s['@_name'] === name)!;
    const skipped = (name: string) =>
      suite(name)
        .testcase.filter((c) => c.skipped !== undefined)
        .map((c) => [c['@_name'], (c.skipped as Record<string, string>)['@_message']]);
    expect(skipped(SCRIPT_PNG)).toEqual([
      [
        'format/not-checked',
        'content not checked (png): hlsp-validate cannot read a PNG image yet, so its content was not judged',
      ],
    ]);
    expect(suite(SCRIPT_PNG)['@_skipped']).toBe('1');
    // The warning is said by the skipped case, not also by a passing one.
    expect(suite(SCRIPT_PNG).testcase.filter((c) => c['@_name'] === 'format/not-checked')).toHaveLength(1);
    // Control characters cannot be in XML at all, even escaped: they are written as \x1b.
    expect(skipped('ctrl\\x1b[31m\\x07.dat')).toEqual([
      ['format/not-checked', 'content not checked (unknown): its content was not read, so it was not judged'],
    ]);
    expect(skipped('(collection)')).toEqual([
      ['mast/observation-exists', `not checked: ${MAST_REASON}`],
      ['mast/program-exists', `not checked: ${MAST_REASON}`],
    ]);
    expect(suite('(collection)')['@_skipped']).toBe('2');
    expect(suite('images/a.fits')['@_skipped']).toBe('0');
    expect(suites.filter((s) => String(s['@_name']).endsWith('pwned%0A,title=y.h5'))).toHaveLength(1);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u001b');
  });
});

describe('github', () => {
  const lines = (report: Report, maxAnnotations?: number) =>
    formatters
      .github(report, { ...context, ...(maxAnnotations !== undefined ? { maxAnnotations } : {}) })
      .trimEnd()
      .split('\n');

  it('warns once per unread file and per rule not run, and says how many in the summary', () => {
    const out = lines(coverageReport());
    const unread = out.filter((line) => line.includes('(content not checked)'));
    expect(unread).toHaveLength(3);
    for (const line of unread) expect(line).toMatch(/^::warning file=/);
    // Its format/not-checked finding is not annotated a second time.
    expect(out.filter((line) => line.includes('cannot read a PNG image'))).toHaveLength(1);
    const rules = out.filter((line) => line.includes(' not checked::'));
    expect(rules).toEqual([
      `::warning title=mast/observation-exists not checked::not checked: MAST could not be queried: <b>HTTP 503</b>%250A%0A::error::pwned`,
      `::warning title=mast/program-exists not checked::not checked: MAST could not be queried: <b>HTTP 503</b>%250A%0A::error::pwned`,
    ]);
    expect(out.at(-1)).toBe(
      'hlsp-validate: FAIL · 5 products, 1 support file · 2 errors, 2 warnings, 2 info · 3 files and 2 rules not checked',
    );
  });

  it('escapes file names so that none can end its annotation or start another', () => {
    for (const line of lines(coverageReport())) {
      expect(line.startsWith('::') || line.startsWith('hlsp-validate:')).toBe(true);
      if (!line.startsWith('::')) continue;
      const match = /^::(error|warning|notice) (.*?)::(.*)$/.exec(line)!;
      for (const property of match[2]!.split(',')) expect(property).toMatch(/^(file|title)=[^:,\r\n]*$/);
    }
    const h5 = lines(coverageReport()).find((line) => line.includes('pwned%250A'))!;
    expect(h5).toContain('file=fixtures/x/line%0Abreak%0D%3A%3Aerror file=x%3A%3Apwned%250A%2Ctitle=y.h5,');
  });

  it('caps the not-checked annotations apart from the findings and counts the rest', () => {
    const out = lines(coverageReport(), 1);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(
      /^::warning file=fixtures\/x\/<script>alert\(1\)<\/script>\.png,title=format\/not-checked /,
    );
    expect(out[2]).toBe(
      'hlsp-validate: FAIL · 5 products, 1 support file · 2 errors, 2 warnings, 2 info · 3 files and 2 rules not checked · 5 more findings not annotated (see the full report) · 4 more not-checked items not annotated',
    );
  });
});

describe('markdown (the step summary)', () => {
  it('shows the formats line and what was not checked and why, escaped', () => {
    const md = formatters.markdown(coverageReport(), context);
    expect(md).toContain(
      '**Formats:** fits 2 checked · hdf5 1 not checked · png 1 not checked · text 1 checked · unknown 1 not checked',
    );
    const section = md.slice(md.indexOf('**Not checked:**') + '**Not checked:**\n\n'.length);
    const list = section.slice(0, section.indexOf('\n\n')).split('\n');
    expect(list).toHaveLength(4);
    expect(list[0]).toBe(
      '- mast/observation-exists, mast/program-exists: MAST could not be queried: \\<b\\>HTTP 503\\</b\\>%0A ::error::pwned',
    );
    expect(list[1]).toContain(
      '\\<script\\>alert(1)\\</script\\>.png (png): hlsp-validate cannot read a PNG image yet',
    );
    expect(list[2]).toMatch(/^- line break ::error file=x::pwned%0A,title=y\.h5 \(hdf5\): /);
    // Rendered, that is ctrl\x1b[31m\x07.dat: the control characters as visible escapes.
    expect(list[3]).toMatch(/^- ctrl\\\\x1b\\\[31m\\\\x07\.dat \(unknown\): its content was not read/);
    expect(md).not.toMatch(/(?<!\\)<script>/);
  });
});

describe('html', () => {
  it('has a section, readable without scripts, with the counts per format and what was not checked', () => {
    const page = formatters.html(coverageReport(), context);
    const section = /<section id="coverage"[\s\S]*?<\/section>/.exec(page)![0];
    expect(section).toContain('<tr><td>png</td><td class="n">0</td><td class="n unread">1</td></tr>');
    expect(section).toContain('<tr><td>fits</td><td class="n">2</td><td class="n">0</td></tr>');
    const items = section.match(/<li>/g)!;
    expect(items).toHaveLength(4);
    expect(section).toContain(
      '<li><strong>mast/observation-exists, mast/program-exists</strong>: MAST could not be queried: &lt;b&gt;HTTP 503&lt;/b&gt;',
    );
    expect(section).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;.png</strong> (png)');
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('<b>');
    expect(section).toContain('ctrl\\x1b[31m\\x07.dat');
  });

  it('says so when everything was checked, and has no section for a names report', () => {
    const report = coverageReport();
    report.files = report.files.filter((file) => file.checked);
    report.notChecked = [];
    expect(formatters.html(report, context)).toContain('Every file was read and judged, and every rule ran.');
    const names = { ...sampleReport(['a.fits']), notChecked: [] };
    expect(formatters.html(names, context)).not.toContain('id="coverage"');
  });
});
