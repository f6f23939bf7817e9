import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { formatters } from '../../src/report/index.js';
import { jsonChunks } from '../../src/report/json.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);

describe('json', () => {
  it('validates against schemas/report.schema.json and round-trips every string', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')),
    );
    const report = sampleReport();
    const parsed = JSON.parse(formatters.json(report, context));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed).toEqual(report);
  });

  it('is written in pieces with exactly the same bytes (empty arrays, absent fields, nested values)', () => {
    const full = sampleReport();
    const empty = { ...sampleReport(), files: [], findings: [], notChecked: [], mast: undefined };
    const shard = {
      ...sampleReport(),
      shard: { index: 1, count: 2 },
      records: [{ path: 'a', header: { A: 1 } }],
    };
    for (const report of [full, empty, shard] as Report[]) {
      expect([...jsonChunks(report)].join('')).toBe(formatters.json(report, context));
    }
  });

  it('has the same bytes when the arrays are longer than one piece (1, 499–501, 1,001 elements)', () => {
    const base = sampleReport();
    for (const count of [1, 499, 500, 501, 1000, 1001]) {
      const files = Array.from({ length: count }, (_, i) => ({
        ...base.files[i % base.files.length]!,
        path: `f${i}`,
      }));
      const findings = Array.from({ length: count }, (_, i) => ({
        ...base.findings[i % base.findings.length]!,
        path: `f${i}`,
      }));
      const report = { ...base, files, findings } as Report;
      const pieces = [...jsonChunks(report)];
      expect(pieces.join('')).toBe(formatters.json(report, context));
      if (count > 500)
        expect(pieces.length).toBeGreaterThan(
          [...jsonChunks({ ...report, files: files.slice(0, 500) })].length,
        );
    }
  });
});

describe('sarif', () => {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8')),
  );

  it('is valid SARIF 2.1.0 with help links and relative locations', () => {
    const log = JSON.parse(formatters.sarif(sampleReport(), context));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const checksum = run.tool.driver.rules.find((r: { id: string }) => r.id === 'fits/checksum');
    expect(checksum.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/fits\/checksum\.md$/);
    for (const result of run.results) {
      const location = result.locations[0].physicalLocation.artifactLocation;
      expect(location.uriBaseId).toBe('COLLECTION');
      expect(location.uri.startsWith('/')).toBe(false);
    }
    expect(run.results[0].locations[0].physicalLocation.region.byteOffset).toBe(2880);
  });
});

describe('junit', () => {
  it('parses as XML with a testsuite per file and a failing testcase per rule with errors', () => {
    const xml = formatters.junit(sampleReport(), context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const suites = doc.testsuites.testsuite;
    // One per file, and the collection's, which holds the MAST rule that was not checked.
    expect(suites).toHaveLength(sampleReport().files.length + 1);
    const first = suites.find((s: { '@_name': string }) => s['@_name'] === 'images/a.fits');
    expect(first['@_failures']).toBe('1');
    const names = first.testcase.map((c: { '@_name': string }) => c['@_name']);
    expect(names).toEqual([
      'fits/checksum',
      'hlsp/keyword-required',
      'collection/stray-file',
      'all other rules',
    ]);
  });
});

describe('github', () => {
  it('escapes properties and data so a file name cannot inject a command', () => {
    const lines = formatters.github(sampleReport(), context).trim().split('\n');
    const injected = lines.filter((line) => line.includes('pwned'));
    expect(injected.length).toBeGreaterThan(0);
    for (const line of injected) {
      // The runner reads properties up to the first '::'; each must be key=value with ':' and ',' escaped.
      const match = /^::(error|warning|notice) (.*?)::(.*)$/.exec(line)!;
      for (const property of match[2]!.split(',')) expect(property).toMatch(/^(file|title)=[^:,]*$/);
      expect(line).not.toMatch(/\n|\r/);
    }
    expect(lines.at(-1)).toMatch(/^hlsp-validate: FAIL/);
  });

  it('places annotations by their path in the repository, where GitHub looks for the file', () => {
    const lines = formatters.github({ ...sampleReport(['images/a.fits']), root: './data/' }, context);
    expect(lines).toMatch(/^::error file=data\/images\/a\.fits,title=fits\/checksum /m);
    const one = formatters.github({ ...sampleReport(['a.fits']), root: 'data/images/a.fits' }, context);
    expect(one).toMatch(/^::error file=data\/images\/a\.fits,/m);
  });

  it('caps the annotations and says how many were left out', () => {
    const out = formatters
      .github(sampleReport(), { ...context, maxAnnotations: 5 })
      .trim()
      .split('\n');
    // 5 findings, the MAST rule not checked (under its own cap), the summary.
    expect(out).toHaveLength(7);
    expect(out[5]).toMatch(/^::warning title=mast\/observation-exists not checked::/);
    expect(out[6]).toMatch(/22 more findings not annotated/);
  });
});

describe('markdown and stylish', () => {
  it('escape HTML and Markdown in untrusted strings', () => {
    const md = formatters.markdown(sampleReport(), context);
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).toContain('\\<script\\>');
  });

  it('stylish never writes raw control characters from file names', () => {
    const text = formatters.stylish(sampleReport(), context);
    expect(text).not.toMatch(/[\u0000\u0007\u001b]/);
    expect(text).toContain('\\x1b');
  });
});

describe('any content stays valid in every format (property test, fixed seed)', () => {
  it('round-trips arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (paths) => {
        const report = sampleReport(paths);
        expect(JSON.parse(formatters.json(report, context))).toEqual(report);
        expect([...jsonChunks(report)].join('')).toBe(formatters.json(report, context));
        JSON.parse(formatters.sarif(report, context));
        expect(XMLValidator.validate(formatters.junit(report, context))).toBe(true);
        const html = formatters.html(report, context);
        const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
        expect(JSON.parse(data)).toEqual(report);
        expect(html.match(/<\/script>/g)!.length).toBe(4);
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });
});
