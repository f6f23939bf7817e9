/**
 * A Parquet file's key/value metadata as FITS-style keywords, for the HLSP keyword profiles, and
 * the column units and UCDs that astropy stores in its `table_meta_yaml` key. The mapping is
 * documented in docs/formats.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { packagePath } from '../paths.js';
import type { ContentProblem } from '../types.js';

export type KeywordValue = string | number | boolean | null;

/** The keys MAST's CCSP deliveries use, and the HLSP keywords they stand for. */
export const CCSP_KEYWORDS: Readonly<Record<string, string>> = {
  'ccsp.name': 'HLSPNAME',
  'ccsp.investigator': 'HLSPLEAD',
  'ccsp.doi': 'DOI',
  file_version: 'HLSPVER',
  file_date: 'DATE',
  license: 'LICENSE',
  license_url: 'LICENURL',
};

/** Keys that hold a writer's own structures, not the product's metadata. */
const STRUCTURAL_KEYS = new Set(['pandas', 'geo', 'table_meta_yaml', 'ARROW:schema']);
const FITS_KEYWORD = /^[A-Z0-9_-]{1,8}$/;
/** A `table_meta_yaml` larger than this is not parsed (the footer itself is capped). */
export const MAX_TABLE_META_BYTES = 16 * 1024 * 1024;

let profileTypes: Map<string, string> | undefined;

/** The type each keyword of the shipped HLSP profiles asks for (string, integer, float, logical). */
function keywordTypes(): Map<string, string> {
  if (profileTypes) return profileTypes;
  profileTypes = new Map();
  const dir = packagePath('schemas', 'keywords');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const profile = JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as {
      keywords?: Record<string, { type?: string }>;
    };
    for (const [keyword, spec] of Object.entries(profile.keywords ?? {}))
      if (spec.type && !profileTypes.has(keyword)) profileTypes.set(keyword, spec.type);
  }
  return profileTypes;
}

const INTEGER = /^[+-]?[0-9]+$/;
const FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eEdD][+-]?[0-9]+)?$/;

/**
 * Parquet stores every value as text: a value becomes the type its keyword's profile asks for when
 * it parses as that type, and stays text otherwise, for the profile rule to judge.
 */
export function typedValue(keyword: string, text: string): KeywordValue {
  const type = keywordTypes().get(keyword);
  const trimmed = text.trim();
  if (type === 'integer' && INTEGER.test(trimmed)) {
    const value = Number(trimmed);
    return Number.isSafeInteger(value) ? value : text;
  }
  if (type === 'float' && FLOAT.test(trimmed)) return Number(trimmed.replace(/[dD]/, 'e'));
  if (type === 'logical') {
    if (/^(?:T|true)$/i.test(trimmed)) return true;
    if (/^(?:F|false)$/i.test(trimmed)) return false;
  }
  return text;
}

/** The keyword a key stands for: a CCSP key's HLSP keyword, or the key upper-cased when it is one. */
export function keywordFor(key: string): string | undefined {
  const mapped = CCSP_KEYWORDS[key.toLowerCase()];
  if (mapped) return mapped;
  if (STRUCTURAL_KEYS.has(key)) return undefined;
  const upper = key.toUpperCase();
  return FITS_KEYWORD.test(upper) ? upper : undefined;
}

/** What astropy says about one column. */
export interface ColumnAnnotation {
  unit?: string;
  ucd?: string;
  description?: string;
}

export interface TableMeta {
  columns: Map<string, ColumnAnnotation>;
  /** The table's own `meta`, typed as YAML typed it. */
  meta: Map<string, KeywordValue>;
}

/** YAML's `!!omap` (a list of one-key maps, or a Map) as a plain record. */
function record(value: unknown): Record<string, unknown> {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), v]));
  if (Array.isArray(value)) return Object.assign({}, ...value.map(record));
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function scalar(value: unknown): KeywordValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return undefined;
}

/**
 * Reads astropy's `table_meta_yaml` (the ECSV header's YAML: `datatype` per column, `meta` for the
 * table); a problem when it cannot be read.
 */
export function readTableMeta(text: string): { tableMeta?: TableMeta; problem?: ContentProblem } {
  if (text.length > MAX_TABLE_META_BYTES)
    return {
      problem: {
        code: 'table-meta',
        key: 'table_meta_yaml',
        message: `table_meta_yaml holds ${text.length} characters, more than the ${MAX_TABLE_META_BYTES} read`,
      },
    };
  const document = parseDocument(text, { version: '1.1', uniqueKeys: false });
  const error = document.errors[0];
  if (error)
    return {
      problem: {
        code: 'table-meta',
        key: 'table_meta_yaml',
        message: `table_meta_yaml is not valid YAML: ${error.message.split('\n')[0]}`,
      },
    };
  const root = record(document.toJS({ maxAliasCount: 100 }));
  const columns = new Map<string, ColumnAnnotation>();
  const datatype = root.datatype;
  if (datatype !== undefined && !Array.isArray(datatype))
    return {
      problem: {
        code: 'table-meta',
        key: 'table_meta_yaml',
        message: 'table_meta_yaml has a datatype that is not a list of columns',
      },
    };
  for (const entry of datatype ?? []) {
    const column = record(entry);
    if (typeof column.name !== 'string') continue;
    const meta = record(column.meta);
    columns.set(column.name, {
      ...(typeof column.unit === 'string' ? { unit: column.unit } : {}),
      ...(typeof meta.ucd === 'string' ? { ucd: meta.ucd } : {}),
      ...(typeof column.description === 'string' ? { description: column.description } : {}),
    });
  }
  const meta = new Map<string, KeywordValue>();
  for (const [key, value] of Object.entries(record(root.meta))) {
    const keyword = keywordFor(key);
    const typed = scalar(value);
    if (keyword && typed !== undefined && !meta.has(keyword)) meta.set(keyword, typed);
  }
  return { tableMeta: { columns, meta } };
}

/**
 * The file's keywords: its key/value pairs (typed by the profiles), then the scalar entries of
 * astropy's table `meta` where a key/value pair did not already give the keyword.
 */
export function keywordsOf(
  pairs: readonly { key: string; value?: string }[],
  tableMeta: TableMeta | undefined,
): Map<string, KeywordValue> {
  const keywords = new Map<string, KeywordValue>();
  for (const { key, value } of pairs) {
    const keyword = keywordFor(key);
    if (!keyword || keywords.has(keyword)) continue;
    keywords.set(keyword, value === undefined ? null : typedValue(keyword, value));
  }
  for (const [keyword, value] of tableMeta?.meta ?? [])
    if (!keywords.has(keyword)) keywords.set(keyword, value);
  return keywords;
}
