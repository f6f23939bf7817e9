/** Runs rules directly on in-memory inputs, without the engine, for unit tests of single rules. */
import { parseFitsBytes } from '../../src/fits/parser.js';
import type { FitsFile } from '../../src/fits/types.js';
import { parseName } from '../../src/naming/parse.js';
import type { FindingInput, FitsContext, FitsRule, ProjectSettings } from '../../src/types.js';

export type RuleFinding = FindingInput & { ruleId: string };

export function fitsContext(
  bytes: Uint8Array | FitsFile,
  options: { name?: string; settings?: ProjectSettings; profiles?: string[] } = {},
): FitsContext {
  const fits: FitsFile =
    bytes instanceof Uint8Array ? { ...parseFitsBytes(bytes), compressed: false } : bytes;
  const name = options.name ?? 'hlsp_test_jwst_nircam_field_f200w_v1_img.fits';
  return {
    path: name,
    name,
    parsed: parseName(name),
    fits,
    settings: options.settings ?? { project: 'test' },
    profiles: options.profiles ?? [],
  };
}

export function runFitsRules(
  input: Uint8Array | FitsContext,
  rules: FitsRule[],
  options: Parameters<typeof fitsContext>[1] = {},
): RuleFinding[] {
  const context = input instanceof Uint8Array ? fitsContext(input, options) : input;
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    rule.check(context, (finding) =>
      findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
    );
  }
  return findings;
}

/** Just the rule ids found, sorted, for compact assertions. */
export function ruleIds(findings: RuleFinding[]): string[] {
  return findings.map((f) => f.ruleId).sort();
}
