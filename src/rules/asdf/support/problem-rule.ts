import type { ContentRule, RuleMeta, Severity } from '../../../types.js';
import { problemRule } from '../../ecsv/support/problem-rule.js';

/**
 * A content rule that reports the ASDF reader's problems of the given codes, one finding each (the
 * reader already reports a defect once, where it starts). `severities` overrides the rule's
 * severity for some codes.
 */
export function asdfProblemRule(
  meta: Omit<RuleMeta, 'scope' | 'formats'>,
  codes: readonly string[],
  severities: Readonly<Record<string, Severity>> = {},
): ContentRule {
  return problemRule({ ...meta, formats: ['asdf'] }, codes, severities);
}
