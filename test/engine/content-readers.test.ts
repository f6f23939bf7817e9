/**
 * A file whose content format has a reader is read and judged by the rules that declare that format,
 * and only by those; it is then `checked`, never `format/not-checked`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntry, type FileCheckEnvironment } from '../../src/engine/check-file.js';
import type { ContentReader } from '../../src/readers/index.js';
import { builtinRules } from '../../src/rules/index.js';
import type { ContentRule } from '../../src/types.js';
import { REPO } from '../support/cli.js';

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
    recordFootprints: true,
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

  it('loads a reader on its first file, and reads as the reader itself does', async () => {
    const { READERS, readerFor, DEFAULT_CONTENT_LIMITS } = await import('../../src/readers/index.js');
    const direct = await Promise.all([
      import('../../src/readers/png.js').then((module) => module.pngReader),
      import('../../src/readers/jpeg.js').then((module) => module.jpegReader),
      import('../../src/readers/gif.js').then((module) => module.gifReader),
      import('../../src/readers/parquet.js').then((module) => module.parquetReader),
      import('../../src/readers/ecsv.js').then((module) => module.ecsvReader),
      import('../../src/readers/csv.js').then((module) => module.csvReader),
      import('../../src/readers/votable.js').then((module) => module.votableReader),
      import('../../src/readers/votable.js').then((module) => module.votableNamedXmlReader),
      import('../../src/readers/asdf.js').then((module) => module.asdfReader),
    ]);
    // The registry says which formats and extensions each reader takes, before loading it.
    expect(READERS.map(({ formats, extensions }) => ({ formats, extensions }))).toEqual(
      direct.map(({ formats, extensions }) => ({ formats, extensions })),
    );
    const catalog = join(REPO, 'fixtures/demo/catalogs/hlsp_nirdemo_jwst_nircam_smacs0723_multi_v1.0_cat');
    for (const [format, extension, path] of [
      ['jpeg', 'jpg', join(REPO, 'fixtures/broken-images/corrupt-scan.jpg')],
      ['parquet', 'parquet', `${catalog}.parquet`],
      ['ecsv', 'ecsv', `${catalog}.ecsv`],
      [
        'votable',
        'vot',
        join(REPO, 'fixtures/broken-tables/hlsp_nirdemo_jwst_nircam_smacs0723_multi_v1.0_cat.vot'),
      ],
      [
        'asdf',
        'asdf',
        join(REPO, 'fixtures/demo/images/hlsp_nirdemo_jwst_nircam_smacs0723_f444w_v1.0_model.asdf'),
      ],
      [
        'text',
        'csv',
        join(REPO, 'fixtures/broken-tables/hlsp_nirdemo_jwst_nircam_smacs0723_multi_v1.0_cat.csv'),
      ],
    ] as const) {
      const source = { path, size: statSync(path).size, gzip: false };
      const lazy = readerFor(format, extension)!;
      const itself = direct.find((reader) => reader.formats.includes(format))!;
      const expected = await itself.read(source, DEFAULT_CONTENT_LIMITS);
      expect(await lazy.read(source, DEFAULT_CONTENT_LIMITS), path).toEqual(expected);
      // Once loaded, the reader is called as it is.
      expect(await lazy.read(source, DEFAULT_CONTENT_LIMITS), path).toEqual(expected);
    }
  });
});
