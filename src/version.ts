import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;

/** Rule documentation, pinned to this version so links keep pointing at the text that matched the code. */
export const DOCS_BASE = `https://github.com/hlsp-validate/hlsp-validate/blob/v${VERSION}/docs/rules.md`;

/** The docs anchor for a rule id, as generated into docs/rules.md (`fits/end-card` → `#fitsend-card`). */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}#${ruleId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}
