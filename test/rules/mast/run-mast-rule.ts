/** Builds a MastContext by hand and runs one mast/* rule on it, for the per-rule tests here. */
import type { Row } from '../../../src/mast/client.js';
import { parseSourceId, type SourceId } from '../../../src/mast/provenance.js';
import type { FileRecord, FindingInput, MastContext, MastRule, Severity } from '../../../src/types.js';
import { recordedRows } from '../../support/fake-mast.js';

export type MastFinding = FindingInput & { ruleId: string; severity: Severity };

/** 2026-11-01, the demo's delivery date, as an MJD. */
export const NOW_MJD = 61345;

/** A recorded CAOM row (fixtures/mast-recorded) by obs_id, with some columns changed. */
export function caomRow(obsId: string, changes: Row = {}): Row {
  const row = recordedRows().find((r) => r.obs_id === obsId);
  if (!row) throw new Error(`no recorded row ${obsId}`);
  return { ...row, ...changes };
}

export interface ProductSpec {
  /** Header values of the product (FileRecord.header). */
  header?: FileRecord['header'];
  /** Other fields of the product's record (its footprint, for one). */
  product?: Partial<FileRecord>;
  /** Source ids as written in FILEIDnn. */
  provenance?: string[];
  /** The CAOM rows MAST returned (by default, none). */
  rows?: Row[];
  /** Pipeline versions by lower-case fileSetName. */
  calibrations?: Record<string, string[]>;
  /** Optical elements from the JWST Mission Search, by lower-case fileSetName. */
  opticalElements?: Record<string, string[]>;
  program?: { id: string; known: boolean };
  nowMjd?: number;
}

export function mastContext(spec: ProductSpec): MastContext {
  const provenance = spec.provenance ?? [];
  const product: FileRecord = {
    path: 'images/hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_i2d.fits',
    kind: 'fits',
    size: 2880 * 4,
    sha256: null,
    header: spec.header ?? {},
    provenance,
    ...spec.product,
  };
  const sources = provenance.map((id) => parseSourceId(id)).filter((s): s is SourceId => s !== undefined);
  const observations = new Map<string, Row>();
  for (const row of spec.rows ?? []) observations.set(String(row.obs_id).toLowerCase(), row);
  return {
    product,
    sources,
    observations,
    calibrations: new Map(Object.entries(spec.calibrations ?? {})),
    opticalElements: new Map(Object.entries(spec.opticalElements ?? {})),
    ...(spec.program ? { program: spec.program } : {}),
    nowMjd: spec.nowMjd ?? NOW_MJD,
  };
}

/** The rule's findings, each with its rule id and final severity (the finding's own, else the rule's). */
export function runMastRule(rule: MastRule, spec: ProductSpec): MastFinding[] {
  const findings: MastFinding[] = [];
  rule.check(mastContext(spec), (finding) =>
    findings.push({ ...finding, ruleId: rule.meta.id, severity: finding.severity ?? rule.meta.severity }),
  );
  return findings;
}
