/**
 * The ECSV 1.0 reader (Enhanced Character Separated Values, astropy's text table format): a YAML
 * header in `# ` comment lines, then a CSV body whose first line names the columns. It streams: the
 * header is parsed with `yaml` (aliases capped, so an alias bomb is refused), the body with
 * `csv-parse` (record size capped), and each value is checked against its column's declared type as
 * it passes; nothing but per-column counters is kept.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import type { ContentProblem, ReadContent } from '../types.js';
import { parseUnit } from '../units/index.js';
import { countNewlines, ProblemList, quote, splitOnBlanks, textChunks } from './text-stream.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';

/** The datatypes of ECSV 1.0 (the ones astropy writes and reads without a warning). */
export const ECSV_DATATYPES = [
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float16',
  'float32',
  'float64',
  'float128',
  'string',
] as const;
type Datatype = (typeof ECSV_DATATYPES)[number];
const KNOWN = new Set<string>(ECSV_DATATYPES);

/** YAML aliases allowed in a header: real headers have none; a "billion laughs" header has millions. */
const MAX_ALIASES = 100;
/** Header bytes kept before giving up: real headers are kilobytes. */
const MAX_HEADER_CHARS = 4 * 1024 * 1024;

const INTEGER_RANGE: Record<string, [bigint, bigint]> = {
  int8: [-(2n ** 7n), 2n ** 7n - 1n],
  int16: [-(2n ** 15n), 2n ** 15n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 2n ** 8n - 1n],
  uint16: [0n, 2n ** 16n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};
const INTEGER_TEXT = /^[+-]?[0-9]+$/;
/** What Python's float() accepts (astropy converts with numpy, which uses it): decimals, nan, inf. */
const FLOAT_TEXT = /^[+-]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|nan|inf|infinity)$/i;
const FLOAT_MAX: Record<string, number> = { float16: 65504, float32: 3.4028234663852886e38 };

/** A column as the header declares it, with what the body has shown so far. */
interface Column {
  name: string;
  datatype: string;
  unit?: string;
  /** From the column's `meta: {ucd: …}`. */
  ucd?: string;
  /** From `subtype`: the element type and shape of a JSON cell (null: any length), or any JSON. */
  cell?: { element: string; shape: (number | null)[] } | 'json';
  bad: number;
  first?: { line: number; value: string; why: string };
  overflow: number;
  firstOverflow?: { line: number; value: string };
}

export const ecsvReader: ContentReader = { formats: ['ecsv'], read: readEcsv };

