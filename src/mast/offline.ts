import type { MastStats } from '../report/types.js';
import type { FileRecord, FindingInput, MastRule, NotChecked } from '../types.js';
import { parseProgram, parseSourceId } from './provenance.js';

export interface MastPassOutput {
  findings: (FindingInput & { ruleId: string; path: string })[];
  notChecked: NotChecked[];
  stats: MastStats;
}

/**
 * The distinct source ids and programs the collection claims, for an offline run's report: counted
 * as the files are walked once, without the per-product lists and pipeline datasets a lookup needs.
 */
function claimedIdCount(records: FileRecord[]): number {
  const obsIds = new Set<string>();
  const programs = new Set<string>();
  for (const record of records) {
    if (record.kind !== 'fits' && record.kind !== 'fits.gz') continue;
    let claimsSources = false;
    for (const text of record.provenance) {
      const parsed = parseSourceId(text);
      if (!parsed) continue;
      obsIds.add(parsed.obsId);
      claimsSources = true;
    }
    const telescope = String(record.header.TELESCOP ?? '')
      .trim()
      .toUpperCase();
    const program = telescope === 'JWST' || claimsSources ? parseProgram(record.header.PROPOSID) : undefined;
    if (program) programs.add(program);
  }
  return obsIds.size + programs.size;
}

export function notCheckedAll(rules: MastRule[], reason: string): NotChecked[] {
  return rules.map((rule) => ({ ruleId: rule.meta.id, reason }));
}

/**
 * An offline run's MAST pass: MAST is not asked, so its rules are "not checked" wherever a product
 * claims something to look up. Kept apart from the lookups so that such a run loads no client.
 */
export function offlineMastPass(records: FileRecord[], rules: MastRule[]): MastPassOutput {
  const ids = claimedIdCount(records);
  const stats: MastStats = { mode: 'offline', requests: 0, cacheHits: 0, ids };
  if (ids === 0) return { findings: [], notChecked: [], stats };
  return { findings: [], notChecked: notCheckedAll(rules, '--mast offline: MAST was not asked'), stats };
}
