/**
 * A file as its content reads: every tile-compressed image replaced by the image it stands for, as
 * funpack would restore it. Header and content rules judge this view, so a `.fits.fz` product is
 * judged like its uncompressed twin; structure rules keep judging the HDUs as stored.
 */
import type { FitsFile, Hdu } from './types.js';

const views = new WeakMap<FitsFile, FitsFile>();

/**
 * The file with each compressed image's BINTABLE replaced by its image view (same HDU index and
 * offsets). A compressed primary image (ZSIMPLE) takes the place of the empty primary that fpack
 * writes before it. The file itself when it holds no compressed image.
 */
export function logicalFits(fits: FitsFile): FitsFile {
  const known = views.get(fits);
  if (known) return known;
  let view = fits;
  if (fits.hdus.some((hdu) => hdu.image)) {
    const hdus: Hdu[] = fits.hdus.map((hdu) => hdu.image?.hdu ?? hdu);
    if (hdus[1]?.kind === 'primary' && isEmptyPrimary(fits.hdus[0])) hdus.shift();
    view = { ...fits, hdus };
  }
  views.set(fits, view);
  return view;
}

/** A primary HDU with no data (NAXIS = 0 or a zero-length axis): fpack's placeholder. */
function isEmptyPrimary(hdu: Hdu | undefined): boolean {
  return hdu?.kind === 'primary' && hdu.dataSize === 0;
}
