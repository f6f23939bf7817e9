import type { Row } from './envelope.js';

/** Values MAST uses for "no element here". */
const NOT_AN_ELEMENT = new Set(['', 'N/A', 'NA', 'NONE', 'NULL', 'ANY', 'UNKNOWN']);

function words(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .toUpperCase()
    .split(/[;,]/)
    .map((word) => word.trim())
    .filter((word) => !NOT_AN_ELEMENT.has(word));
}

/**
 * The optical elements of a JWST Mission Search record, upper case: filter, pupil, grating and
 * `opticalElements` as given, and for MIRI MRS the channel and band as the product names them,
 * e.g. channel '3' and band 'LONG' give CH3-LONG (channel '34' gives CH3-LONG and CH4-LONG).
 */
export function missionOpticalElements(row: Row): string[] {
  const elements = [
    ...words(row.opticalElements),
    ...words(row.filter),
    ...words(row.pupil),
    ...words(row.grating),
  ];
  const channels = words(row.channel).flatMap((channel) => channel.replace(/^CH/, '').match(/[1-4]/g) ?? []);
  const bands = words(row.band).filter((band) => /^(SHORT|MEDIUM|LONG)$/.test(band));
  for (const channel of channels) for (const band of bands) elements.push(`CH${channel}-${band}`);
  return [...new Set(elements)];
}
