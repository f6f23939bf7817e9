import { readFileSync } from 'node:fs';
import { packagePath } from './paths.js';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;

/** Rule documentation, pinned to this version so links keep pointing at the text that matched the code. */
export const DOCS_BASE = `https://github.com/hlsp-validate/hlsp-validate/blob/v${VERSION}/docs/rules/`;

/** A rule's page (`fits/end-card` → docs/rules/fits/end-card.md); the rules index for ''. */
export function ruleDocsUrl(ruleId: string): string {
  return ruleId === '' ? DOCS_BASE : `${DOCS_BASE}${ruleId}.md`;
}
