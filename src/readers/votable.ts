/**
 * The VOTable reader (IVOA VOTable 1.1–1.4): the file's text, streamed through `saxes` (a
 * non-validating XML parser that expands no entity a document declares), checked as it passes.
 * Nothing of the table is held: per column, a count and the first bad cell; per table, the rows seen.
 * Caps on nesting depth and on the text between two tags keep memory bounded whatever the input.
 */
import { SaxesParser } from 'saxes';
import type { ContentProblem, ReadContent } from '../types.js';
import { parseUnit } from '../units/index.js';
import { ProblemList, quote, textChunks } from './text-stream.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';
import {
  type ArraySize,
  cellProblem,
  isVotableDatatype,
  parseArraySize,
  VOTABLE_DATATYPES,
  type VotableDatatype,
} from './votable-values.js';
import { AmpersandScanner } from './xml-ampersand.js';

/** Elements open at once: real VOTables nest a dozen deep; a nesting bomb nests millions. */
export const MAX_DEPTH = 256;
/** PARAMs kept as metadata: real files have tens. */
const MAX_PARAMS = 1000;
/** Tables remembered by ID, for TABLE ref=. */
const MAX_TABLE_IDS = 1000;
/** Characters fed to the parser per write, so that the cap on one tag or text is checked often. */
const SLICE = 64 * 1024;

/** A FIELD as declared, with what the rows have shown so far. */
interface Field {
  name: string;
  datatype: VotableDatatype | undefined;
  size: ArraySize | undefined;
  unit?: string;
  ucd?: string;
  nullValue?: string;
  bad: number;
  first?: { line: number; value: string; why: string };
}

interface Table {
  /** 1-based, in document order, for messages. */
  index: number;
  name?: string;
  fields: Field[];
  rows: number;
  /** Rows whose TD count differs from the FIELD count. */
  shortRows: number;
  firstShort?: { line: number; found: number };
  serialization?: string;
}

export interface VotableDetails {
  /** The serialization of each table's DATA, in order; only TABLEDATA is read cell by cell. */
  serializations: string[];
}

export const votableReader: ContentReader = { formats: ['votable'], read: readVotable };
/** XML under a VOTable name (`.vot`, `.votable`): read as a VOTable, so a wrong root is reported. */
export const votableNamedXmlReader: ContentReader = {
  formats: ['xml'],
  extensions: ['vot', 'votable'],
  read: readVotable,
};

