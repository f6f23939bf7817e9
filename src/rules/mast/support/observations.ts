import type { Row } from '../../../mast/client.js';
import type { SourceId } from '../../../mast/provenance.js';
import type { MastContext } from '../../../types.js';

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
