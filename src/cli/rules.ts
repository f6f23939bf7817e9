import { allRuleMeta } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';
import { ruleDocsUrl } from '../version.js';
import { UsageError } from './common.js';

const SCOPE_TITLES: Record<RuleMeta['scope'], string> = {
  name: 'File names',
  fits: 'FITS files and header metadata',
  collection: 'The collection as a whole',
  mast: 'MAST cross-reference (JWST)',
};

function escapeTableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/rules.md, generated from the rule metadata (a test fails when the file drifts). */
export function rulesMarkdown(rules: RuleMeta[] = allRuleMeta): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `npm run generate`; do not edit by hand. -->',
    '',
    'Severities: **error** = MAST FAIL (must fix), **warning** = NEEDS REVIEW (MAST staff will look), **info** = PASS with a note.',
    'Change a severity, or turn a rule off, in `hlsp.config.json` under `"rules"`.',
    '',
    '| Rule | Severity | What it checks |',
    '| --- | --- | --- |',
    ...rules.map(
      (rule) =>
        `| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severity} | ${escapeTableCell(rule.description)} |`,
    ),
    '',
  ];
  for (const scope of Object.keys(SCOPE_TITLES) as RuleMeta['scope'][]) {
    const inScope = rules.filter((rule) => rule.scope === scope);
    if (inScope.length === 0) continue;
    lines.push(`## ${SCOPE_TITLES[scope]}`, '');
    for (const rule of inScope) {
      lines.push(`### ${rule.id}`, '', `Default severity: **${rule.severity}**.`, '', rule.description, '');
      if (rule.rationale) lines.push(rule.rationale, '');
      if (rule.source) lines.push(`Source: ${rule.source}`, '');
    }
  }
  return lines.join('\n');
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

export function rulesCommand(options: { format?: string }): number {
  const format = options.format ?? 'text';
  if (format === 'json') {
    const rules = allRuleMeta.map((rule) => ({ ...rule, docs: ruleDocsUrl(rule.id) }));
    process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
  } else if (format === 'markdown') {
    process.stdout.write(rulesMarkdown());
  } else if (format === 'text') {
    const width = Math.max(...allRuleMeta.map((rule) => rule.id.length));
    for (const rule of allRuleMeta) {
      process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}\n`);
      process.stdout.write(`${''.padEnd(width)}  ${''.padEnd(7)}  ${ruleDocsUrl(rule.id)}\n`);
    }
  } else throw new UsageError(`--format must be text, json or markdown, got '${format}'`);
  return 0;
}