export async function readEcsv(source: ContentSource, limits: ContentLimits): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  let fatal = false;
  const stop = (problem: ContentProblem) => {
    problems.add(problem);
    fatal = true;
  };
  const chunks = textChunks(source, limits, stop)[Symbol.asyncIterator]();

  // The header: the comment lines before the first line that is not one.
  const headerLines: string[] = [];
  let headerChars = 0;
  let pending = '';
  let bodyStart: string | undefined;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    pending += next.value;
    let at = 0;
    for (;;) {
      const end = pending.indexOf('\n', at);
      if (end < 0) break;
      const line = pending.slice(at, end).replace(/\r$/, '');
      if (!line.startsWith('#') && line.trim() !== '') {
        bodyStart = pending.slice(at);
        break;
      }
      if (line.startsWith('#')) headerLines.push(line);
      headerChars += line.length;
      at = end + 1;
    }
    pending = pending.slice(at);
    if (bodyStart !== undefined) break;
    if (pending.length > limits.maxLineBytes || headerChars > MAX_HEADER_CHARS) {
      stop({
        code: pending.length > limits.maxLineBytes ? 'line-too-long' : 'header-structure',
        message:
          pending.length > limits.maxLineBytes
            ? `line ${headerLines.length + 1} is longer than ${limits.maxLineBytes} characters, the most read in one line; the rest was not checked`
            : `the header is longer than ${MAX_HEADER_CHARS} characters; an ECSV header describes columns in a few kilobytes`,
        line: headerLines.length + 1,
      });
      break;
    }
  }
  if (bodyStart === undefined && !fatal && pending.trim() !== '') {
    // The last line has no newline.
    if (pending.startsWith('#')) headerLines.push(pending);
    else bodyStart = pending;
  }
  const finish = (content: Omit<ReadContent, 'problems'> = {}): ReadContent => {
    void chunks.return?.(undefined);
    return { problems: problems.done(), ...content };
  };
  if (fatal) return finish();

  const header = readHeader(headerLines, bodyStart?.split('\n', 1)[0], problems);
  if (!header) return finish();
  const { columns, delimiter, metadata } = header;
  const table = {
    columns: columns.map((c) => ({
      name: c.name,
      datatype: c.datatype,
      unit: c.unit,
      ...(c.ucd !== undefined ? { ucd: c.ucd } : {}),
    })),
    rows: 0,
  };
  if (bodyStart === undefined) {
    problems.add({
      code: 'header-row',
      message: 'the header is not followed by the line of column names: the table has no body',
      line: headerLines.length + 1,
      hint: `after the header, write the column names in one line: ${quote(columns.map((c) => c.name).join(delimiter), 80)}`,
    });
    return finish({ metadata, table });
  }
  checkUnits(columns, problems);

  // The body: column names, then rows, line by line. A line whose quotes are all regular (a
  // field quoted whole, "" inside) is split here; any other goes to csv-parse, which reports the
  // defect as it always has. Splitting here avoids csv-parse's round trip through bytes and back,
  // two thirds of the reading time.
  const lineOffset = headerLines.length;
  let rowLength = 0;
  let firstRowLength: { line: number; found: number } | undefined;
  let names: string[] | undefined;
  let done = false;
  const record = (fields: string[], line: number): void => {
    if (names === undefined) {
      names = fields;
      if (!sameNames(names, columns)) {
        problems.add({
          code: 'header-row',
          message: `the column names line ${quote(names.join(delimiter), 80)} does not match the header's datatype names ${quote(columns.map((c) => c.name).join(delimiter), 80)}`,
          line,
          hint: 'the first line after the header must list the datatype names, in order',
        });
        // Every row would then be judged against the wrong columns: one finding is enough.
        done = true;
      }
      return;
    }
    table.rows++;
    if (fields.length !== columns.length) {
      rowLength++;
      firstRowLength ??= { line, found: fields.length };
      return;
    }
    for (let i = 0; i < fields.length; i++) checkValue(columns[i]!, fields[i]!, line);
  };
  let failed = false;
  /** Hands text csv-parse must judge (irregular quotes, a quoted line break) to it; false when it failed. */
  const slow = (text: string, firstLine: number): boolean => {
    let records: { record: string[]; raw: string }[];
    try {
      records = parseCsvSync(text, { ...csvOptions, raw: true }) as unknown as {
        record: string[];
        raw: string;
      }[];
    } catch (error) {
      problems.add(csvError(error, firstLine - 1, limits));
      // The rest is not read; the values judged so far are still reported.
      failed = true;
      return false;
    }
    let line = firstLine;
    for (const { record: fields, raw } of records) {
      line += countNewlines(raw.replace(/\r?\n$/, ''));
      record(delimiter === ' ' && fields.includes('') ? splitOnBlanks(raw, false) : fields, line);
      line++;
      if (done) return false;
    }
    return true;
  };
  const csvOptions = {
    delimiter,
    quote: '"',
    escape: '"',
    comment: '#',
    comment_no_infix: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ltrim: delimiter === ',',
    max_record_size: limits.maxLineBytes,
  };
  const split = delimiter === ' ' ? splitSpaces : splitCommas;
  let lineNumber = lineOffset;
  /** A record whose quoted value runs over more lines: its text, first line and quote parity. */
  let open: { text: string; line: number } | undefined;
  const onLine = (text: string): void => {
    lineNumber++;
    if (text.length + (open?.text.length ?? 0) > limits.maxLineBytes) {
      tooLong(open?.line ?? lineNumber);
      return;
    }
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (open) {
      open.text += `\n${line}`;
      if (quoteCount(line) % 2 === 1) {
        const { text: block, line: first } = open;
        open = undefined;
        if (!slow(block, first)) done = true;
      }
      return;
    }
    if (line === '' || line.charCodeAt(0) === 0x23) return;
    // With a comma delimiter, csv-parse's ltrim makes a line of blanks empty, and blanks then '#' a comment.
    if (delimiter === ',' && isBlank(line.charCodeAt(0)) && /^[ \t\f]*(#|$)/.test(line)) return;
    const fields = split(line);
    if (fields === OPEN_QUOTE) open = { text: line, line: lineNumber };
    else if (fields !== undefined) record(fields, lineNumber);
    else if (!slow(line, lineNumber)) done = true;
  };
  const tooLong = (line: number) => {
    problems.add({
      code: 'line-too-long',
      message: `a row at line ${line} is longer than ${limits.maxLineBytes} characters, the most read in one row; the rest was not checked`,
      line,
    });
    open = undefined;
    done = true;
  };
  let rest = bodyStart;
  try {
    for (;;) {
      let at = 0;
      for (let end = rest.indexOf('\n'); end >= 0 && !done; end = rest.indexOf('\n', at)) {
        onLine(rest.slice(at, end));
        at = end + 1;
      }
      rest = rest.slice(at);
      if (done) break;
      const held = rest.length + (open?.text.length ?? 0);
      if (held > limits.maxLineBytes) {
        tooLong(open?.line ?? lineNumber + 1);
        break;
      }
      const next = await chunks.next();
      if (next.done) break;
      rest += next.value;
    }
    if (!done && !fatal && rest !== '') onLine(rest);
    // A quoted value still open at the end: csv-parse says how.
    if (!done && !fatal && open) slow(open.text, open.line);
  } finally {
    void chunks.return?.(undefined);
  }
  if (names !== undefined && !sameNames(names, columns)) return finish({ metadata, table });
  if (fatal || (failed && names === undefined)) return finish({ metadata, table });
  if (names === undefined) {
    problems.add({
      code: 'header-row',
      message: 'the header is not followed by the line of column names: the table has no body',
      line: headerLines.length + 1,
    });
  }
  if (firstRowLength)
    problems.add({
      code: 'row-length',
      message: `${rowLength} row${rowLength === 1 ? ' has' : 's have'} a number of values other than the ${columns.length} columns, first at line ${firstRowLength.line} (${firstRowLength.found} values)`,
      line: firstRowLength.line,
      hint:
        delimiter === ' '
          ? 'quote values that hold spaces, and write a missing value as ""'
          : 'quote values that hold commas',
    });
  for (const column of columns) {
    if (column.first)
      problems.add({
        code: 'value',
        key: column.name,
        line: column.first.line,
        message: `column ${quote(column.name)} (${describeType(column)}): ${column.bad} value${column.bad === 1 ? '' : 's'} cannot be read as declared, first at line ${column.first.line}: ${quote(column.first.value)} ${column.first.why}`,
        hint: 'fix the values, or declare the datatype the column holds',
      });
    if (column.firstOverflow)
      problems.add({
        code: 'float-overflow',
        key: column.name,
        line: column.firstOverflow.line,
        message: `column ${quote(column.name)} (${column.datatype}): ${column.overflow} value${column.overflow === 1 ? '' : 's'} beyond the range of ${column.datatype} become infinity when read, first at line ${column.firstOverflow.line}: ${quote(column.firstOverflow.value)}`,
        hint: 'declare float64',
      });
  }
  return finish({ metadata, table });
}

/** What a splitter returns for a line that ends inside a quoted value (it goes on in the next line). */
export const OPEN_QUOTE: string[] = [];

/** Tab, form feed and space: what csv-parse's ltrim removes before a value. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0c;
}

/**
 * The values of a line with a space delimiter, as astropy splits it (runs of spaces are one
 * delimiter, `""` is an empty value); undefined when a quote sits where csv-parse must judge it.
 */
export function splitSpaces(line: string): string[] | undefined {
  if (line.indexOf('"') < 0) {
    const fields = line.split(' ');
    return fields.includes('') ? fields.filter((field) => field !== '') : fields;
  }
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && line.charCodeAt(i) === 0x20) i++;
    if (i >= n) return fields;
    if (line.charCodeAt(i) === 0x22) {
      const end = quotedEnd(line, i);
      if (end === undefined) return OPEN_QUOTE;
      if (end.next < n && line.charCodeAt(end.next) !== 0x20) return undefined;
      fields.push(end.value);
      i = end.next;
    } else {
      const space = line.indexOf(' ', i);
      const stop = space < 0 ? n : space;
      const value = line.slice(i, stop);
      if (value.includes('"')) return undefined;
      fields.push(value);
      i = stop;
    }
  }
}

