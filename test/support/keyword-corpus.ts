/**
 * Keyword-rule cases: the demo products with one planted defect each. The tests pin every finding
 * of each case in fixtures/keywords/<case>/ (`UPDATE_GOLDEN=1` rewrites them).
 */
import { CATALOG_PATH, mosaicPath, SPECTRUM_PATH, setCard } from './demo.js';
import { card, type HduSpec } from './fits-builder.js';

export type Mutation = (hdus: HduSpec[]) => void;
export const primary = (hdus: HduSpec[]) => hdus[0]!.cards;
export const data = (hdus: HduSpec[]) => hdus[1]!.cards;
export const IMAGE = mosaicPath('f200w');

/** [label, demo product, defect, expected rule ids, file name when it differs] */
export const keywordCases: [string, string, Mutation, string[], string?][] = [
  [
    'required keyword missing',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPLEAD', null),
    ['hlsp/keyword-required'],
  ],
  [
    'image without MJD-MID',
    IMAGE,
    (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'MJD-MID', null);
    },
    ['hlsp/keyword-required'],
  ],
  [
    'recommended keyword missing is a warning',
    IMAGE,
    (h) => setCard(primary(h), 'OBSERVAT', null),
    ['hlsp/keyword-required'],
  ],
  [
    'number stored as a string',
    IMAGE,
    (h) => setCard(data(h), 'MJD-BEG', card('MJD-BEG', '59737.2')),
    ['hlsp/keyword-type'],
  ],
  [
    'string keyword written as a number',
    IMAGE,
    (h) => setCard(primary(h), 'PROPOSID', card('PROPOSID', 2736)),
    ['hlsp/keyword-type'],
  ],
  [
    'placeholder DOI',
    IMAGE,
    (h) => setCard(primary(h), 'DOI', card('DOI', '10.17909/xxxx-xxxx')),
    ['hlsp/doi-placeholder'],
  ],
  [
    'LICENSE wrong',
    IMAGE,
    (h) => setCard(primary(h), 'LICENSE', card('LICENSE', 'CC-BY-4.0')),
    ['hlsp/keyword-value'],
  ],
  [
    'LICENURL wrong',
    IMAGE,
    (h) => setCard(primary(h), 'LICENURL', card('LICENURL', 'http://creativecommons.org/licenses/by/4.0')),
    ['hlsp/keyword-value'],
  ],
  [
    'DOI not MAST',
    IMAGE,
    (h) => setCard(primary(h), 'DOI', card('DOI', '10.5281/zenodo.1')),
    ['hlsp/keyword-value'],
  ],
  [
    'TIMESYS unknown',
    IMAGE,
    (h) => setCard(primary(h), 'TIMESYS', card('TIMESYS', 'MARS')),
    ['hlsp/keyword-value'],
  ],
  [
    'RADESYS unknown',
    IMAGE,
    (h) => setCard(data(h), 'RADESYS', card('RADESYS', 'J2000')),
    ['hlsp/keyword-value'],
  ],
  [
    'REFERENC not a bibcode',
    IMAGE,
    (h) => setCard(primary(h), 'REFERENC', card('REFERENC', 'Smith et al. 2022')),
    ['hlsp/keyword-value'],
  ],
  [
    'RA_TARG out of range',
    IMAGE,
    (h) => setCard(data(h), 'RA_TARG', card('RA_TARG', 361.5)),
    ['hlsp/keyword-value'],
  ],
  [
    'DEC_TARG out of range',
    IMAGE,
    (h) => setCard(data(h), 'DEC_TARG', card('DEC_TARG', -91.0)),
    ['hlsp/keyword-value'],
  ],
  [
    'MJD given as a JD',
    IMAGE,
    (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'MJD-BEG', card('MJD-BEG', 2459737.2));
    },
    ['hlsp/date-range', 'hlsp/keyword-value'],
  ],
  [
    'negative XPOSURE',
    IMAGE,
    (h) => setCard(data(h), 'XPOSURE', card('XPOSURE', -1.0)),
    ['hlsp/keyword-value'],
  ],
  [
    'JWST INSTRUME not a JWST instrument',
    IMAGE,
    (h) => setCard(primary(h), 'INSTRUME', card('INSTRUME', 'WFC3')),
    ['hlsp/keyword-value', 'hlsp/name-header-match'],
  ],
  [
    'HLSP keyword in the wrong HDU',
    IMAGE,
    (h) => {
      setCard(primary(h), 'HLSPNAME', null);
      data(h).push(card('HLSPNAME', 'x'));
    },
    ['hlsp/keyword-placement'],
  ],
  [
    'DATE-END before DATE-BEG',
    IMAGE,
    (h) => setCard(data(h), 'DATE-END', card('DATE-END', '2022-06-01T00:00:00')),
    ['hlsp/date-range'],
  ],
  [
    // The JWST shape: the primary gives the whole product's range, SCI its own; the defect is in SCI.
    'DATE-END before DATE-BEG in SCI behind a valid primary pair',
    IMAGE,
    (h) => {
      primary(h).push(
        card('DATE-BEG', '2022-06-07T04:48:00.000', 'start of the first exposure (UTC)'),
        card('DATE-END', '2022-06-07T21:36:00.000', 'end of the last exposure (UTC)'),
      );
      setCard(data(h), 'DATE-END', card('DATE-END', '2022-06-01T00:00:00'));
    },
    ['hlsp/date-range'],
  ],
  [
    'extension dates under the primary TIMESYS without INHERIT',
    IMAGE,
    (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'TIMESYS', null);
      setCard(h[2]!.cards, 'INHERIT', card('INHERIT', true, 'take the primary header keywords'));
      setCard(h[3]!.cards, 'INHERIT', card('INHERIT', true, 'take the primary header keywords'));
    },
    ['hlsp/timesys'],
  ],
  [
    'MJD and DATE disagree',
    IMAGE,
    (h) => setCard(data(h), 'MJD-END', card('MJD-END', 59738.5)),
    ['hlsp/date-range'],
  ],
  [
    'no time at all',
    IMAGE,
    (h) => {
      for (const hdu of h)
        for (const k of ['DATE-BEG', 'DATE-END', 'MJD-BEG', 'MJD-END']) setCard(hdu.cards, k, null);
    },
    ['hlsp/date-range', 'hlsp/keyword-required'],
  ],
  [
    'dates without TIMESYS',
    IMAGE,
    (h) => {
      for (const hdu of h) setCard(hdu.cards, 'TIMESYS', null);
    },
    ['hlsp/keyword-required', 'hlsp/timesys'],
  ],
  [
    // Dates written into the ERR extension, which has no TIMESYS: the placement is the one defect.
    'dates in an extension that does not hold the data',
    IMAGE,
    (h) => {
      for (const k of ['DATE-BEG', 'DATE-END', 'MJD-BEG', 'MJD-END']) {
        const moved = data(h).find((c) => c.keyword === k);
        if (!moved) continue;
        setCard(data(h), k, null);
        h[2]!.cards.push(moved);
      }
      setCard(h[2]!.cards, 'TIMESYS', null);
    },
    ['hlsp/keyword-placement', 'hlsp/timesys'],
  ],
  ['EQUINOX with ICRS', IMAGE, (h) => data(h).push(card('EQUINOX', 2000.0)), ['hlsp/wcs-equinox-icrs']],
  ['CD with CDELT', IMAGE, (h) => data(h).push(card('CDELT1', 1.0)), ['hlsp/wcs-cd-pc']],
  [
    'celestial CUNIT not deg',
    IMAGE,
    (h) => setCard(data(h), 'CUNIT1', card('CUNIT1', 'degrees')),
    ['hlsp/wcs-units'],
  ],
  [
    'WCS in a dataless primary',
    IMAGE,
    (h) => primary(h).push(card('CTYPE1', 'RA---TAN')),
    ['hlsp/wcs-placement'],
  ],
  [
    'MULTIPLE instead of MULTI',
    IMAGE,
    (h) => setCard(data(h), 'FILTER', card('FILTER', 'MULTIPLE')),
    ['hlsp/multi-companions'],
  ],
  [
    'MULTI without companions',
    CATALOG_PATH,
    (h) => {
      for (const k of ['FILTER01', 'FILTER02', 'FILTER03']) setCard(primary(h), k, null);
    },
    ['hlsp/multi-companions'],
  ],
  [
    'MULTI companions not from 01',
    CATALOG_PATH,
    (h) => setCard(primary(h), 'FILTER01', null),
    ['hlsp/multi-companions'],
  ],
  ['no provenance', SPECTRUM_PATH, (h) => setCard(primary(h), 'FILEID01', null), ['hlsp/provenance']],
  ['SIMULATD not logical', IMAGE, (h) => primary(h).push(card('SIMULATD', 'yes')), ['hlsp/simulated']],
  [
    'simulation without SIMULATD',
    IMAGE,
    () => {},
    ['hlsp/simulated'],
    'hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_sim-img.fits',
  ],
  [
    'table column without unit',
    SPECTRUM_PATH,
    (h) => setCard(data(h), 'TUNIT2', null),
    ['hlsp/column-units'],
  ],
  [
    'catalogue RA as float',
    CATALOG_PATH,
    (h) => setCard(data(h), 'TFORM1', card('TFORM1', 'E')),
    ['hlsp/catalog-coordinates'],
  ],
  [
    'spectrum without WAVELENGTH',
    SPECTRUM_PATH,
    (h) => setCard(data(h), 'TTYPE1', card('TTYPE1', 'LAMBDA')),
    ['hlsp/spectrum-columns'],
  ],
  [
    'light curve without TIME',
    SPECTRUM_PATH,
    () => {},
    ['hlsp/lightcurve-columns'],
    'hlsp_nirdemo_jwst_nirspec_smacs0723-06355_f170lp-g235m_v1.0_lc.fits',
  ],
  [
    'misspelled HSLPNAME',
    IMAGE,
    (h) => {
      const c = primary(h);
      c[c.findIndex((x) => x.keyword === 'HLSPNAME')] = card('HSLPNAME', 'x');
    },
    ['hlsp/keyword-required', 'hlsp/keyword-spelling'],
  ],
  [
    'legacy HLSP_VER beside HLSPVER',
    IMAGE,
    (h) => primary(h).push(card('HLSP_VER', 'v1.0')),
    ['hlsp/keyword-spelling'],
  ],
  [
    'HLSPID differs from the name',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
    ['hlsp/name-header-match'],
  ],
  [
    'HLSPTARG differs from the target in the name',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'Abell 2744')),
    ['hlsp/name-header-match'],
  ],
  [
    'HLSPVER differs from the name',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPVER', card('HLSPVER', 'v2.0')),
    ['hlsp/name-header-match'],
  ],
  [
    // The primary says F444W; only the WHT extension, which does not describe the product, says F200W.
    'FILTER of the primary differs from the name while another extension agrees',
    IMAGE,
    (h) => {
      primary(h).push(card('FILTER', 'F444W', 'filter'));
      setCard(data(h), 'FILTER', null);
      setCard(h[2]!.cards, 'FILTER', null);
    },
    ['hlsp/name-header-match'],
  ],
  [
    'FILTER differs from the name',
    IMAGE,
    (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'FILTER', card('FILTER', 'F444W'));
    },
    ['hlsp/name-header-match'],
  ],
];
