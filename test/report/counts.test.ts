/** The summaries count products and support files (README, manifest, hlsp.config.json) apart. */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { formatterContext } from '../../src/cli/common.js';
import { formatters } from '../../src/report/index.js';
import type { Report } from '../../src/report/types.js';
import { sampleReport } from '../support/sample-report.js';

const DEMO = new URL('../../fixtures/demo', import.meta.url).pathname;
const context = formatterContext(false);

let demo: Promise<Report> | undefined;
const demoReport = () => {
  demo ??= check([DEMO], { jobs: 1, mast: { mode: 'offline' } });
  return demo;
};

describe('product and support-file counts', () => {
  it('counts the demo as 9 products and 3 support files, its config among them', async () => {
    const report = await demoReport();
    expect(report.summary).toMatchObject({ files: 11, products: 9, supportFiles: 3 });
    expect(report.configFiles).toEqual(['hlsp.config.json']);
    expect(report.files.map((file) => file.path)).not.toContain('hlsp.config.json');
  });

  it('writes the counts into a JSON report that the schema accepts', async () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8')),
    );
    const parsed = JSON.parse(formatters.json(await demoReport(), context));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.summary).toMatchObject({ products: 9, supportFiles: 3 });
  });

  it('writes the MAST and baseline counts in the right number', () => {
    const report = {
      ...sampleReport(['a.fits']),
      mast: { mode: 'cache' as const, ids: 1, requests: 1, cacheHits: 1 },
      baseline: { file: 'b.json', suppressed: 1 },
    };
    const text = formatters.stylish(report, context);
    expect(text).toContain(
      'MAST cross-reference (cache): 1 source id and programs · 1 request · 1 answer from the cache',
    );
    expect(text).toContain('baseline b.json: 1 known finding not shown');
  });

  // The HTML report writes its counts in the browser: test/report/html.browser.test.ts.
  it.each(['stylish', 'markdown', 'github'] as const)(
    '%s says "9 products, 3 support files"',
    async (name) => {
      expect(formatters[name](await demoReport(), context)).toContain('9 products, 3 support files');
    },
  );
});
