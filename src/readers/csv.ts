/**
 * The reader of plain text tables: CSV (`.csv`, `.csv.gz`), TSV (`.tsv`), and `.txt`, `.txt.gz`
 * and `.dat` files that look like a table (their first lines split into the same number of fields,
 * two or more, by a tab, a comma or runs of spaces). Other text in those files is prose: it is only
 * decoded (UTF-8 to its end) and judged no further. It streams with `csv-parse` (record size
 * capped) and keeps per-column counters only.
 */
import { basename } from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import type { ContentProblem, ReadContent } from '../types.js';
/** The extensions read; `.txt`, `.txt.gz` and `.dat` only as far as they look like a table. */
import { TABLE_EXTENSIONS } from './table-extensions.js';
import { countNewlines, ProblemList, quote, splitOnBlanks, streamOf, textChunks } from './text-stream.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';

export { TABLE_EXTENSIONS };

const ALWAYS_TABLE = new Set(['csv', 'csv.gz', 'tsv']);
/** Lines looked at to decide whether a `.txt`/`.dat` is a table, and to guess its delimiter. */
const SNIFF_LINES = 20;
/** Values that stand for "no value" in a numeric column. */
const NULLS = new Set([
  '',
  'na',
  'n/a',
  'nan',
  'null',
  'none',
  '-',
  '--',
  'inf',
  '-inf',
  '+inf',
  'infinity',
  '-infinity',
]);
const NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eEdD][+-]?[0-9]+)?$/;
/** A column looks numeric when at least this share of its non-empty values are numbers. */
const NUMERIC_SHARE = 0.9;

export type Delimiter = ',' | '\t' | 'whitespace';

interface ColumnCount {
  numbers: number;
  others: number;
  first?: { line: number; value: string };
}

export const csvReader: ContentReader = { formats: ['text'], extensions: TABLE_EXTENSIONS, read: readCsv };

function extensionOf(path: string | Buffer): string {
  const name = basename(path.toString()).toLowerCase();
  for (const extension of ['csv.gz', 'txt.gz']) if (name.endsWith(`.${extension}`)) return extension;
  return name.slice(name.lastIndexOf('.') + 1);
}

export async function readCsv(source: ContentSource, limits: ContentLimits): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  let fatal = false;
  const chunks = textChunks(source, limits, (problem) => {
    problems.add(problem);
    fatal = true;
  })[Symbol.asyncIterator]();
  const extension = extensionOf(source.path);

  // Enough of the start to decide what the file is.
  const head: string[] = [];
  let headLength = 0;
  let done = false;
  while (!done && countLines(head.join('')) <= SNIFF_LINES && headLength < limits.maxLineBytes) {
    const next = await chunks.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headLength += next.value.length;
    }
  }
  const start = head.join('');
  const delimiter: Delimiter | undefined =
    extension === 'tsv' ? '\t' : ALWAYS_TABLE.has(extension) ? ',' : guessDelimiter(start);
  async function* rest(): AsyncGenerator<string> {
    if (start.length > 0) yield start;
    if (done) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (delimiter === undefined) {
    // Prose: decode it to the end (the sniffer saw only its start), judge nothing else.
    for await (const _ of rest()) {
      // Reading is the check.
    }
    return { problems: problems.done(), details: { table: false } };
  }

  const parser = streamOf(rest()).pipe(
    parseCsv({
      delimiter: delimiter === 'whitespace' ? [' ', '\t'] : delimiter,
      quote: '"',
      escape: '"',
      relax_column_count: true,
      skip_empty_lines: true,
      // '#' starts a comment line in the text tables of astronomy (IPAC, SExtractor, astropy's basic).
      comment: ALWAYS_TABLE.has(extension) ? undefined : '#',
      comment_no_infix: true,
      bom: true,
      max_record_size: limits.maxLineBytes,
      // The raw text gives line numbers (csv-parse's info objects cost more than the parse itself).
      raw: true,
    }),
  );
  let linesRead = 0;
  let names: string[] | undefined;
  let headerLine = 0;
  let rows = 0;
  let badRows = 0;
  let firstBadRow: { line: number; found: number } | undefined;
  const counts: ColumnCount[] = [];
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const newlines = countNewlines(raw);
      const line = linesRead + (raw.endsWith('\n') ? newlines : newlines + 1);
      linesRead += newlines;
      const fields = delimiter === 'whitespace' && record.includes('') ? splitOnBlanks(raw, true) : record;
      if (fields.length === 0) continue;
      if (names === undefined) {
        names = fields;
        headerLine = line;
        for (let i = 0; i < names.length; i++) counts.push({ numbers: 0, others: 0 });
        continue;
      }
      rows++;
      if (fields.length !== names.length) {
        badRows++;
        firstBadRow ??= { line: line, found: fields.length };
        continue;
      }
      for (let i = 0; i < fields.length; i++) {
        const value = fields[i]!.trim();
        if (NULLS.has(value.toLowerCase())) continue;
        const count = counts[i]!;
        if (NUMBER.test(value)) count.numbers++;
        else {
          count.others++;
          count.first ??= { line: line, value };
        }
      }
    }
  } catch (error) {
    problems.add(csvError(error, limits));
    // The rest was not read: what it would have shown is not known.
    fatal = true;
  } finally {
    parser.destroy();
    void chunks.return?.(undefined);
  }
  const table = { columns: (names ?? []).map((name) => ({ name })), rows };
  const details = { table: true, delimiter, headerLine };
  if (fatal) return { problems: problems.done(), table, details };
  if (names === undefined) {
    problems.add({ code: 'no-header', message: 'the file has no rows: not even a line of column names' });
    return { problems: problems.done(), table, details };
  }
  headerProblems(names, headerLine, problems);
  if (firstBadRow)
    problems.add({
      code: 'row-length',
      message: `${badRows} row${badRows === 1 ? ' has' : 's have'} a number of values other than the ${names.length} columns of the header, first at line ${firstBadRow.line} (${firstBadRow.found} values)`,
      line: firstBadRow.line,
      hint:
        delimiter === ','
          ? 'quote values that hold commas, and give every row every column (empty where there is no value)'
          : 'give every row every column',
    });
  counts.forEach((count, i) => {
    const total = count.numbers + count.others;
    if (!count.first || count.numbers < NUMERIC_SHARE * total) return;
    problems.add({
      code: 'not-a-number',
      key: names![i],
      line: count.first.line,
      message: `column ${quote(names![i] ?? String(i + 1))} holds numbers, but ${count.others} of its ${total} values ${count.others === 1 ? 'is' : 'are'} not, first at line ${count.first.line}: ${quote(count.first.value)}`,
      hint: 'write a missing value as an empty field, NaN or null, and numbers without units or text',
    });
  });
  return { problems: problems.done(), table, details };
}

