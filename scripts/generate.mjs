// Writes the files generated from rule metadata: schemas/config.schema.json, docs/rules.md and
// docs/rules/<group>/<name>.md (one page per rule, keeping its hand-written notes).
// Run `npm run build` first (npm run generate does).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PAGE_NOTES, rulePage, rulesMarkdown, rulesReadmeSection } from '../dist/cli/rules.js';
import { configSchema } from '../dist/config/schema.js';
import { allRuleMeta } from '../dist/rules/index.js';

const root = new URL('../', import.meta.url);
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(
  new URL('schemas/config.schema.json', root),
  `${JSON.stringify(configSchema(allRuleMeta), null, 2)}\n`,
);
writeFileSync(new URL('docs/rules.md', root), rulesMarkdown(allRuleMeta));
// One page per rule; the hand-written notes below PAGE_NOTES survive a regeneration.
for (const rule of allRuleMeta) {
  const page = new URL(`docs/rules/${rule.id}.md`, root);
  mkdirSync(new URL('.', page), { recursive: true });
  const old = existsSync(page) ? readFileSync(page, 'utf8') : '';
  const at = old.indexOf(PAGE_NOTES);
  writeFileSync(page, rulePage(rule, at < 0 ? '' : old.slice(at + PAGE_NOTES.length)));
}
const readme = new URL('README.md', root);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- rules:start');
const end = text.indexOf('<!-- rules:end -->') + '<!-- rules:end -->'.length;
if (start >= 0 && end > start)
  writeFileSync(readme, text.slice(0, start) + rulesReadmeSection(allRuleMeta) + text.slice(end));
console.log(
  `generated schemas/config.schema.json docs/rules.md and the rule pages for ${allRuleMeta.length} rules`,
);
