/**
 * The columns asked of MAST, by name: `*` would make every answer as wide as MAST's table is that
 * day, and a column MAST drops would go unnoticed. Each list holds what the mast/ rules read.
 */
import type { Row } from './envelope.js';

/** CAOM observation columns (Mast.Caom.Filtered) read by the mast/ rules. */
export const CAOM_COLUMNS = [
  'obs_id',
  'proposal_id',
  'instrument_name',
  'filters',
  'target_name',
  's_ra',
  's_dec',
  's_region',
  't_min',
  't_max',
  't_obs_release',
  'dataRights',
  'intentType',
  'calib_level',
  'mtFlag',
] as const;

/**
 * JWST Mission Search columns of a dataset: the pipeline version, and the optical element for
 * observations whose CAOM row has none (MIRI MRS gives `filters: null` there but channel and band here).
 */
export const MISSION_COLUMNS = [
  'fileSetName',
  'cal_ver',
  'opticalElements',
  'filter',
  'pupil',
  'grating',
  'channel',
  'band',
] as const;

/** The asked-for columns a row does not carry at all (null is an answer; a missing key is not). */
export function missingColumns(row: Row, columns: readonly string[]): string[] {
  return columns.filter((column) => !Object.hasOwn(row, column));
}
