/** Reads Parquet bytes with the real reader (from a temporary file) and runs the parquet/* rules on them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseName } from '../../src/naming/parse.js';
import { parquetReader } from '../../src/readers/parquet.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import type { ContentContext, ContentRule, ReadContent } from '../../src/types.js';
import { type ParquetSpec, writeParquet } from './parquet-writer.js';
import type { RuleFinding } from './rule-harness.js';

export const PARQUET_NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.parquet';

export async function readParquetBytes(bytes: Uint8Array): Promise<ReadContent> {
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-parquet-'));
  try {
    const path = join(dir, PARQUET_NAME);
    writeFileSync(path, bytes);
    return await parquetReader.read({ path, size: bytes.length, gzip: false }, DEFAULT_CONTENT_LIMITS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function parquetContext(content: ReadContent, name = PARQUET_NAME): ContentContext {
  return {
    path: name,
    name,
    parsed: parseName(name),
    format: 'parquet',
    content,
    settings: {},
    profiles: [],
  };
}

/** The findings of `rules` on the file these bytes make. */
export async function runParquetRules(
  bytes: Uint8Array,
  rules: ContentRule[],
  name = PARQUET_NAME,
): Promise<RuleFinding[]> {
  const context = parquetContext(await readParquetBytes(bytes), name);
  const findings: RuleFinding[] = [];
  for (const rule of rules)
    rule.check(context, (finding) =>
      findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
    );
  return findings;
}

/** A small, correct table: three row groups of two rows, a nullable column, text, and HLSP metadata. */
export function sampleSpec(overrides: Partial<ParquetSpec> = {}): ParquetSpec {
  return {
    rowGroupRows: 2,
    pageRows: 1,
    columns: [
      { name: 'ra', type: 'DOUBLE', values: [110.83, 110.84, 110.85, 110.82, 110.86, 110.81] },
      { name: 'flux', type: 'FLOAT', values: [1.5, null, 3.25, 0.5, 2, null] },
      { name: 'id', type: 'INT64', values: [1n, 2n, 3n, 4n, 5n, 6n] },
      { name: 'name', type: 'BYTE_ARRAY', values: ['SRC-1', 'SRC-2', 'SRC-3', 'SRC-4', 'SRC-5', 'SRC-6'] },
    ],
    keyValue: {
      HLSPID: 'test',
      table_meta_yaml:
        'datatype:\n- {name: ra, unit: deg, datatype: float64}\n- {name: flux, unit: uJy, datatype: float32}\n',
    },
    ...overrides,
  };
}

export const sampleBytes = (overrides: Partial<ParquetSpec> = {}): Buffer =>
  writeParquet(sampleSpec(overrides)).bytes;
