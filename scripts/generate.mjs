// Writes the files generated from rule metadata: schemas/config.schema.json and docs/rules.md.
// Run `npm run build` first (npm run generate does).
import { mkdirSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../dist/cli/rules.js';
import { configSchema } from '../dist/config/schema.js';
import { allRuleMeta } from '../dist/rules/index.js';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(
  new URL('schemas/config.schema.json', root),
  `${JSON.stringify(configSchema(allRuleMeta), null, 2)}\n`,
);
writeFileSync(new URL('docs/rules.md', root), rulesMarkdown(allRuleMeta));
console.log(`generated schemas/config.schema.json and docs/rules.md for ${allRuleMeta.length} rules`);
