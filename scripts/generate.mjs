// Writes the files generated from rule metadata: schemas/config.schema.json and docs/rules.md.
// Run `npm run build` first (npm run generate does).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdown, rulesReadmeSection } from '../dist/cli/rules.js';
import { configSchema } from '../dist/config/schema.js';
import { allRuleMeta } from '../dist/rules/index.js';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(
  new URL('schemas/config.schema.json', root),
  `${JSON.stringify(configSchema(allRuleMeta), null, 2)}\n`,
);
writeFileSync(new URL('docs/rules.md', root), rulesMarkdown(allRuleMeta));
const readme = new URL('README.md', root);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- rules:start');
const end = text.indexOf('<!-- rules:end -->') + '<!-- rules:end -->'.length;
if (start >= 0 && end > start)
  writeFileSync(readme, text.slice(0, start) + rulesReadmeSection(allRuleMeta) + text.slice(end));
console.log(`generated schemas/config.schema.json and docs/rules.md for ${allRuleMeta.length} rules`);
