/** Runs one name rule on one file name, without the engine, for the per-rule tests in this folder. */
import { parseName } from '../../../src/naming/parse.js';
import type { FindingInput, NameContext, NameRule, ProjectSettings, Severity } from '../../../src/types.js';

export type NameFinding = FindingInput & { ruleId: string; severity: Severity };

export function nameContext(name: string, settings: ProjectSettings = { project: 'ceers' }): NameContext {
  return { name, path: name, parsed: parseName(name), settings };
}

/** The rule's findings, each with its rule id and final severity (the finding's own, else the rule's). */
export function runNameRule(
  rule: NameRule,
  name: string,
  settings: ProjectSettings = { project: 'ceers' },
): NameFinding[] {
  const findings: NameFinding[] = [];
  rule.check(nameContext(name, settings), (finding) =>
    findings.push({ ...finding, ruleId: rule.meta.id, severity: finding.severity ?? rule.meta.severity }),
  );
  return findings;
}

/** A full 8-part HLSP name of project ceers with one field replaced. */
export function ceersName(
  fields: Partial<
    Record<'observatory' | 'instrument' | 'target' | 'optElem' | 'version' | 'type', string>
  > = {},
  extension = 'fits',
): string {
  const f = {
    observatory: 'jwst',
    instrument: 'nircam',
    target: 'egs',
    optElem: 'f200w',
    version: 'v1',
    type: 'i2d',
    ...fields,
  };
  return `hlsp_ceers_${f.observatory}_${f.instrument}_${f.target}_${f.optElem}_${f.version}_${f.type}.${extension}`;
}
