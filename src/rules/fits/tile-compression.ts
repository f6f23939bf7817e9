import { imageCardsInTableOrder } from '../../fits/compression/header.js';
import { intValue, logicalValue, stringValue } from '../../fits/layout.js';
import type { Card, Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { shown } from './support/cards.js';

const ZCMPTYPE = ['RICE_1', 'RICE_ONE', 'GZIP_1', 'GZIP_2', 'PLIO_1', 'HCOMPRESS_1', 'NOCOMPRESS'];
const ZBITPIX = [8, 16, 32, 64, -32, -64];
const ZQUANTIZ = ['NO_DITHER', 'SUBTRACTIVE_DITHER_1', 'SUBTRACTIVE_DITHER_2', 'NONE'];
/** The dither sequence has 10,000 entries (FITS 4.0 §10.2.1); 0 is written when no tile is dithered. */
const MAX_DITHER_SEED = 10_000;
/** RICE_1 parameters and the values its decoders accept (FITS 4.0 §10.4.1). */
const RICE_PARAMETERS: Record<string, number[]> = { BLOCKSIZE: [16, 32], BYTEPIX: [1, 2, 4, 8] };

type Report = (finding: FindingInput) => void;

function at(hdu: Hdu, card: Card | undefined, keyword: string) {
  return { hdu: hdu.index, keyword, offset: card?.offset ?? hdu.headerOffset };
}

/** The Z copies of the image's other mandatory keywords, where present (FITS 4.0 Table 37). */
function checkImageCopies(hdu: Hdu, report: Report): void {
  const zsimple = hdu.keywords.get('ZSIMPLE');
  const ztension = hdu.keywords.get('ZTENSION');
  if (zsimple && logicalValue(hdu.keywords, 'ZSIMPLE') !== true)
    report({
      ...at(hdu, zsimple, 'ZSIMPLE'),
      message: `ZSIMPLE = ${shown(zsimple)} must be T (the image was a primary array)`,
      hint: 'write ZSIMPLE = T, or remove it if the image was an extension',
    });
  if (ztension && stringValue(hdu.keywords, 'ZTENSION')?.trim() !== 'IMAGE')
    report({
      ...at(hdu, ztension, 'ZTENSION'),
      message: `ZTENSION = ${shown(ztension)} must be 'IMAGE' (only images are tile-compressed)`,
      hint: "write ZTENSION = 'IMAGE'",
    });
  if (zsimple && ztension)
    report({
      ...at(hdu, ztension, 'ZTENSION'),
      message: 'ZSIMPLE and ZTENSION are both given; the image was either a primary array or an extension',
      hint: 'keep the one that describes the original image',
    });
  const first = zsimple ?? ztension;
  const opening = first ? imageCardsInTableOrder(hdu.cards)[0] : undefined;
  if (first && opening && opening !== first)
    report({
      ...at(hdu, opening, opening.keyword),
      message: `${opening.keyword} is the first card that passes into the image header, before ${first.keyword}: CFITSIO (funpack, and the readers built on it) restores the header in card order and cannot read this image`,
      hint: `move ${first.keyword} up, before ${opening.keyword} and the other image keywords (fpack writes it before ZBITPIX)`,
    });
  for (const [keyword, expected] of [
    ['ZPCOUNT', 0],
    ['ZGCOUNT', 1],
  ] as const) {
    const found = hdu.keywords.get(keyword);
    if (found && intValue(hdu.keywords, keyword) !== expected)
      report({
        ...at(hdu, found, keyword),
        message: `${keyword} = ${shown(found)} must be ${expected} (an image extension's ${keyword.slice(1)})`,
        hint: `write ${keyword} = ${expected}`,
      });
  }
}

/** ZNAMEi/ZVALi come in pairs; RICE_1's BLOCKSIZE and BYTEPIX take a few values only. */
function checkParameters(hdu: Hdu, algorithm: string | undefined, report: Report): void {
  for (let i = 1; i <= 999; i++) {
    const nameCard = hdu.keywords.get(`ZNAME${i}`);
    const valueCard = hdu.keywords.get(`ZVAL${i}`);
    if (!nameCard && !valueCard) break;
    const name = stringValue(hdu.keywords, `ZNAME${i}`)?.trim().toUpperCase();
    if (!nameCard || name === undefined) {
      report({
        ...at(hdu, nameCard ?? valueCard, `ZNAME${i}`),
        message: nameCard
          ? `ZNAME${i} = ${shown(nameCard)} must be a quoted parameter name`
          : `ZVAL${i} is given without ZNAME${i}`,
        hint: `name the parameter in ZNAME${i}, e.g. 'BLOCKSIZE'`,
      });
      continue;
    }
    if (!valueCard) {
      report({
        ...at(hdu, nameCard, `ZNAME${i}`),
        message: `ZNAME${i} = '${name}' has no ZVAL${i}`,
        hint: `give the parameter's value in ZVAL${i}`,
      });
      continue;
    }
    const allowed = algorithm === 'RICE_1' || algorithm === 'RICE_ONE' ? RICE_PARAMETERS[name] : undefined;
    if (allowed && !allowed.includes(intValue(hdu.keywords, `ZVAL${i}`) ?? Number.NaN))
      report({
        ...at(hdu, valueCard, `ZVAL${i}`),
        message: `ZVAL${i} = ${shown(valueCard)} is not a valid RICE_1 ${name} (one of ${allowed.join(', ')})`,
        hint: 'write the image again with fpack or a FITS library',
      });
  }
}

function checkQuantization(hdu: Hdu, report: Report): void {
  const zquantiz = hdu.keywords.get('ZQUANTIZ');
  const method = stringValue(hdu.keywords, 'ZQUANTIZ')?.trim().toUpperCase();
  if (zquantiz && (method === undefined || !ZQUANTIZ.includes(method)))
    report({
      ...at(hdu, zquantiz, 'ZQUANTIZ'),
      message: `ZQUANTIZ = ${shown(zquantiz)} is not a known quantization method`,
      hint: `use one of ${ZQUANTIZ.join(', ')}`,
    });
  const zdither = hdu.keywords.get('ZDITHER0');
  if (!zdither) return;
  const seed = intValue(hdu.keywords, 'ZDITHER0');
  if (seed === undefined || seed < 0 || seed > MAX_DITHER_SEED)
    report({
      ...at(hdu, zdither, 'ZDITHER0'),
      message: `ZDITHER0 = ${shown(zdither)} must be an integer from 1 to ${MAX_DITHER_SEED} (0 when no tile is dithered)`,
      hint: 'ZDITHER0 picks the start of the dither sequence; write the image again',
    });
}

/**
 * ZNAXIS, ZNAXISn and ZTILEn; returns the number of tiles they make, or undefined when they are
 * unusable (already reported).
 */
function checkAxes(hdu: Hdu, report: Report): number | undefined {
  const znaxis = intValue(hdu.keywords, 'ZNAXIS');
  if (znaxis === undefined || znaxis < 0 || znaxis > 999) {
    report({
      ...at(hdu, hdu.keywords.get('ZNAXIS'), 'ZNAXIS'),
      message: `ZNAXIS = ${znaxis ?? '(missing)'} must be an integer from 0 to 999`,
      hint: 'set it to the NAXIS of the uncompressed image',
    });
    return undefined;
  }
  let tiles: number | undefined = znaxis === 0 ? 0 : 1;
  for (let axis = 1; axis <= znaxis; axis++) {
    const length = intValue(hdu.keywords, `ZNAXIS${axis}`);
    if (length === undefined || length < 0) {
      report({
        ...at(hdu, hdu.keywords.get(`ZNAXIS${axis}`), `ZNAXIS${axis}`),
        message: `ZNAXIS${axis} is missing or negative`,
        hint: 'give the length of each image axis',
      });
      tiles = undefined;
      continue;
    }
    const tileCard = hdu.keywords.get(`ZTILE${axis}`);
    const tile = tileCard ? intValue(hdu.keywords, `ZTILE${axis}`) : axis === 1 ? length : 1;
    if (tile === undefined || tile < 1 || (tile > length && length > 0)) {
      report({
        ...at(hdu, tileCard, `ZTILE${axis}`),
        message: `ZTILE${axis} = ${shown(tileCard)} is outside 1..ZNAXIS${axis} (${length})`,
        hint: 'tiles must fit in the image',
      });
      tiles = undefined;
      continue;
    }
    if (tiles !== undefined) tiles *= length === 0 ? 0 : Math.ceil(length / tile);
  }
  return tiles !== undefined && Number.isSafeInteger(tiles) ? tiles : undefined;
}

function checkCompressedImage(hdu: Hdu, report: Report): void {
  const typeCard = hdu.keywords.get('ZCMPTYPE');
  const type = stringValue(hdu.keywords, 'ZCMPTYPE')?.trim();
  if (type === undefined)
    report({
      ...at(hdu, typeCard, 'ZCMPTYPE'),
      message: typeCard
        ? `ZCMPTYPE = ${shown(typeCard)} must be a quoted algorithm name`
        : 'a compressed image needs ZCMPTYPE',
      hint: `one of ${ZCMPTYPE.join(', ')}`,
    });
  else if (!ZCMPTYPE.includes(type))
    report({
      ...at(hdu, typeCard, 'ZCMPTYPE'),
      message: `ZCMPTYPE = '${type}' is not a known compression algorithm`,
      hint: `use one of ${ZCMPTYPE.join(', ')}`,
    });
  const zbitpix = intValue(hdu.keywords, 'ZBITPIX');
  if (zbitpix === undefined || !ZBITPIX.includes(zbitpix))
    report({
      ...at(hdu, hdu.keywords.get('ZBITPIX'), 'ZBITPIX'),
      message: `ZBITPIX = ${zbitpix ?? '(missing)'} must be one of ${ZBITPIX.join(', ')}`,
      hint: 'set it to the BITPIX of the uncompressed image',
    });
  const tiles = checkAxes(hdu, report);
  const rows = intValue(hdu.keywords, 'NAXIS2');
  // Negative or missing NAXIS2 is fits/mandatory-keywords' to report.
  if (tiles !== undefined && rows !== undefined && rows >= 0 && rows !== tiles)
    report({
      ...at(hdu, hdu.keywords.get('NAXIS2'), 'NAXIS2'),
      message: `the table has ${rows} rows, but ZNAXISn and ZTILEn divide the image into ${tiles} tiles (one row per tile)`,
      hint: 'ZNAXISn or ZTILEn do not describe this table; write the image again',
    });
  checkParameters(hdu, type, report);
  checkQuantization(hdu, report);
  checkImageCopies(hdu, report);
  const data = (hdu.columns ?? []).find((column) => column.name?.trim().toUpperCase() === 'COMPRESSED_DATA');
  if (!data)
    report({
      hdu: hdu.index,
      keyword: null,
      offset: hdu.headerOffset,
      message: 'a compressed image needs a COMPRESSED_DATA column',
      hint: 'write the image again with fpack or a FITS library',
    });
  else if (data.code !== undefined && data.code !== 'P' && data.code !== 'Q')
    report({
      ...at(hdu, hdu.keywords.get(`TFORM${data.n}`), `TFORM${data.n}`),
      message: `COMPRESSED_DATA must be a variable-length array column (1PB or 1QB…), found TFORM${data.n} = '${data.tform?.trim() ?? ''}'`,
      hint: 'write the image again with fpack or a FITS library',
    });
}

export const tileCompression: FitsRule = {
  meta: {
    id: 'fits/tile-compression',
    description:
      'A tile-compressed image (ZIMAGE = T) has valid Z keywords (ZCMPTYPE, ZBITPIX, ZNAXIS/ZNAXISn, ZTILEn, ZNAMEi/ZVALi, ZQUANTIZ, ZDITHER0, ZSIMPLE/ZTENSION/ZPCOUNT/ZGCOUNT), one table row per tile, and a COMPRESSED_DATA array column.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'fitsverify checks these HDUs only as plain binary tables; a bad Z keyword makes the image unreadable after decompression, and a table whose row count disagrees with the tiles loses or invents pixels.',
    source: 'FITS Standard 4.0 §10',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      if (hdu.kind !== 'binary-table') continue;
      const zimage = hdu.keywords.get('ZIMAGE');
      if (!zimage) continue;
      if (zimage.value?.type !== 'logical') {
        report({
          ...at(hdu, zimage, 'ZIMAGE'),
          message: `ZIMAGE = ${shown(zimage)} must be the logical T (or F); the table is not read as a compressed image`,
          hint: 'write ZIMAGE = T without quotes',
        });
        continue;
      }
      if (zimage.value.value) checkCompressedImage(hdu, report);
    }
  },
};
