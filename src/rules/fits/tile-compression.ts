import { intValue, logicalValue, stringValue } from '../../fits/layout.js';
import type { FitsRule } from '../../types.js';

const ZCMPTYPE = ['RICE_1', 'RICE_ONE', 'GZIP_1', 'GZIP_2', 'PLIO_1', 'HCOMPRESS_1', 'NOCOMPRESS'];
const ZBITPIX = [8, 16, 32, 64, -32, -64];

export const tileCompression: FitsRule = {
  meta: {
    id: 'fits/tile-compression',
    description:
      'A tile-compressed image (ZIMAGE = T) has a known ZCMPTYPE, valid ZBITPIX, ZNAXIS and ZNAXISn, tiles within the image, and a COMPRESSED_DATA column.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'fitsverify checks these HDUs only as plain binary tables; a bad Z keyword makes the image unreadable after decompression.',
    source: 'FITS Standard 4.0 §10',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      if (hdu.kind !== 'binary-table' || logicalValue(hdu.keywords, 'ZIMAGE') !== true) continue;
      const where = (keyword: string) => ({
        hdu: hdu.index,
        keyword,
        offset: hdu.keywords.get(keyword)?.offset ?? hdu.headerOffset,
      });
      const type = stringValue(hdu.keywords, 'ZCMPTYPE')?.trim();
      if (type === undefined)
        report({
          ...where('ZCMPTYPE'),
          message: 'a compressed image needs ZCMPTYPE',
          hint: `one of ${ZCMPTYPE.join(', ')}`,
        });
      else if (!ZCMPTYPE.includes(type))
        report({
          ...where('ZCMPTYPE'),
          message: `ZCMPTYPE = '${type}' is not a known compression algorithm`,
          hint: `use one of ${ZCMPTYPE.join(', ')}`,
        });
      const zbitpix = intValue(hdu.keywords, 'ZBITPIX');
      if (zbitpix === undefined || !ZBITPIX.includes(zbitpix))
        report({
          ...where('ZBITPIX'),
          message: `ZBITPIX = ${zbitpix ?? '(missing)'} must be one of ${ZBITPIX.join(', ')}`,
          hint: 'set it to the BITPIX of the uncompressed image',
        });
      const znaxis = intValue(hdu.keywords, 'ZNAXIS');
      if (znaxis === undefined || znaxis < 0 || znaxis > 999) {
        report({
          ...where('ZNAXIS'),
          message: `ZNAXIS = ${znaxis ?? '(missing)'} must be an integer from 0 to 999`,
          hint: 'set it to the NAXIS of the uncompressed image',
        });
        continue;
      }
      for (let axis = 1; axis <= znaxis; axis++) {
        const length = intValue(hdu.keywords, `ZNAXIS${axis}`);
        if (length === undefined || length < 0) {
          report({
            ...where(`ZNAXIS${axis}`),
            message: `ZNAXIS${axis} is missing or negative`,
            hint: 'give the length of each image axis',
          });
          continue;
        }
        const tile = intValue(hdu.keywords, `ZTILE${axis}`);
        if (tile !== undefined && (tile < 1 || tile > length))
          report({
            ...where(`ZTILE${axis}`),
            message: `ZTILE${axis} = ${tile} is outside 1..ZNAXIS${axis} (${length})`,
            hint: 'tiles must fit in the image',
          });
      }
      if (!(hdu.columns ?? []).some((column) => column.name?.trim().toUpperCase() === 'COMPRESSED_DATA')) {
        report({
          hdu: hdu.index,
          keyword: null,
          offset: hdu.headerOffset,
          message: 'a compressed image needs a COMPRESSED_DATA column',
          hint: 'write the image again with fpack or a FITS library',
        });
      }
    }
  },
};
