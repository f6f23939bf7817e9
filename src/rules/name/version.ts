import { isHlspName, isReadme, looksLikeVersion, VERSION_PATTERN } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';
import { repairedVersion, suggestName } from './support/suggest.js';

function suggestion(version: string): string {
  const digits = version.toLowerCase().replace(/^v?/, '').replace(/[-_]/g, '.');
  const candidate = `v${digits}`;
  return VERSION_PATTERN.test(candidate)
    ? `write ${candidate} (or ${candidate.replace(/\./g, 'p')})`
    : 'write it as v1, v1.1 or v1p1';
}

export const version: NameRule = {
  meta: {
    id: 'name/version',
    description:
      "The version field looks like v1, v1.1, v1.1.2 or v1p1 (no hyphens, lower-case 'v'); README names need none.",
    severity: 'error',
    scope: 'name',
    rationale: 'MAST requires a version in every product name and a new version whenever a file is replaced.',
    source: 'mast_contributor_tools version regex ^v[0-9]{0,2}([.p][0-9]{0,2}){0,2}[0-9]$',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length < 4) return;
    // README names need no version; one that looks like a version must be a valid one.
    if (isReadme(parsed) && (parsed.parts.length < 5 || !looksLikeVersion(parsed.fields.version))) return;
    const value = parsed.fields.version ?? '';
    if (!VERSION_PATTERN.test(value)) {
      // The whole repaired name too, when the name has other defects a version alone does not fix.
      const suggested = suggestName(context.name, context.settings);
      const versionOnly = parsed.parts
        .map((part) => (part === value ? repairedVersion(value) : part))
        .join('_');
      const withName = (hint: string) =>
        suggested && suggested !== versionOnly ? `${hint}; rename it to '${suggested}'` : hint;
      report({
        message: `the version field '${value}' is not a valid version`,
        hint: withName(value.includes('-') ? `${suggestion(value)}, not ${value}` : suggestion(value)),
      });
    }
  },
};
