import { namesReport } from '../api/check.js';
import { loadRuleSet, pluginUrl } from '../api/rule-set.js';
import type { Report } from '../report/types.js';
import { ruleMetaOf } from '../rules/index.js';
import type { RuleSet } from '../types.js';
import { emit, outputTargets, UsageError, useColor } from './common.js';

export interface NamesOptions {
  project?: string;
  format: string[];
  output?: string;
  color?: boolean;
  plugin?: string[];
}

async function namesWithRules(
  names: string[],
  options: NamesOptions,
): Promise<{ report: Report; rules: RuleSet }> {
  const rules = await loadRuleSet((options.plugin ?? []).map((specifier) => pluginUrl(specifier)));
  return { report: namesReport(names, options.project, rules), rules };
}

export async function namesCommand(names: string[], options: NamesOptions): Promise<number> {
  if (names.length === 0) throw new UsageError('give at least one file name to check');
  if (!options.project)
    process.stderr.write('hlsp-validate: no --project given; the proj-id field is checked for form only\n');
  const { report, rules } = await namesWithRules(names, options);
  await emit(
    report,
    outputTargets(options.format, options.output),
    useColor(options.color),
    ruleMetaOf(rules),
  );
  return report.summary.errors > 0 ? 1 : 0;
}
