/** The README's "Project layout" and docs/architecture.md describe the tree as it is. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const folders = readdirSync(join(REPO, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('the documented layout', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const layout = readme.slice(readme.indexOf('## Project layout'));
  const architecture = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8');

  it.each(folders)('src/%s/ is in the README and in docs/architecture.md', (folder) => {
    expect(layout).toContain(`src/${folder}/`);
    expect(architecture).toContain(`**\`${folder}/\`**`);
  });

  it('names no folder that does not exist', () => {
    const named = [...architecture.matchAll(/^\*\*`([a-z]+)\/`\*\*/gm)].map((match) => match[1]);
    for (const folder of named)
      expect(folders, `docs/architecture.md names src/${folder}/`).toContain(folder);
    const inReadme = [...layout.matchAll(/`src\/([a-z]+)\//g)].map((match) => match[1]);
    for (const folder of inReadme) expect(folders, `README names src/${folder}/`).toContain(folder);
  });
});