/** The values of a line with a comma delimiter (blanks before a value dropped, as csv-parse's ltrim). */
export function splitCommas(line: string): string[] | undefined {
  if (line.indexOf('"') < 0) {
    const fields = line.split(',');
    for (let k = 0; k < fields.length; k++)
      if (isBlank(fields[k]!.charCodeAt(0))) fields[k] = fields[k]!.replace(/^[ \t\f]+/, '');
    return fields;
  }
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) === 0x22) {
      const end = quotedEnd(line, i);
      if (end === undefined) return OPEN_QUOTE;
      if (end.next < n && line.charCodeAt(end.next) !== 0x2c) return undefined;
      fields.push(end.value);
      i = end.next;
    } else {
      const comma = line.indexOf(',', i);
      const stop = comma < 0 ? n : comma;
      const value = line.slice(i, stop);
      if (value.includes('"')) return undefined;
      fields.push(value);
      i = stop;
    }
    if (i >= n) return fields;
    i++;
  }
}

/** A quoted value starting at `start` (the quote): its text, `""` read as `"`, and where it ends. */
function quotedEnd(line: string, start: number): { value: string; next: number } | undefined {
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = line.indexOf('"', i);
    if (close < 0) return undefined;
    value += line.slice(i, close);
    if (line.charCodeAt(close + 1) === 0x22) {
      value += '"';
      i = close + 2;
      continue;
    }
    return { value, next: close + 1 };
  }
}

