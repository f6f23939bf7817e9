import type { FindingInput, NameRule, ProjectSettings } from '../types.js';
import { characters } from './characters.js';
import { fieldCount } from './field-count.js';
import { fieldLength } from './field-length.js';
import { hlspPrefix } from './hlsp-prefix.js';
import { parseName } from './parse.js';
import { projectId } from './project-id.js';
import { target } from './target.js';
import { totalLength } from './total-length.js';
import { version } from './version.js';
import { extension, instrument, observatory, opticalElement, productType } from './vocabulary-rules.js';

export const nameRules: NameRule[] = [
  hlspPrefix,
  fieldCount,
  characters,
  fieldLength,
  totalLength,
  projectId,
  version,
  target,
  observatory,
  instrument,
  opticalElement,
  productType,
  extension,
];

export type NameVerdict = 'PASS' | 'NEEDS REVIEW' | 'FAIL';

/** Checks one bare name; the verdict is the worst finding, as in MAST's checker. */
export function checkName(
  name: string,
  settings: ProjectSettings,
): { verdict: NameVerdict; findings: (FindingInput & { ruleId: string })[] } {
  const findings: (FindingInput & { ruleId: string })[] = [];
  const context = { name, path: name, parsed: parseName(name), settings };
  for (const rule of nameRules) {
    rule.check(context, (finding) =>
      findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
    );
  }
  const verdict: NameVerdict = findings.some((f) => f.severity === 'error')
    ? 'FAIL'
    : findings.some((f) => f.severity === 'warning')
      ? 'NEEDS REVIEW'
      : 'PASS';
  return { verdict, findings };
}
