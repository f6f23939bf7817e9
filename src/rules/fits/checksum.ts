import { ONES_MODULUS, parseDatasum } from '../../fits/checksum.js';
import { stringValue } from '../../fits/layout.js';
import type { FitsRule } from '../../types.js';

export const checksum: FitsRule = {
  meta: {
    id: 'fits/checksum',
    description:
      'Where CHECKSUM or DATASUM is present, it matches the bytes: DATASUM the data unit, CHECKSUM the whole HDU (any valid encoding; a blank DATASUM counts as absent).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'A wrong sum means the file changed after it was written (or was corrupted in transfer). fitsverify only warns; we report an error because a delivery with stale sums is either damaged or was edited without updating them, and MAST verifies them. Sums are computed over the raw bytes, so every valid CHECKSUM encoding is accepted.',
    source: 'FITS Standard 4.0 §4.4.2.7 and Appendix J; FITS Checksum Proposal',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const datasumCard = hdu.keywords.get('DATASUM');
      const checksumCard = hdu.keywords.get('CHECKSUM');
      const datasumText = stringValue(hdu.keywords, 'DATASUM');
      const checksumText = stringValue(hdu.keywords, 'CHECKSUM');
      const hasDatasum = datasumText !== undefined && datasumText.trim() !== '';
      const hasChecksum = checksumText !== undefined && checksumText.trim() !== '';
      if (!hasDatasum && !hasChecksum) continue;
      const complete = hdu.dataBytesRead === hdu.paddedDataSize && hdu.dataSum !== undefined;
      if (!complete && hdu.paddedDataSize > 0) continue; // truncation is reported by fits/truncated
      const dataSum = hdu.dataSum ?? 0;
      let dataOk = true;
      if (hasDatasum) {
        const stored = parseDatasum(datasumText);
        if (stored === null || Number.isNaN(stored)) {
          dataOk = false;
          report({
            hdu: hdu.index,
            keyword: 'DATASUM',
            offset: datasumCard!.offset,
            message: `DATASUM = '${datasumText}' is not an unsigned decimal number`,
            hint: 'rewrite the checksums with a FITS library',
          });
        } else if (stored % ONES_MODULUS !== dataSum % ONES_MODULUS) {
          dataOk = false;
          report({
            hdu: hdu.index,
            keyword: 'DATASUM',
            offset: datasumCard!.offset,
            message: `HDU ${hdu.index}'s data does not match its DATASUM: the data sums to ${dataSum}, DATASUM says ${stored}`,
            hint: 'the data changed after the sums were written, or the file is damaged; recompute them (e.g. fitscheck -w) only if the data is right',
          });
        }
      }
      if (hasChecksum) {
        if (checksumText.length !== 16) {
          report({
            hdu: hdu.index,
            keyword: 'CHECKSUM',
            offset: checksumCard!.offset,
            message: `CHECKSUM = '${checksumText}' must be 16 characters`,
            hint: 'rewrite the checksums with a FITS library',
          });
          continue;
        }
        const total = ((hdu.headerSum ?? 0) + dataSum) % ONES_MODULUS;
        if (total !== 0) {
          report({
            hdu: hdu.index,
            keyword: 'CHECKSUM',
            offset: checksumCard!.offset,
            message: dataOk
              ? `HDU ${hdu.index}'s CHECKSUM does not match: the data is intact, so the header was modified after the checksum was written`
              : `HDU ${hdu.index}'s CHECKSUM does not match the HDU`,
            hint: 'update the checksums after editing headers (e.g. fitscheck -w, or astropy writeto(checksum=True))',
          });
        }
      }
    }
  },
};
