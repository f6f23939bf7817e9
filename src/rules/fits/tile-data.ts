import { ONES_MODULUS, parseDatasum } from '../../fits/checksum.js';
import { stringValue } from '../../fits/layout.js';
import type { Hdu, ImageView, TileSummary } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';

type Report = (finding: FindingInput) => void;

function tileErrors(hdu: Hdu, tiles: TileSummary, report: Report): void {
  if (tiles.errorCount === 0) return;
  const first = tiles.errors[0]!;
  const more = tiles.errorCount - 1;
  report({
    hdu: hdu.index,
    keyword: null,
    offset: hdu.dataOffset,
    message:
      more === 0
        ? `HDU ${hdu.index}'s compressed image has a damaged tile: ${first.message}`
        : `HDU ${hdu.index}'s compressed image has damaged tiles: tile ${first.tile} and ${more} more; ${first.message}`,
    hint: 'the file was damaged after it was written, or the writer failed; compress the image again from the original',
  });
}

/** What was not looked at is said once per HDU: a PASS must not hide pixels that were never read. */
function notRead(hdu: Hdu, tiles: TileSummary, report: Report): void {
  const where = { hdu: hdu.index, keyword: null, offset: hdu.dataOffset, severity: 'info' as const };
  if (tiles.skipped === 'too-large')
    report({
      ...where,
      message: `HDU ${hdu.index}'s compressed image (${hdu.dataSize} bytes of table and heap) is larger than the reader holds in memory; its tiles were not decoded`,
      hint: 'only the table structure and the Z keywords were checked; funpack -S > /dev/null decodes every tile',
    });
  else if (tiles.stopped)
    report({
      ...where,
      message: `HDU ${hdu.index}'s compressed image was decoded only in part: ${tiles.stopped}`,
      hint: 'the remaining tiles were not checked; funpack -S > /dev/null decodes every tile',
    });
  else if (tiles.notDecoded > 0)
    report({
      ...where,
      message: `the pixels of HDU ${hdu.index}'s compressed image were not decoded (${tiles.notDecodedReason ?? tiles.algorithm}); its table, tile descriptors and Z keywords were checked`,
      hint: 'funpack -S > /dev/null decodes every tile',
    });
}

/** ZDATASUM and ZHECKSUM sum the image as it was before compression (FITS 4.0 §10.1.1). */
function imageSums(hdu: Hdu, view: ImageView, tiles: TileSummary, report: Report): void {
  const datasumCard = hdu.keywords.get('ZDATASUM');
  const checksumCard = hdu.keywords.get('ZHECKSUM');
  const datasumText = stringValue(hdu.keywords, 'ZDATASUM')?.trim() ?? '';
  const checksumText = stringValue(hdu.keywords, 'ZHECKSUM')?.trim() ?? '';
  const stored = datasumText === '' ? null : parseDatasum(datasumText);
  if (datasumCard && datasumText !== '' && (stored === null || Number.isNaN(stored))) {
    report({
      hdu: hdu.index,
      keyword: 'ZDATASUM',
      offset: datasumCard.offset,
      message: `ZDATASUM = '${datasumText}' is not an unsigned decimal number`,
      hint: 'compress the image again from an original with valid sums',
    });
    return;
  }
  // Quantized pixels differ from the floats the writer summed, and the writer adds HISTORY cards
  // about the quantization to the header: the sums of a lossy image cannot be checked.
  if (tiles.quantized) return;
  const decodedSum = tiles.dataSum;
  if (stored !== null && decodedSum !== undefined && stored % ONES_MODULUS !== decodedSum % ONES_MODULUS) {
    report({
      hdu: hdu.index,
      keyword: 'ZDATASUM',
      offset: datasumCard!.offset,
      message: `HDU ${hdu.index}'s decompressed image does not match its ZDATASUM: the pixels sum to ${decodedSum}, ZDATASUM says ${stored}`,
      hint: 'the image changed after the sums were written; compress it again from the original',
    });
    return;
  }
  if (checksumText === '' || !checksumCard) return;
  // With the data sum known (decoded, or ZDATASUM where the pixels were not decoded), the header can be checked.
  const dataSum = decodedSum ?? stored ?? undefined;
  if (dataSum === undefined) return;
  if (checksumText.length !== 16 || (view.headerSum + dataSum) % ONES_MODULUS !== 0)
    report({
      hdu: hdu.index,
      keyword: 'ZHECKSUM',
      offset: checksumCard.offset,
      message: `HDU ${hdu.index}'s ZHECKSUM does not match the image header restored from this table with ${decodedSum === undefined ? 'ZDATASUM' : 'its decoded pixels'}: the image's keywords were changed after compression`,
      hint: 'update the sums after editing headers (funpack, edit, fpack again), or remove ZHECKSUM',
    });
}

export const tileData: FitsRule = {
  meta: {
    id: 'fits/tile-data',
    description:
      'Every tile of a tile-compressed image decodes (GZIP_1, GZIP_2, RICE_1, NOCOMPRESS) and the restored image matches ZDATASUM and ZHECKSUM; tiles that are not decoded (HCOMPRESS_1, PLIO_1, too large) are reported as not checked.',
    severity: 'error',
    scope: 'fits',
    rationale:
      "A damaged tile loses its pixels, and nothing else shows it: the table around it is valid, and fitsverify does not decompress. The tiles are decoded one at a time while the file is read; a damaged HDU is one finding naming its first bad tile. ZDATASUM and ZHECKSUM are the uncompressed image's sums; Both are checked on lossless images, ZHECKSUM on the image header the convention restores; a quantized image's sums are of the floats before quantization and its header gains the writer's HISTORY cards, so they are not checked.",
    source: 'FITS Standard 4.0 §10; CFITSIO fpack/funpack',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const view = hdu.image;
      const tiles = view?.tiles;
      // Structure and truncation are reported by fits/tile-compression and fits/truncated.
      if (!view || !tiles || tiles.skipped === 'structure' || tiles.skipped === 'truncated') continue;
      tileErrors(hdu, tiles, report);
      notRead(hdu, tiles, report);
      if (tiles.errorCount === 0) imageSums(hdu, view, tiles, report);
    }
  },
};
