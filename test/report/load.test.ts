/**
 * formatterFor loads one format on demand; it must give the same text as the eager `formatters`
 * and `streamedFormatters` that library users import.
 */
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { type FormatName, formatterFor, formatters, streamedFormatters } from '../../src/report/index.js';
import { sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);
const FORMATS = Object.keys(formatters) as FormatName[];

describe('formatterFor', () => {
  it.each(FORMATS)('%s: the same text as formatters and streamedFormatters', async (name) => {
    const report = sampleReport();
    const { formatter, streamed } = await formatterFor(name);
    const text = formatters[name](report, context);
    expect(text.length).toBeGreaterThan(0);
    expect(formatter(report, context)).toBe(text);
    expect([...streamed(report, context)].join('')).toBe(text);
    expect([...streamedFormatters[name](report, context)].join('')).toBe(text);
  });

  it('rejects a format it does not know, inherited names included', async () => {
    await expect(formatterFor('pdf' as FormatName)).rejects.toThrow("unknown report format 'pdf'");
    await expect(formatterFor('toString' as FormatName)).rejects.toThrow("unknown report format 'toString'");
  });
});
