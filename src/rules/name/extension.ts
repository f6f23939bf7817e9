import { isHlspName } from '../../naming/fields.js';
import { isKnownExtension, knownExtensions } from '../../naming/vocabulary.js';
import type { NameRule } from '../../types.js';
import { mean } from './support/hints.js';

export const extension: NameRule = {
  meta: {
    id: 'name/extension',
    description:
      'The extension is a standard file type MAST accepts (fits, fits.gz, csv, ecsv, txt, md, png, …).',
    severity: 'warning',
    scope: 'name',
    source: 'mast_contributor_tools fc_config.yaml ExtensionTypes',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.extension === '') return;
    const ext = parsed.extension.toLowerCase();
    if (isKnownExtension(ext)) return;
    const hint = mean(ext, knownExtensions());
    report({
      message: `the extension '.${ext}' is not a file type MAST lists`,
      hint: hint ?? 'use a standard, non-proprietary format (fits, csv, ecsv, txt)',
    });
  },
};
