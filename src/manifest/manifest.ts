import { basename } from 'node:path';
import { parseName } from '../naming/parse.js';
import type { FileRecord } from '../types.js';

export const MANIFEST_COLUMNS = [
  'path',
  'size',
  'sha256',
  'product_type',
  'target',
  'filters',
  'date_beg',
  'date_end',
  'source_ids',
] as const;

export interface ManifestRow {
  path: string;
  size: number | null;
  sha256: string;
  line: number;
}

/** Quotes a CSV field when it needs it (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Filters of a file: FILTER, or FILTER01, FILTER02… when FILTER is MULTI. */
function filtersOf(record: FileRecord): string {
  const numbered = Object.keys(record.header)
    .filter((key) => /^FILTER[0-9]{2}$/.test(key))
    .sort()
    .map((key) => text(record.header[key]).trim());
  if (numbered.length > 0) return numbered.join(';');
  return text(record.header.FILTER).trim();
}

/** The delivery manifest as CSV, one row per file, sorted by path. Directories and skipped entries are left out. */
export function buildManifest(records: FileRecord[]): string {
  const lines = [MANIFEST_COLUMNS.join(',')];
  for (const record of records) {
    if (record.isDirectory || record.skipped || record.kind === 'manifest') continue;
    const parsed = parseName(basename(record.path));
    const row = [
      record.path,
      String(record.size),
      record.sha256 ?? '',
      parsed.productType,
      text(record.header.HLSPTARG ?? parsed.fields.target ?? '').trim(),
      filtersOf(record),
      text(record.header['DATE-BEG'] ?? record.header['MJD-BEG']),
      text(record.header['DATE-END'] ?? record.header['MJD-END']),
      [...new Set(record.provenance)].join(';'),
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Parses CSV text into rows of fields (RFC 4180 quoting, CRLF or LF). */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Reads a manifest's rows; the `path` column is required, `size` and `sha256` are used when present. */
export function readManifest(input: string): { rows: ManifestRow[]; error?: string } {
  const table = parseCsv(input);
  const header = table[0]?.map((name) => name.trim().toLowerCase());
  if (!header?.includes('path'))
    return { rows: [], error: "the manifest has no header row with a 'path' column" };
  const column = (name: string) => header.indexOf(name);
  const rows: ManifestRow[] = [];
  table.slice(1).forEach((fields, i) => {
    const sizeText = column('size') >= 0 ? (fields[column('size')] ?? '').trim() : '';
    rows.push({
      path: (fields[column('path')] ?? '').trim(),
      size: sizeText === '' ? null : Number(sizeText),
      sha256: column('sha256') >= 0 ? (fields[column('sha256')] ?? '').trim().toLowerCase() : '',
      line: i + 2,
    });
  });
  return { rows };
}
