import type { RuleMeta } from '../types.js';
import { ruleDocsUrl } from '../version.js';
import type { FormatterContext } from './types.js';

/** What a formatter needs besides the report: colour, and the description and docs link of each rule. */
export function formatterContext(color: boolean, ruleMeta: RuleMeta[]): FormatterContext {
  const rules: FormatterContext['rules'] = {};
  for (const meta of ruleMeta) {
    rules[meta.id] = {
      description: meta.description,
      severity: meta.severity,
      docsUrl: ruleDocsUrl(meta.id),
    };
  }
  return { color, docsBase: ruleDocsUrl(''), rules };
}