function quoteCount(line: string): number {
  let count = 0;
  for (let at = line.indexOf('"'); at >= 0; at = line.indexOf('"', at + 1)) count++;
  return count;
}

function sameNames(names: string[], columns: Column[]): boolean {
  return names.length === columns.length && names.every((name, i) => name === columns[i]!.name);
}

function csvError(error: unknown, lineOffset: number, limits: ContentLimits): ContentProblem {
  const csv = error as { code?: string; lines?: number; message?: string };
  const line = csv.lines !== undefined ? csv.lines + lineOffset : undefined;
  if (csv.code === 'CSV_MAX_RECORD_SIZE')
    return {
      code: 'line-too-long',
      message: `a row${line ? ` at line ${line}` : ''} is longer than ${limits.maxLineBytes} characters, the most read in one row; the rest was not checked`,
      line,
    };
  return {
    code: 'csv-syntax',
    message: `the body cannot be split into values${line ? ` at line ${line}` : ''}: ${(csv.message ?? String(error)).split('\n')[0]}; the rest was not checked`,
    line,
    hint: 'quote with "…" and double a quote inside a quoted value',
  };
}

function describeType(column: Column): string {
  if (column.cell === 'json') return 'JSON';
  if (column.cell) return `${column.cell.element}${JSON.stringify(column.cell.shape)}`;
  return column.datatype;
}

/** Checks one value; records the first defect of its column and counts the rest. */
function checkValue(column: Column, value: string, line: number): void {
  // An empty field is a missing (masked) value in any column; "" is also an empty string.
  if (value === '') return;
  const why = column.cell ? cellProblem(column.cell, value) : scalarProblem(column.datatype, value);
  if (why === undefined) {
    const max = FLOAT_MAX[column.datatype];
    if (max !== undefined && Math.abs(Number(value)) > max && Number.isFinite(Number(value))) {
      column.overflow++;
      column.firstOverflow ??= { line, value };
    }
    return;
  }
  column.bad++;
  column.first ??= { line, value, why };
}

