import { describe, expect, it } from 'vitest';
import { csvNoMetadata } from '../../../src/rules/csv/no-metadata.js';
import { runContentRules } from '../../support/content.js';

describe('csv/no-metadata', () => {
  it('warns once per plain CSV catalogue', async () => {
    const findings = await runContentRules(
      [csvNoMetadata],
      'hlsp_t_hst_wfc3_f_multi_v1_cat.csv',
      'a,b\n1,2\n3,4\n',
    );
    expect(findings).toMatchObject([{ ruleId: 'csv/no-metadata', severity: 'warning' }]);
  });

  it('does not judge the manifest, the README or prose as a catalogue', async () => {
    expect(await runContentRules([csvNoMetadata], 'hlsp_t_manifest.csv', 'path,size\nx,1\n')).toEqual([]);
    expect(await runContentRules([csvNoMetadata], 'hlsp_t_readme.txt', 'a b c\n1 2 3\n4 5 6\n')).toEqual([]);
    expect(await runContentRules([csvNoMetadata], 'notes.txt', 'A note.\n')).toEqual([]);
  });
});
