import { describe, expect, it } from 'vitest';
import { emptyFile } from '../../../src/rules/format/empty-file.js';
import { runFileRule } from './run-file-rule.js';

describe('format/empty-file', () => {
  it('reports an empty product file', () => {
    const [finding, ...rest] = runFileRule(
      emptyFile,
      'hlsp_x_jwst_nircam_f_f200w_v1_cat.ecsv',
      new Uint8Array(),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'format/empty-file', severity: 'error' });
    expect(finding!.message).toBe('named .ecsv, but it is empty');
  });

  it('leaves an empty README or manifest to the collection rules', () => {
    expect(runFileRule(emptyFile, 'hlsp_x_readme.md', new Uint8Array(), { kind: 'readme' })).toEqual([]);
    expect(runFileRule(emptyFile, 'hlsp_x_manifest.csv', new Uint8Array(), { kind: 'manifest' })).toEqual([]);
  });

  it('passes a file with content', () => {
    expect(runFileRule(emptyFile, 'x.csv', new TextEncoder().encode('a,b\n'))).toEqual([]);
  });
});