/** Why a value is not of a scalar datatype; undefined when it is. */
function scalarProblem(datatype: string, value: string): string | undefined {
  const text = value.trim();
  switch (datatype) {
    case 'string':
      return undefined;
    case 'bool':
      return text === 'True' || text === 'False' || text === '0' || text === '1'
        ? undefined
        : 'is not True, False, 1 or 0';
    case 'float16':
    case 'float32':
    case 'float64':
    case 'float128':
      return FLOAT_TEXT.test(text) ? undefined : 'is not a number';
    default: {
      const range = INTEGER_RANGE[datatype];
      if (!range) return undefined;
      if (!INTEGER_TEXT.test(text)) return 'is not an integer';
      const number = BigInt(text);
      return number < range[0] || number > range[1]
        ? `is outside the range of ${datatype} (${range[0]} to ${range[1]})`
        : undefined;
    }
  }
}

/** Python's json accepts NaN and ±Infinity, which astropy writes for float cells; JSON.parse does not. */
const PYTHON_JSON_CONSTANTS = /(?<=[[,\s])(-?Infinity|NaN)(?=\s*[\],])/g;

function cellProblem(cell: NonNullable<Column['cell']>, value: string): string | undefined {
  let parsed: unknown;
  try {
    // Only a cell with an N or an I can hold NaN or Infinity: the others skip the replacement.
    const constants = cell !== 'json' && cell.element !== 'string' && /[NI]/.test(value);
    parsed = JSON.parse(constants ? value.replace(PYTHON_JSON_CONSTANTS, 'null') : value);
  } catch {
    if (cell === 'json') {
      try {
        JSON.parse(value.replace(PYTHON_JSON_CONSTANTS, 'null'));
        return undefined;
      } catch {
        // Not JSON even with Python's constants.
      }
    }
    return 'is not JSON';
  }
  if (cell === 'json') return undefined;
  return shapeProblem(parsed, cell.shape, 0, cell.element);
}

function shapeProblem(
  value: unknown,
  shape: (number | null)[],
  depth: number,
  element: string,
): string | undefined {
  if (depth === shape.length) {
    if (value === null) return undefined;
    if (element === 'string')
      return typeof value === 'string' ? undefined : `holds ${JSON.stringify(value)}, not a string`;
    if (element === 'bool')
      return typeof value === 'boolean' ? undefined : `holds ${JSON.stringify(value)}, not true or false`;
    if (typeof value !== 'number') return `holds ${JSON.stringify(value)}, not a number`;
    const range = INTEGER_RANGE[element];
    if (range) {
      if (!Number.isInteger(value)) return `holds ${value}, not an integer`;
      // JSON numbers are doubles; the int64 limits are checked as closely as a double allows.
      if (value < Number(range[0]) || value > Number(range[1]))
        return `holds ${value}, outside the range of ${element}`;
    }
    return undefined;
  }
  if (!Array.isArray(value)) return `is not an array of shape ${JSON.stringify(shape)}`;
  const length = shape[depth];
  if (length !== null && length !== undefined && value.length !== length)
    return `has ${value.length} elements where the shape ${JSON.stringify(shape)} asks for ${length}`;
  for (const item of value) {
    const problem = shapeProblem(item, shape, depth + 1, element);
    if (problem) return problem;
  }
  return undefined;
}

interface Header {
  columns: Column[];
  delimiter: ' ' | ',';
  metadata: Map<string, string | number | boolean | null>;
}

const SIGNATURE = /^# %ECSV [0-9]+\.[0-9]+(\.[0-9]+)?\s*$/;

