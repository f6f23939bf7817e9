import { intValue } from '../../fits/layout.js';
import type { FitsRule } from '../types.js';
import { firstCardWhere, textOf, where } from './util.js';

const CD_MATRIX = /^CD[0-9]+_[0-9]+$/;
const CDELT = /^CDELT[0-9]+$/;

const CELESTIAL = /^(RA--|DEC-|GLON|GLAT|ELON|ELAT)/;
const WCS = /^(CTYPE|CRVAL|CRPIX|CDELT|CUNIT)[0-9]+$|^(CD|PC)[0-9]+_[0-9]+$/;

export const wcsEquinoxIcrs: FitsRule = {
  meta: {
    id: 'hlsp/wcs-equinox-icrs',
    description: "No EQUINOX when RADESYS = 'ICRS' (ICRS has no equinox).",
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const equinox = hdu.keywords.get('EQUINOX');
      if (equinox && textOf(hdu.keywords.get('RADESYS')) === 'ICRS') {
        report({
          ...where(hdu, equinox),
          message: "EQUINOX is given, but RADESYS = 'ICRS', which has no equinox",
          hint: 'remove EQUINOX',
        });
      }
    }
  },
};

export const wcsCdPc: FitsRule = {
  meta: {
    id: 'hlsp/wcs-cd-pc',
    description: 'An HDU uses either the CDi_j matrix or PCi_j with CDELTi, never CD together with CDELT.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Readers ignore CDELT when CD is present, so a CDELT beside CD is at best dead and at worst believed by a reader that prefers it. (PC with CD is reported by fits/wcs-keywords.)',
    source: 'MAST HLSP Contributor Guide, Image Metadata; FITS WCS Paper I',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const cd = firstCardWhere(hdu, (keyword) => keyword.startsWith('CD') && CD_MATRIX.test(keyword));
      const cdelt = firstCardWhere(hdu, (keyword) => keyword.startsWith('CDELT') && CDELT.test(keyword));
      if (cd && cdelt)
        report({
          ...where(hdu, cdelt),
          message: `${cdelt.keyword} is given together with the CD matrix (${cd.keyword})`,
          hint: 'keep the CD matrix and remove CDELTi, or use PCi_j with CDELTi',
        });
    }
  },
};

export const wcsUnits: FitsRule = {
  meta: {
    id: 'hlsp/wcs-units',
    description: "Celestial axes (RA/Dec, galactic, ecliptic) have CUNITi = 'deg'.",
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Image Metadata; FITS WCS Paper II',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const card of hdu.keywords.values()) {
        const match = /^CTYPE([0-9]+)$/.exec(card.keyword);
        if (!match || !CELESTIAL.test(textOf(card) ?? '')) continue;
        const unitCard = hdu.keywords.get(`CUNIT${match[1]}`);
        const unit = textOf(unitCard);
        if (unitCard && unit !== 'deg') {
          report({
            ...where(hdu, unitCard),
            message: `CUNIT${match[1]} = '${unit}' for the celestial axis ${textOf(card)}; it must be 'deg'`,
            hint: `set CUNIT${match[1]} = 'deg'`,
          });
        }
      }
    }
  },
};

export const wcsPlacement: FitsRule = {
  meta: {
    id: 'hlsp/wcs-placement',
    description: 'WCS keywords are only in the HDU they describe, not in a primary header without data.',
    severity: 'warning',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Image Metadata',
  },
  check(context, report) {
    const [primary, ...rest] = context.fits.hdus;
    if (!primary || (intValue(primary.keywords, 'NAXIS') ?? 0) > 0 || rest.length === 0) return;
    const card = [...primary.keywords.values()].find((c) => WCS.test(c.keyword));
    if (card)
      report({
        ...where(primary, card),
        message: `the primary header has no data but carries WCS keywords (${card.keyword})`,
        hint: 'move the WCS keywords to the extension that holds the image',
      });
  },
};