/** The local name of an element: `vo:TABLE` → `TABLE`. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export async function readVotable(source: ContentSource, limits: ContentLimits): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  let stopped = false;
  const stop = (problem: ContentProblem) => {
    if (stopped) return;
    problems.add(problem);
    stopped = true;
  };
  const parser = new SaxesParser({ position: true });
  /** Lines and columns of STREAM content passed by without the parser (see the feed loop). */
  const skipped = { lines: 0, line: -1, columns: 0 };
  const where = () => ({
    line: parser.line + skipped.lines,
    column: parser.column + 1 + (parser.line === skipped.line ? skipped.columns : 0),
  });
  let inStream = false;
  const metadata = new Map<string, string | number | boolean | null>();
  const columns: { name: string; datatype?: string; unit?: string; ucd?: string }[] = [];
  const serializations: string[] = [];
  const stack: string[] = [];
  let rootSeen = false;
  let tables = 0;
  let rows = 0;
  let table: Table | undefined;
  const fieldsById = new Map<string, Field[]>();
  /** The FIELD or PARAM whose VALUES may follow. */
  let lastField: Field | undefined;
  let tdCount = 0;
  /** The bad cells of the row being read (at most one per FIELD), counted once the row's length is known. */
  const rowFailures: { field: Field; line: number; value: string; why: string }[] = [];
  let cell: string | undefined;
  let cellLine = 0;
  let charsSinceEvent = 0;

  const tableName = (t: Table) => (tables > 1 || t.name ? `table ${t.name ? quote(t.name) : t.index}: ` : '');

  parser.on('error', (error) => {
    const { line, column } = where();
    // saxes prefixes its message with the position, which the message gives in words.
    const message = error.message.replace(/^\d+:\d+: /, '');
    stop({
      code: 'xml',
      message: `the file is not well-formed XML at line ${line}, column ${column}: ${message}; nothing after it was checked`,
      line,
      hint: 'write the file with a VOTable library (astropy.io.votable, STIL), which escapes & and < in text',
    });
  });

  parser.on('opentag', (tag) => {
    if (stopped) return;
    charsSinceEvent = 0;
    const name = localName(tag.name);
    const { line } = where();
    if (stack.length >= MAX_DEPTH) {
      stop({
        code: 'too-deep',
        message: `elements nest more than ${MAX_DEPTH} deep at line ${line}; a VOTable nests a dozen deep, so the rest was not checked`,
        line,
      });
      return;
    }
    stack.push(name);
    inStream = name === 'STREAM';
    if (!rootSeen) {
      rootSeen = true;
      if (name !== 'VOTABLE')
        stop({
          code: 'root',
          message: `the root element is <${tag.name}>, not <VOTABLE>: this is not a VOTable`,
          line,
          hint: 'a VOTable starts with <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">',
        });
      return;
    }
    const attributes = tag.attributes as Record<string, string>;
    switch (name) {
      case 'TABLE':
        tables++;
        table = { index: tables, fields: [], rows: 0, shortRows: 0 };
        if (attributes.name !== undefined) table.name = attributes.name;
        // A TABLE with ref= takes the FIELDs of the table it names.
        if (attributes.ref !== undefined)
          for (const field of fieldsById.get(attributes.ref) ?? [])
            table.fields.push({ ...field, bad: 0, first: undefined });
        if (attributes.ID !== undefined && fieldsById.size < MAX_TABLE_IDS)
          fieldsById.set(attributes.ID, table.fields);
        break;
      case 'FIELD':
      case 'PARAM': {
        const field = declare(name, attributes, line);
        lastField = field;
        if (name === 'FIELD' && table && stack[stack.length - 2] === 'TABLE') {
          table.fields.push(field);
          columns.push({
            name: field.name,
            ...(attributes.datatype !== undefined ? { datatype: attributes.datatype } : {}),
            ...(field.unit !== undefined ? { unit: field.unit } : {}),
            ...(field.ucd !== undefined ? { ucd: field.ucd } : {}),
          });
        }
        if (name === 'PARAM') param(field, attributes, line);
        break;
      }
      case 'VALUES':
        if (lastField && attributes.null !== undefined) lastField.nullValue = attributes.null.trim();
        break;
      case 'TABLEDATA':
      case 'BINARY':
      case 'BINARY2':
      case 'FITS':
        if (table && stack[stack.length - 2] === 'DATA') {
          table.serialization = name;
          serializations.push(name);
        }
        break;
      case 'TR':
        tdCount = 0;
        rowFailures.length = 0;
        break;
      case 'TD':
        cell = '';
        cellLine = line;
        break;
      case 'TIMESYS':
        timesys(attributes, line);
        break;
    }
  });

  parser.on('text', (text) => {
    if (stopped) return;
    charsSinceEvent = 0;
    if (cell !== undefined) cell += text;
  });
  parser.on('cdata', (text) => {
    if (stopped) return;
    charsSinceEvent = 0;
    if (cell !== undefined) cell += text;
  });

  parser.on('closetag', (tag) => {
    if (stopped) return;
    charsSinceEvent = 0;
    const name = stack.pop() ?? localName(tag.name);
    inStream = false;
    switch (name) {
      case 'TD':
        if (table && cell !== undefined) {
          const field = table.fields[tdCount];
          if (field?.datatype !== undefined) {
            const why = cellProblem(field.datatype, field.size, cell, field.nullValue);
            if (why !== undefined) rowFailures.push({ field, line: cellLine, value: cell.trim(), why });
          }
        }
        tdCount++;
        cell = undefined;
        break;
      case 'TR':
        if (table) {
          table.rows++;
          rows++;
          if (tdCount !== table.fields.length) {
            table.shortRows++;
            table.firstShort ??= { line: where().line, found: tdCount };
          }
          // A row of the wrong length has its cells under the wrong FIELDs: only its length is reported.
          else
            for (const { field, line, value, why } of rowFailures) {
              field.bad++;
              field.first ??= { line, value, why };
            }
        }
        break;
      case 'FIELD':
      case 'PARAM':
        break;
      case 'TABLE':
        if (table) endTable(table);
        table = undefined;
        break;
    }
  });

  function declare(element: string, attributes: Record<string, string>, line: number): Field {
    const name = attributes.name ?? attributes.ID ?? '';
    const label = `${element} ${quote(name)}`;
    const field: Field = { name, datatype: undefined, size: undefined, bad: 0 };
    const datatype = attributes.datatype;
    if (datatype === undefined)
      problems.add({
        code: 'datatype',
        key: name,
        message: `${label} at line ${line} has no datatype`,
        line,
        hint: `give it one of ${VOTABLE_DATATYPES.join(', ')}`,
      });
    else if (!isVotableDatatype(datatype))
      problems.add({
        code: 'datatype',
        key: name,
        message: `${label} at line ${line} has datatype ${quote(datatype)}, which is not a VOTable datatype`,
        line,
        hint: `use one of ${VOTABLE_DATATYPES.join(', ')}`,
      });
    else field.datatype = datatype;
    if (attributes.arraysize !== undefined) {
      const size = parseArraySize(attributes.arraysize);
      if (size === undefined) {
        problems.add({
          code: 'arraysize',
          key: name,
          message: `${label} at line ${line} has arraysize ${quote(attributes.arraysize)}, which is not sizes separated by 'x' (the last may be '*' or 'n*')`,
          line,
          hint: "write e.g. '3', '*', '10*' or '3x2x*'",
        });
        // Its cells cannot be judged without a shape.
        field.datatype = undefined;
      } else field.size = size;
    }
    // '---' is the CDS spelling of "no unit", which VOTables from VizieR carry.
    if (attributes.unit !== undefined && attributes.unit.trim() !== '' && attributes.unit.trim() !== '---') {
      field.unit = attributes.unit;
      checkUnit(label, attributes.unit, line, name);
    }
    if (attributes.ucd !== undefined) field.ucd = attributes.ucd;
    return field;
  }

  function param(field: Field, attributes: Record<string, string>, line: number): void {
    const value = attributes.value;
    if (value === undefined) {
      problems.add({
        code: 'value',
        key: field.name,
        message: `PARAM ${quote(field.name)} at line ${line} has no value attribute`,
        line,
        hint: 'give the PARAM a value="…" (it may be empty)',
      });
      return;
    }
    if (field.datatype !== undefined) {
      const why = cellProblem(field.datatype, field.size, value, undefined);
      if (why !== undefined)
        problems.add({
          code: 'value',
          key: field.name,
          message: `PARAM ${quote(field.name)} (${describe(field)}) at line ${line}: value ${quote(value)} ${why}`,
          line,
          hint: 'fix the value, or declare the datatype it holds',
        });
    }
    if (field.name !== '' && metadata.size < MAX_PARAMS)
      metadata.set(field.name.toUpperCase(), typed(field, value));
  }

  function checkUnit(label: string, unit: string, line: number, key: string): void {
    let result = parseUnit(unit);
    if (!result.ok || result.unknown.length > 0) {
      const vounit = parseUnit(unit, { dialect: 'vounit' });
      if (vounit.ok && (vounit.unknown.length === 0 || !result.ok)) result = vounit;
    }
    if (!result.ok)
      problems.add({
        code: 'unit-error',
        key,
        message: `${label} at line ${line} has unit ${quote(unit)}, which cannot be parsed: ${result.error}`,
        line,
        hint: "write the unit as VOUnits, e.g. 'erg.s**-1.cm**-2.Angstrom**-1' or 'km/s'",
      });
    else if (result.unknown.length > 0)
      problems.add({
        code: 'unit-unknown',
        key,
        message: `${label} at line ${line} has unit ${quote(unit)}, with ${result.unknown.map((u) => quote(u)).join(', ')} not a known unit`,
        line,
        hint: 'use the standard VOUnits spelling',
      });
  }

  function timesys(attributes: Record<string, string>, line: number): void {
    const missing = ['ID', 'timescale', 'refposition'].filter((name) => attributes[name] === undefined);
    if (missing.length > 0)
      problems.add({
        code: 'timesys',
        message: `TIMESYS at line ${line} has no ${missing.join(' or ')} attribute, which VOTable 1.4 requires`,
        line,
        hint: 'write e.g. <TIMESYS ID="time_frame" timescale="TCB" refposition="BARYCENTER"/>',
      });
    const origin = attributes.timeorigin;
    if (origin !== undefined && !/^(MJD-origin|JD-origin)$/.test(origin) && !FLOAT_NUMBER.test(origin.trim()))
      problems.add({
        code: 'timesys',
        message: `TIMESYS at line ${line} has timeorigin ${quote(origin)}, which is neither a number (a Julian Date) nor MJD-origin or JD-origin`,
        line,
      });
  }

  function endTable(t: Table): void {
    if (t.firstShort)
      problems.add({
        code: 'row-length',
        line: t.firstShort.line,
        message: `${tableName(t)}${t.shortRows} row${t.shortRows === 1 ? ' has' : 's have'} a number of TD other than the ${t.fields.length} FIELDs, first the row ending at line ${t.firstShort.line} (${t.firstShort.found} TD)`,
        hint: 'write one TD per FIELD in every TR, empty for a missing value',
      });
    for (const field of t.fields) {
      if (!field.first) continue;
      problems.add({
        code: 'value',
        key: field.name,
        line: field.first.line,
        message: `${tableName(t)}FIELD ${quote(field.name)} (${describe(field)}): ${field.bad} cell${field.bad === 1 ? '' : 's'} cannot be read as declared, first at line ${field.first.line}: ${quote(field.first.value)} ${field.first.why}`,
        hint: 'fix the values, or declare the datatype and arraysize they hold',
      });
    }
    if (t.serialization !== undefined && t.serialization !== 'TABLEDATA')
      problems.add({
        code: 'serialization',
        message: `${tableName(t)}the data are serialized as ${t.serialization}, whose cells this tool does not decode: the values were not checked`,
        hint: 'write the table as TABLEDATA to have every value checked',
      });
  }

  // The text, in slices; the cap on characters between two events bounds what saxes buffers.
  const passBy = (text: string, from: number, to: number) => {
    let newlines = 0;
    let last = -1;
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
      newlines++;
      last = at;
    }
    if (newlines > 0) {
      skipped.lines += newlines;
      skipped.line = parser.line;
      skipped.columns = to - last - 1 - parser.column;
    } else if (skipped.line === parser.line) skipped.columns += to - from;
    else {
      skipped.line = parser.line;
      skipped.columns = to - from;
    }
  };
  const ampersands = new AmpersandScanner();
  for await (const chunk of textChunks(source, limits, stop)) {
    const bare = ampersands.scan(chunk);
    const end = bare < 0 ? chunk.length : bare;
    for (let at = 0; at < end && !stopped; ) {
      if (inStream) {
        // A BINARY or FITS stream (base64, often gigabytes) is not decoded: it is passed by up to
        // the next tag rather than buffered by the parser, counting its lines for positions.
        const next = chunk.indexOf('<', at);
        const stopAt = next < 0 || next > end ? end : next;
        passBy(chunk, at, stopAt);
        at = stopAt;
        if (at >= end) break;
      }
      const sliceEnd = Math.min(at + SLICE, end);
      const slice = chunk.slice(at, sliceEnd);
      at = sliceEnd;
      charsSinceEvent += slice.length;
      parser.write(slice);
      if (!stopped && charsSinceEvent > limits.maxLineBytes)
        stop({
          code: 'too-long',
          message: `a tag or text near line ${where().line} is longer than ${limits.maxLineBytes} characters, the most read at once; the rest was not checked`,
          line: where().line,
        });
    }
    if (bare >= 0 && !stopped) {
      const { line, column } = where();
      stop({
        code: 'xml',
        message: `the file is not well-formed XML at line ${line}, column ${column}: this '&' starts no entity reference; nothing after it was checked`,
        line,
        hint: "write a literal '&' as &amp; (and '<' as &lt;)",
      });
    }
    if (stopped) break;
  }
  if (!stopped) parser.close();
  if (!stopped && !rootSeen)
    problems.add({ code: 'root', message: 'the file holds no element: it is not a VOTable', line: 1 });
  if (table && stopped) endTable(table);
  return {
    problems: problems.done(),
    metadata,
    table: { columns, rows },
    details: { votable: { serializations } satisfies VotableDetails },
  };
}

const FLOAT_NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

function describe(field: Field): string {
  return field.size === undefined
    ? String(field.datatype)
    : `${field.datatype}[${field.size.fixed.join('x')}${field.size.variable ? `${field.size.fixed.length > 0 ? 'x' : ''}${field.size.variable.limit ?? ''}*` : ''}]`;
}

/** A PARAM's value as a keyword value: numbers for numeric scalars, booleans for boolean ones. */
function typed(field: Field, value: string): string | number | boolean | null {
  const text = value.trim();
  if (field.size !== undefined || field.datatype === undefined) return value;
  if (text === '') return null;
  switch (field.datatype) {
    case 'boolean':
      return /^(t|true|1)$/i.test(text) ? true : /^(f|false|0)$/i.test(text) ? false : value;
    case 'unsignedByte':
    case 'short':
    case 'int':
    case 'long':
    case 'float':
    case 'double': {
      const number = Number(text);
      return Number.isFinite(number) ? number : value;
    }
    default:
      return value;
  }
}
