import { describe, expect, it } from 'vitest';
import { spectrumColumns } from '../../../src/rules/hlsp/spectrum-columns.js';
import { SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { binaryTableCards, card } from '../../support/fits-builder.js';
import { data } from '../../support/keyword-corpus.js';
import { demoHdus, runOnDemo, runOnHdus } from './run-hlsp-rule.js';

const NAME = SPECTRUM_PATH.split('/').pop()!;

describe('hlsp/spectrum-columns', () => {
  it('reports a spectrum table without a WAVELENGTH column', () => {
    const findings = runOnDemo(spectrumColumns, SPECTRUM_PATH, (h) =>
      setCard(data(h), 'TTYPE1', card('TTYPE1', 'LAMBDA')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/spectrum-columns',
      severity: 'error',
      hdu: 1,
      keyword: null,
    });
    expect(findings[0]!.message).toBe('the spectrum table has no WAVELENGTH column');
    expect(findings[0]!.hint).toBe('name the columns WAVELENGTH, FLUX (with units in TUNITn)');
  });

  it('passes a spectrum with WAVELENGTH and FLUX', () => {
    expect(runOnDemo(spectrumColumns, SPECTRUM_PATH)).toEqual([]);
  });

  it('passes when another table of the file has both columns', () => {
    const hdus = demoHdus(SPECTRUM_PATH);
    hdus.splice(1, 0, {
      cards: binaryTableCards([{ name: 'MASK', format: 'J' }], 1, 4, { extname: 'MASK' }),
      data: new Uint8Array(4),
    });
    expect(runOnHdus(spectrumColumns, hdus, { name: NAME })).toEqual([]);
  });

  it('checks only spectra', () => {
    const findings = runOnDemo(
      spectrumColumns,
      SPECTRUM_PATH,
      (h) => setCard(data(h), 'TTYPE1', card('TTYPE1', 'LAMBDA')),
      { name: NAME.replace('_x1d.fits', '_cat.fits') },
    );
    expect(findings).toEqual([]);
  });
});
