import { describe, expect, it } from 'vitest';
import { trailingBytes } from '../../../src/rules/fits/trailing-bytes.js';
import { fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [trailingBytes]);
const twoHdus = () =>
  fitsFile([
    { cards: primaryCards() },
    { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]) },
  ]);

describe('fits/trailing-bytes', () => {
  it('reports garbage after the last HDU', () => {
    const clean = imageFile();
    const findings = run(Buffer.concat([clean, Buffer.from('garbage')]));
    expect(findings).toEqual([
      {
        ruleId: 'fits/trailing-bytes',
        severity: 'error',
        offset: clean.length,
        message: '7 bytes follow the last HDU, which are not a valid FITS extension',
        hint: 'remove the extra bytes, or check whether an extension header is damaged (it must start with XTENSION)',
      },
    ]);
  });

  it('reports a whole block that does not start with XTENSION', () => {
    const clean = twoHdus();
    const findings = run(Buffer.concat([clean, Buffer.alloc(2880, 0x20)]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'fits/trailing-bytes', offset: clean.length });
    expect(findings[0]!.message).toMatch(/^2880 bytes follow the last HDU/);
  });

  it('passes files that end with their last HDU', () => {
    expect(run(imageFile())).toEqual([]);
    expect(run(twoHdus())).toEqual([]);
  });

  it('leaves a cut-off extension header to fits/truncated', () => {
    const bytes = twoHdus();
    expect(run(bytes.subarray(0, 2880 + 400))).toEqual([]);
  });
});
