import type { Row } from '../../mast/client.js';
import type { SourceId } from '../../mast/provenance.js';
import type { FileRecord, ReportFn, RuleMeta } from '../types.js';

/** One product and what MAST said about the observations it claims to come from. */
export interface MastContext {
  product: FileRecord;
  sources: SourceId[];
  /** CAOM rows by lower-case obs_id, for the ids MAST knows. */
  observations: Map<string, Row>;
  /** Pipeline versions (cal_ver) of the source datasets, by lower-case fileSetName (JWST Mission Search). */
  calibrations: Map<string, string[]>;
  /** The product's PROPOSID as an unpadded JWST program, and whether MAST has JWST data for it. */
  program?: { id: string; known: boolean };
  /** Now, as an MJD. */
  nowMjd: number;
}

export interface MastRule {
  meta: RuleMeta;
  check(context: MastContext, report: ReportFn): void;
}

/** The rows of the sources MAST knows. */
export function knownRows(context: MastContext): { source: SourceId; row: Row }[] {
  const out: { source: SourceId; row: Row }[] = [];
  for (const source of context.sources) {
    const row = context.observations.get(source.obsId);
    if (row) out.push({ source, row });
  }
  return out;
}

export function numeric(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}

export function mjdToDate(mjd: number): string {
  return new Date((mjd - 40587) * 86_400_000).toISOString().slice(0, 10);
}