function headerProblems(names: string[], line: number, problems: ProblemList): void {
  if (names.every((name) => NUMBER.test(name.trim()) || name.trim() === '')) {
    problems.add({
      code: 'no-header',
      line,
      message: `the first row (line ${line}) holds values, not column names`,
      hint: 'start the table with a row of column names',
    });
    return;
  }
  const empty = names.findIndex((name) => name.trim() === '');
  if (empty >= 0)
    problems.add({
      code: 'header-names',
      line,
      message: `column ${empty + 1} has no name in the header row (line ${line})`,
      hint: 'name every column',
    });
  const seen = new Set<string>();
  for (const name of names) {
    if (name.trim() !== '' && seen.has(name)) {
      problems.add({
        code: 'header-names',
        line,
        message: `column name ${quote(name)} appears twice in the header row (line ${line})`,
        hint: 'give every column its own name',
      });
      break;
    }
    seen.add(name);
  }
}

function csvError(error: unknown, limits: ContentLimits): ContentProblem {
  const csv = error as { code?: string; lines?: number; message?: string };
  if (csv.code === 'CSV_MAX_RECORD_SIZE')
    return {
      code: 'line-too-long',
      message: `a row${csv.lines ? ` at line ${csv.lines}` : ''} is longer than ${limits.maxLineBytes} characters, the most read in one row; the rest was not checked`,
      line: csv.lines,
    };
  return {
    code: 'csv-syntax',
    message: `the file cannot be split into values${csv.lines ? ` at line ${csv.lines}` : ''}: ${(csv.message ?? String(error)).split('\n')[0]}; the rest was not checked`,
    line: csv.lines,
    hint: 'quote with "…" and double a quote inside a quoted value',
  };
}

function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * The delimiter of a `.txt`/`.dat` table, or undefined when it does not look like one: its first
 * lines (not blank, not '#' comments) must split into the same number of fields, at least two, and
 * there must be at least two such lines.
 */
export function guessDelimiter(start: string): Delimiter | undefined {
  const lines = start
    .split('\n')
    .slice(0, SNIFF_LINES)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  // The last line may be cut by the end of the chunk.
  if (lines.length > 2 && !start.endsWith('\n')) lines.pop();
  if (lines.length < 2) return undefined;
  const splitters: [Delimiter, (line: string) => number][] = [
    ['\t', (line) => line.split('\t').length],
    [',', (line) => line.split(',').length],
    ['whitespace', (line) => line.trim().split(/\s+/).length],
  ];
  for (const [delimiter, count] of splitters) {
    // Two lines of prose often have as many words; a table of words needs three lines to tell.
    if (delimiter === 'whitespace' && lines.length < 3) continue;
    const first = count(lines[0]!);
    if (first >= 2 && lines.every((line) => count(line) === first)) return delimiter;
  }
  return undefined;
}
