/** Reads ASDF bytes with the reader and runs ASDF rules on them, for the rule tests. */
import { type AsdfCaps, DEFAULT_ASDF_CAPS, readAsdf } from '../../src/readers/asdf.js';
import { type ContentLimits, DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import type { ContentRule, ReadContent } from '../../src/types.js';
import { contentContext, scratchFile } from './content.js';
import type { RuleFinding } from './rule-harness.js';

export const ASDF_NAME = 'hlsp_test_jwst_nircam_field_f200w_v1_model.asdf';

export async function readAsdfBytes(
  bytes: Buffer,
  options: { limits?: Partial<ContentLimits>; caps?: Partial<AsdfCaps>; gzip?: boolean } = {},
): Promise<ReadContent> {
  // Written as given: a gzip source is gzip bytes already (possibly cut short).
  const path = scratchFile(ASDF_NAME, bytes);
  return readAsdf(
    { path, size: bytes.length, gzip: options.gzip === true },
    { ...DEFAULT_CONTENT_LIMITS, ...options.limits },
    { ...DEFAULT_ASDF_CAPS, ...options.caps },
  );
}

/** The findings of `rules` on the file, each with its rule id and effective severity. */
export async function runAsdfRules(
  rules: ContentRule[],
  bytes: Buffer,
  options: { caps?: Partial<AsdfCaps>; profiles?: string[] } = {},
): Promise<RuleFinding[]> {
  const content = await readAsdfBytes(bytes, options);
  const context = contentContext(ASDF_NAME, 'asdf', content, options.profiles);
  const findings: RuleFinding[] = [];
  for (const rule of rules)
    rule.check(context, (finding) =>
      findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
    );
  return findings;
}
