/**
 * The ECSV reader splits lines itself and hands csv-parse only what it must judge: wherever it
 * splits a line, csv-parse (with astropy's run-of-blanks rule) finds exactly the same values, and
 * wherever it says a quoted value goes on in the next line, csv-parse finds the quote unclosed.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPEN_QUOTE, splitCommas, splitSpaces } from '../../src/readers/ecsv.js';
import { splitOnBlanks } from '../../src/readers/text-stream.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const LINE = fc
  .array(fc.constantFrom('a', '1', ' ', ' ', ',', '"', '""', '#', '\t', '\f', 'é'), { maxLength: 24 })
  .map((parts) => parts.join(''))
  .filter((line) => line !== '' && !line.startsWith('#'));

function csvParse(line: string, delimiter: ' ' | ','): string[] | 'error' {
  try {
    const records = parse(line, {
      delimiter,
      quote: '"',
      escape: '"',
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ltrim: delimiter === ',',
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
    if (records.length !== 1) return 'error';
    const { record, raw } = records[0]!;
    return delimiter === ' ' && record.includes('') ? splitOnBlanks(raw, false) : record;
  } catch {
    return 'error';
  }
}

describe('the ECSV line splitters', () => {
  it.each([
    [' ', splitSpaces],
    [',', splitCommas],
  ] as const)('split as csv-parse does (delimiter %j)', (delimiter, split) => {
    fc.assert(
      fc.property(LINE, (line) => {
        // Lines of blanks, and blanks then '#', are skipped before splitting with a comma delimiter.
        if (delimiter === ',' && /^[ \t\f]*(#|$)/.test(line)) return;
        const ours = split(line);
        if (ours === undefined) return;
        if (ours === OPEN_QUOTE) expect(csvParse(line, delimiter), line).toBe('error');
        else expect(ours, JSON.stringify(line)).toEqual(csvParse(line, delimiter));
      }),
      { numRuns: RUNS * 10, seed: SEED },
    );
  });

  it('split the common lines without csv-parse', () => {
    expect(splitSpaces('1 2.5  "a b" ""')).toEqual(['1', '2.5', 'a b', '']);
    expect(splitCommas('1, 2.5,"a, ""b""",')).toEqual(['1', '2.5', 'a, "b"', '']);
    expect(splitSpaces('1 "open')).toBe(OPEN_QUOTE);
    expect(splitSpaces('1 a"b')).toBeUndefined();
  });
});
