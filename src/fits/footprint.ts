/**
 * The sky footprint of an image: its celestial WCS evaluated at the four outer pixel corners.
 * Only the gnomonic projection (TAN, also TAN-SIP and TPV without their distortion terms, which
 * move corners by a few pixels at most) is evaluated; other projections are named, not guessed.
 */
import { plainValue } from './card.js';
import type { Hdu } from './types.js';

export type Footprint = { hdu: number; corners: [number, number][] } | { hdu: number; unsupported: string };

const RAD = Math.PI / 180;
const GNOMONIC = /^-TAN(-SIP)?$|^-TPV$/;

function numberOf(hdu: Hdu, keyword: string): number | undefined {
  const value = plainValue(hdu.keywords.get(keyword)?.value);
  const number = typeof value === 'bigint' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function textOf(hdu: Hdu, keyword: string): string {
  const value = plainValue(hdu.keywords.get(keyword)?.value);
  return typeof value === 'string' ? value.trim().toUpperCase() : '';
}

/** The footprint of the first image HDU with a celestial WCS, or undefined when none has one. */
export function skyFootprint(hdus: readonly Hdu[]): Footprint | undefined {
  for (const hdu of hdus) {
    if (hdu.kind !== 'primary' && hdu.kind !== 'image') continue;
    const axes = numberOf(hdu, 'NAXIS') ?? 0;
    if (axes < 2 || axes > 999) continue;
    let lon = 0;
    let lat = 0;
    for (let axis = 1; axis <= axes; axis++) {
      const type = textOf(hdu, `CTYPE${axis}`);
      if (/^(RA--|GLON|ELON)/.test(type)) lon = axis;
      else if (/^(DEC-|GLAT|ELAT)/.test(type)) lat = axis;
    }
    if (lon === 0 || lat === 0) continue;
    return footprintOf(hdu, lon, lat);
  }
  return undefined;
}

function footprintOf(hdu: Hdu, lon: number, lat: number): Footprint {
  const unsupported = (why: string): Footprint => ({ hdu: hdu.index, unsupported: why });
  const lonType = textOf(hdu, `CTYPE${lon}`);
  const latType = textOf(hdu, `CTYPE${lat}`);
  if (!lonType.startsWith('RA--') || !latType.startsWith('DEC-'))
    return unsupported(`the image is in ${lonType}/${latType} coordinates, not RA/Dec`);
  const projection = lonType.slice(4);
  if (!GNOMONIC.test(projection) || latType.slice(4) !== projection)
    return unsupported(
      `the ${projection.replace(/^-+/, '') || 'linear'} projection is not evaluated (only TAN)`,
    );
  const frame = textOf(hdu, 'RADESYS') || textOf(hdu, 'RADECSYS');
  if (frame !== '' && frame !== 'ICRS' && frame !== 'FK5')
    return unsupported(`RADESYS = '${frame}' is not ICRS or FK5`);
  for (const axis of [lon, lat]) {
    const unit = textOf(hdu, `CUNIT${axis}`);
    if (unit !== '' && unit !== 'DEG') return unsupported(`CUNIT${axis} = '${unit}' is not degrees`);
  }
  const lonpole = numberOf(hdu, 'LONPOLE');
  if (lonpole !== undefined && lonpole !== 180) return unsupported(`LONPOLE = ${lonpole} is not evaluated`);
  const width = numberOf(hdu, `NAXIS${lon}`) ?? 0;
  const height = numberOf(hdu, `NAXIS${lat}`) ?? 0;
  if (width < 1 || height < 1) return unsupported('the image has no pixels along RA or Dec');
  const axes = [lon, lat];
  const hasCd = axes.some((i) => axes.some((j) => hdu.keywords.has(`CD${i}_${j}`)));
  const matrix = axes.map((i) =>
    axes.map((j) =>
      hasCd
        ? (numberOf(hdu, `CD${i}_${j}`) ?? 0)
        : (numberOf(hdu, `CDELT${i}`) ?? 1) * (numberOf(hdu, `PC${i}_${j}`) ?? (i === j ? 1 : 0)),
    ),
  );
  const [[a, b], [c, d]] = matrix as [[number, number], [number, number]];
  if (!(Math.abs(a * d - b * c) > 0)) return unsupported('the WCS matrix (CD or PC × CDELT) is singular');
  const crpix = axes.map((axis) => numberOf(hdu, `CRPIX${axis}`) ?? 0) as [number, number];
  const ra0 = (numberOf(hdu, `CRVAL${lon}`) ?? 0) * RAD;
  const dec0 = (numberOf(hdu, `CRVAL${lat}`) ?? 0) * RAD;
  const pixels: [number, number][] = [
    [0.5, 0.5],
    [width + 0.5, 0.5],
    [width + 0.5, height + 0.5],
    [0.5, height + 0.5],
  ];
  const corners = pixels.map(([p, q]): [number, number] => {
    const dp = p - crpix[0];
    const dq = q - crpix[1];
    const xi = (a * dp + b * dq) * RAD;
    const eta = (c * dp + d * dq) * RAD;
    const denominator = Math.cos(dec0) - eta * Math.sin(dec0);
    const ra = ra0 + Math.atan2(xi, denominator);
    const dec = Math.atan2(eta * Math.cos(dec0) + Math.sin(dec0), Math.hypot(xi, denominator));
    return [(((ra / RAD) % 360) + 360) % 360, dec / RAD];
  });
  if (corners.some(([ra, dec]) => !Number.isFinite(ra) || !Number.isFinite(dec)))
    return unsupported('the WCS gives no sky position at the image corners');
  return { hdu: hdu.index, corners };
}