/** The header's YAML, checked; undefined (with its one problem) when the body cannot be judged. */
function readHeader(
  lines: string[],
  bodyLine: string | undefined,
  problems: ProblemList,
): Header | undefined {
  const first = lines[0] ?? bodyLine;
  if (first === undefined || !SIGNATURE.test(first)) {
    problems.add({
      code: 'signature',
      message: `the first line must be '# %ECSV 1.0'${first === undefined ? '' : `, found ${quote(first)}`}`,
      line: 1,
      hint: "start the file with the line '# %ECSV 1.0'",
    });
    return undefined;
  }
  if (!/^# %ECSV (1\.0|0\.9)\s*$/.test(first))
    problems.add({
      code: 'version',
      message: `ECSV version ${quote(first.slice(8).trim())} is not 1.0 (nor the older 0.9): readers may not know it`,
      line: 1,
      hint: "write '# %ECSV 1.0'",
    });
  const yamlLines: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '#') yamlLines.push('');
    else if (line.startsWith('# ')) yamlLines.push(line.slice(2));
    else {
      problems.add({
        code: 'yaml',
        message: `header line ${i + 1} does not start with '# ' (a '#', then a space), so it is not part of the YAML header`,
        line: i + 1,
        hint: "start every header line with '# '",
      });
      return undefined;
    }
  }
  const document = parseDocument(yamlLines.join('\n'), {
    uniqueKeys: true,
    prettyErrors: false,
    customTags: ['omap'],
    logLevel: 'silent',
  });
  const yamlError = document.errors[0];
  let parsed: unknown;
  if (!yamlError) {
    try {
      parsed = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      problems.add({
        code: 'yaml',
        message: `the YAML header is refused: ${(error as Error).message.split('\n')[0]} (more than ${MAX_ALIASES} alias expansions)`,
        line: 2,
        hint: 'write the header without YAML aliases (*name)',
      });
      return undefined;
    }
  }
  if (yamlError) {
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1;
    problems.add({
      code: 'yaml',
      message: `the header is not valid YAML at line ${line}: ${yamlError.message.split('\n')[0]}`,
      line,
      hint: "each header line is '# ' followed by YAML; write the header with astropy's Table.write(format='ascii.ecsv')",
    });
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.datatype)) {
    problems.add({
      code: 'header-structure',
      message: 'the YAML header has no datatype list (one entry per column: name and datatype)',
      line: 2,
      hint: "the header is a mapping with a 'datatype:' list",
    });
    return undefined;
  }
  let delimiter: ' ' | ',' = ' ';
  if (parsed.delimiter !== undefined) {
    if (parsed.delimiter !== ' ' && parsed.delimiter !== ',') {
      problems.add({
        code: 'delimiter',
        message: `the delimiter is ${quote(String(parsed.delimiter))}; ECSV allows only a space or a comma`,
        line: 2,
        hint: "use delimiter: ',' or leave it out (a space)",
      });
      return undefined;
    }
    delimiter = parsed.delimiter;
  }
  const columns: Column[] = [];
  const seen = new Set<string>();
  let broken = false;
  parsed.datatype.forEach((entry: unknown, index: number) => {
    const where = `datatype entry ${index + 1}`;
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
      problems.add({
        code: 'header-structure',
        message: `${where} has no name`,
        line: 2,
        hint: 'give each column a name: and a datatype:',
      });
      broken = true;
      return;
    }
    const name = entry.name;
    if (seen.has(name)) {
      problems.add({
        code: 'header-structure',
        key: name,
        message: `column ${quote(name)} is declared twice`,
        line: 2,
      });
      broken = true;
      return;
    }
    seen.add(name);
    const column: Column = { name, datatype: String(entry.datatype ?? ''), bad: 0, overflow: 0 };
    if (entry.unit !== undefined && entry.unit !== null) column.unit = String(entry.unit);
    const ucd = metaEntries(entry.meta).find(([key]) => key === 'ucd')?.[1];
    if (typeof ucd === 'string') column.ucd = ucd;
    if (typeof entry.datatype !== 'string' || !KNOWN.has(entry.datatype)) {
      problems.add({
        code: 'datatype',
        key: name,
        message:
          entry.datatype === undefined
            ? `column ${quote(name)} has no datatype`
            : `column ${quote(name)} has datatype ${quote(String(entry.datatype))}, which is not an ECSV 1.0 datatype`,
        line: 2,
        hint: `use one of ${ECSV_DATATYPES.join(', ')}`,
      });
      // Its values cannot be judged; the column is still counted, so rows keep their shape.
      column.datatype = 'string';
    }
    if (entry.subtype !== undefined) {
      const cell = parseSubtype(entry.subtype);
      if (typeof cell === 'string' && cell !== 'json') {
        problems.add({
          code: 'datatype',
          key: name,
          message: `column ${quote(name)} has subtype ${quote(String(entry.subtype))}: ${cell}`,
          line: 2,
          hint: "write e.g. 'int64[2,3]' (fixed shape), 'float64[null]' (variable length) or 'json'",
        });
      } else if (cell && column.datatype !== 'string') {
        problems.add({
          code: 'datatype',
          key: name,
          message: `column ${quote(name)} has subtype ${quote(String(entry.subtype))}, so its cells are JSON and its datatype must be 'string', not ${quote(column.datatype)}`,
          line: 2,
          hint: 'set datatype: string',
        });
        column.datatype = 'string';
      } else if (cell) column.cell = cell as Column['cell'];
    }
    columns.push(column);
  });
  if (broken) return undefined;
  return { columns, delimiter, metadata: metadataOf(parsed.meta) };
}

