import { describe, expect, it } from 'vitest';
import { notChecked } from '../../../src/rules/format/not-checked.js';
import { FITS_START, randomBytes, runFileRule } from './run-file-rule.js';

/** The HDF5 signature and a superblock's worth of zeros: a format identified, not read. */
const HDF5 = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(56).fill(0)]);

const text = (value: string) => new TextEncoder().encode(value);

describe('format/not-checked', () => {
  it('warns on data in a format that no reader here reads, naming the format', () => {
    const [finding, ...rest] = runFileRule(notChecked, 'x.h5', HDF5);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'format/not-checked', severity: 'warning' });
    expect(finding!.message).toBe(
      'not checked: hlsp-validate cannot read HDF5 data yet, so its content was not judged',
    );
  });

  it('warns on content of no known format under an extension that promises nothing', () => {
    const [finding] = runFileRule(notChecked, 'x.weird', randomBytes(100));
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding!.message).toMatch(/data of no recognised format/);
  });

  it('gives documentation an info, not a warning', () => {
    expect(runFileRule(notChecked, 'notes.md', text('# Notes\n'))[0]).toMatchObject({ severity: 'info' });
    expect(runFileRule(notChecked, 'notes.txt', text('read me\n'))[0]).toMatchObject({ severity: 'info' });
  });

  it('says nothing of a file that was read and judged', () => {
    expect(runFileRule(notChecked, 'x.fits', FITS_START, { checked: true })).toEqual([]);
  });

  it('leaves a file whose content breaks its promise to the other format rules', () => {
    expect(runFileRule(notChecked, 'x.ecsv', randomBytes(100))).toEqual([]);
  });

  it('says a member of an archive that a reader reads beside it was not read inside it', () => {
    const ecsv = text('# %ECSV 1.0\n# ---\n# datatype:\n# - {name: a, datatype: int64}\na\n1\n');
    const [finding, ...rest] = runFileRule(notChecked, 'bundle.zip!cat.ecsv', ecsv);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding!.message).toBe(
      'not checked: an ECSV table inside an archive is not read yet (only beside it), so its content was not judged',
    );
    // A format that nothing reads keeps its own message inside an archive too.
    expect(runFileRule(notChecked, 'bundle.zip!x.h5', HDF5)[0]!.message).toMatch(/cannot read HDF5 data yet/);
    expect(runFileRule(notChecked, 'bundle.zip!notes.txt', text('read me\n'))[0]).toMatchObject({
      severity: 'info',
    });
  });
});
