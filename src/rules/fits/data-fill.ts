import type { FitsRule } from '../../types.js';

export const dataFill: FitsRule = {
  meta: {
    id: 'fits/data-fill',
    description:
      'The fill after the data, to the end of its last 2880-byte block, is zeros (spaces for ASCII tables).',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §3.3.2',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      if (!hdu.badFillBytes) continue;
      const expected = hdu.kind === 'ascii-table' ? 'ASCII spaces' : 'zero bytes';
      report({
        message: `${hdu.badFillBytes} fill bytes after HDU ${hdu.index}'s data are not ${expected}`,
        hdu: hdu.index,
        offset: hdu.badFillOffset ?? hdu.dataOffset + hdu.dataSize,
        hint: 'the data may be larger than NAXISn say, or the file was padded wrongly',
      });
    }
  },
};
