import type { FitsRule } from '../../../types.js';
import { profileFindings } from './profiles.js';

export function profileRule(
  id: string,
  description: string,
  severity: FitsRule['meta']['severity'],
  rationale: string,
): FitsRule {
  return {
    meta: {
      id,
      description,
      severity,
      scope: 'fits',
      rationale,
      source: 'MAST HLSP Contributor Guide metadata pages; schemas/keywords/*.json',
    },
    check(context, report) {
      for (const { ruleId, ...finding } of profileFindings(context)) if (ruleId === id) report(finding);
    },
  };
}