/** 'int64[2,null]' → element int64, shape [2, null]; 'json'; a plain datatype → undefined (a scalar). */
function parseSubtype(subtype: unknown): Column['cell'] | string | undefined {
  if (typeof subtype !== 'string') return 'it is not text';
  if (subtype === 'json') return 'json';
  const match = /^([a-z0-9]+)(\[.*\])?$/.exec(subtype);
  if (!match || !KNOWN.has(match[1]!)) return `${quote(match?.[1] ?? subtype)} is not an ECSV datatype`;
  if (match[2] === undefined) return undefined;
  let shape: unknown;
  try {
    shape = JSON.parse(match[2]);
  } catch {
    return 'the shape is not a JSON list';
  }
  if (
    !Array.isArray(shape) ||
    shape.length === 0 ||
    !shape.every(
      (n, i) => (Number.isInteger(n) && (n as number) >= 0) || (n === null && i === shape.length - 1),
    )
  )
    return 'the shape must list sizes, with null (any length) only last';
  return { element: match[1] as Datatype, shape: shape as (number | null)[] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** The entries of a `meta` mapping: a plain mapping, an `!!omap` (a list of one-entry mappings) or a Map. */
function metaEntries(meta: unknown): [unknown, unknown][] {
  if (meta instanceof Map) return [...meta.entries()];
  if (Array.isArray(meta)) return meta.flatMap((item) => (isRecord(item) ? Object.entries(item) : []));
  return isRecord(meta) ? Object.entries(meta) : [];
}

/** The table's `meta` as FITS-style keywords (upper case); nested values are not keywords. */
function metadataOf(meta: unknown): Map<string, string | number | boolean | null> {
  const metadata = new Map<string, string | number | boolean | null>();
  for (const [key, value] of metaEntries(meta)) {
    if (typeof key !== 'string') continue;
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    )
      metadata.set(key.toUpperCase(), value);
    else if (typeof value === 'bigint') metadata.set(key.toUpperCase(), Number(value));
  }
  return metadata;
}

/** Each column's unit through the FITS unit grammar (VOUnits as a second chance). */
function checkUnits(columns: Column[], problems: ProblemList): void {
  for (const column of columns) {
    if (column.unit === undefined || column.unit.trim() === '') continue;
    let result = parseUnit(column.unit);
    if (!result.ok || result.unknown.length > 0) {
      const vounit = parseUnit(column.unit, { dialect: 'vounit' });
      if (vounit.ok && (vounit.unknown.length === 0 || !result.ok)) result = vounit;
    }
    if (!result.ok)
      problems.add({
        code: 'unit-error',
        key: column.name,
        message: `column ${quote(column.name)} has unit ${quote(column.unit)}, which cannot be parsed: ${result.error}`,
        line: 2,
        hint: "write the unit as FITS or VOUnits, e.g. 'erg / (cm2 s Angstrom)'",
      });
    else if (result.unknown.length > 0)
      problems.add({
        code: 'unit-unknown',
        key: column.name,
        message: `column ${quote(column.name)} has unit ${quote(column.unit)}, with ${result.unknown.map((u) => quote(u)).join(', ')} not a known unit`,
        line: 2,
        hint: 'use the standard FITS or VOUnits spelling',
      });
  }
}
