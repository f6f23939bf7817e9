import type { ContentContext, ContentRule, RuleMeta, Severity } from '../../../types.js';

/** The collection's own files, judged by the collection rules (the names of src/discover/discover.ts). */
const MANIFEST = /^hlsp_[^_]+_manifest\.csv$/i;
const README = /^hlsp_[^_]+_readme\.[a-z0-9.]+$/i;

/** Whether the file is a data table: read as one, and not the collection's README or manifest. */
export function isDataTable(context: ContentContext): boolean {
  if (context.content.details?.table !== true) return false;
  return !MANIFEST.test(context.name) && !README.test(context.name);
}

/**
 * A content rule of plain text tables that reports the reader's problems of the given codes, one
 * finding each. `everyFile`: also for the README, the manifest and prose (decoding concerns every
 * text file); otherwise only for data tables.
 */
export function tableProblemRule(
  meta: Omit<RuleMeta, 'scope' | 'formats'>,
  codes: readonly string[],
  options: { everyFile?: boolean; severities?: Readonly<Record<string, Severity>> } = {},
): ContentRule {
  const wanted = new Set(codes);
  return {
    meta: { ...meta, scope: 'content', formats: ['text'] },
    check(context, report) {
      if (!options.everyFile && !isDataTable(context)) return;
      for (const problem of context.content.problems) {
        if (!wanted.has(problem.code)) continue;
        const severity = options.severities?.[problem.code];
        report({
          message: problem.message,
          ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
          ...(severity !== undefined ? { severity } : {}),
          ...(problem.offset !== undefined ? { offset: problem.offset } : {}),
        });
      }
    },
  };
}
