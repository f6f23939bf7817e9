import { fieldPhrase, isHlspName, labelledFields } from '../../naming/fields.js';
import type { NameContext, NameRule } from '../../types.js';
import { suggestName } from './support/suggest.js';

/** What each field may contain besides lower-case letters and digits. */
const ALLOWED: Record<string, RegExp> = {
  target: /^[a-z0-9+.-]+$/,
  version: /^[a-z0-9.]+$/,
  extension: /^[a-z0-9.]+$/,
};
const DEFAULT = /^[a-z0-9-]+$/;
/** One name that repairs every defect: the lower-case name alone may still be wrong. */
function rename(context: NameContext, fallback: string): string {
  const suggested = suggestName(context.name, context.settings);
  return suggested ? `rename it to '${suggested}'` : fallback;
}
const DESCRIBE: Record<string, string> = {
  target: "lower-case letters, digits, '-', '.' and '+'",
  version: "lower-case letters, digits and '.'",
  extension: "lower-case letters, digits and '.'",
};

export const characters: NameRule = {
  meta: {
    id: 'name/characters',
    description:
      "Names use lower-case ASCII letters and digits only, with '_' between fields, '-' between elements, '.' only in target, version and extension, '+' only in target.",
    severity: 'error',
    scope: 'name',
    rationale:
      'Upper case, spaces and other punctuation break MAST ingest and are the most common naming mistake.',
    source: 'MAST HLSP Contributor Guide, "File Naming Convention"',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed)) return;
    if (context.name !== context.name.toLowerCase()) {
      report({
        message: `'${context.name}' has upper-case letters`,
        hint: rename(context, 'use lower-case letters only'),
      });
    }
    for (const { label, value } of labelledFields(parsed)) {
      // The version rule explains a bad version better than a character list can.
      if (label === 'version') continue;
      const lower = value.toLowerCase();
      if (value === '') {
        report({
          message: `${fieldPhrase(label)} is empty (two '_' in a row, or a trailing '_')`,
          hint: rename(context, "remove the extra '_'"),
        });
        continue;
      }
      const allowed = ALLOWED[label] ?? DEFAULT;
      if (!allowed.test(lower)) {
        const bad = [...new Set([...lower].filter((ch) => !allowed.test(ch)))]
          .map((ch) => JSON.stringify(ch))
          .join(' ');
        report({
          message: `${fieldPhrase(label)} '${value}' contains ${bad}; it may contain only ${DESCRIBE[label] ?? "lower-case letters, digits and '-'"}`,
          hint: rename(context, "join several elements of one field with '-'"),
        });
      } else if (/^-|-$|--/.test(lower)) {
        report({
          message: `${fieldPhrase(label)} '${value}' has a '-' at its start or end, or two in a row`,
          hint: rename(context, "use '-' only between elements"),
        });
      }
    }
  },
};
