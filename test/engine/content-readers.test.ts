/**
 * A file whose content format has a reader is read and judged by the rules that declare that format,
 * and only by those; it is then `checked`, never `format/not-checked`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntry, type FileCheckEnvironment } from '../../src/engine/check-file.js';
import type { ContentReader } from '../../src/readers/index.js';
import { builtinRules } from '../../src/rules/index.js';
import type { ContentRule } from '../../src/types.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const csvReader: ContentReader = {
  formats: ['text'],
  extensions: ['csv'],
  read: (source) => ({
    problems: [
      { code: 'short-row', message: `row 2 of ${String(source.path).split('/').pop()} is short`, line: 2 },
    ],
    metadata: new Map([['HLSPID', 'demo']]),
  }),
};

const rule = (id: string, formats: string[]): ContentRule => ({
  meta: { id, description: 'test', severity: 'error', scope: 'content', formats },
  check: (context, report) => {
    for (const problem of context.content.problems)
      report({ message: `${context.format}: ${problem.message}` });
  },
});

function environment(): FileCheckEnvironment {
  return {
    settings: {},
    config: {},
    nameRules: [],
    fileRules: builtinRules.file,
    fitsRules: [],
    contentRules: [rule('csv/rows', ['text']), rule('image/pixels', ['png'])],
    readerFor: (format, extension) =>
      csvReader.formats.includes(format) && extension === 'csv' ? csvReader : undefined,
    profilesFor: () => [],
    hash: false,
    recordHeaders: true,
  };
}

describe('content readers', () => {
  it('reads a file of a format with a reader, and runs only the rules of that format', async () => {
    const path = join(work, 'table.csv');
    writeFileSync(path, 'a,b\n1\n');
    const outcome = await checkEntry(
      { absolute: path, path: 'table.csv', kind: 'table', isDirectory: false },
      environment(),
    );
    expect(outcome.findings.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['csv/rows', 'text: row 2 of table.csv is short'],
    ]);
    expect(outcome.entry).toMatchObject({ format: 'text', checked: true });
    expect(outcome.record.header).toEqual({ HLSPID: 'demo' });
  });

  it('leaves a format without a reader to format/not-checked', async () => {
    const path = join(work, 'preview.png');
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const outcome = await checkEntry(
      { absolute: path, path: 'preview.png', kind: 'preview', isDirectory: false },
      environment(),
    );
    expect(outcome.findings.map((finding) => finding.ruleId)).toEqual(['format/not-checked']);
    expect(outcome.entry).toMatchObject({ format: 'png', checked: false });
  });
});

describe('readerFor', () => {
  it('has no reader for a format nothing reads', async () => {
    const { readerFor } = await import('../../src/readers/index.js');
    expect(readerFor('hdf5', 'h5')).toBeUndefined();
  });
});
