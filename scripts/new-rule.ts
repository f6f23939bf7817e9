/**
 * `npm run new-rule <group>/<name>`: scaffolds a rule where the layout test expects it:
 *   src/rules/<group>/<name>.ts         the rule, with its metadata and an empty check
 *   test/rules/<group>/<name>.test.ts   a failing and a passing case (the failing one fails until
 *                                       the rule is written)
 *   docs/rules/<group>/<name>.md        its page (refreshed by `npm run generate`)
 *   src/rules/index.ts                  the registry entry
 * `--root <dir>` writes into another checkout (the scaffold's own test uses it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rulePage } from '../src/cli/rules.js';
import type { RuleMeta } from '../src/types.js';

const SCOPE: Record<string, RuleMeta['scope']> = {
  name: 'name',
  format: 'file',
  ecsv: 'content',
  csv: 'content',
  parquet: 'content',
  asdf: 'content',
  votable: 'content',
  image: 'content',
  fits: 'fits',
  hlsp: 'fits',
  collection: 'collection',
  mast: 'mast',
};
const TYPE: Record<RuleMeta['scope'], string> = {
  name: 'NameRule',
  file: 'FileRule',
  content: 'ContentRule',
  fits: 'FitsRule',
  collection: 'CollectionRule',
  mast: 'MastRule',
};

function fail(message: string): never {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root =
  rootAt >= 0 ? resolve(args.splice(rootAt, 2)[1] ?? fail('--root needs a directory')) : process.cwd();
const id = args[0] ?? fail('usage: npm run new-rule <group>/<name>   (e.g. fits/bunit-present)');
const match = /^([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
if (!match) fail(`'${id}' is not <group>/<name> in lower case with hyphens`);
const [, group, name] = match as unknown as [string, string, string];
const scope = SCOPE[group] ?? fail(`unknown group '${group}'; use one of ${Object.keys(SCOPE).join(', ')}`);
const variable = name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const ruleFile = join(root, 'src/rules', group, `${name}.ts`);
const testFile = join(root, 'test/rules', group, `${name}.test.ts`);
const pageFile = join(root, 'docs/rules', group, `${name}.md`);
const registry = join(root, 'src/rules/index.ts');
for (const file of [ruleFile, testFile, pageFile]) if (existsSync(file)) fail(`${file} already exists`);

const meta: RuleMeta = {
  id,
  description: 'TODO: one sentence, what a correct product looks like.',
  severity: 'error',
  scope,
};

const write = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
};

write(
  ruleFile,
  `import type { ${TYPE[scope]} } from '../../types.js';

export const ${variable}: ${TYPE[scope]} = {
  meta: {
    id: '${id}',
    description: '${meta.description}',
    severity: 'error',
    scope: '${scope}',${scope === 'content' ? `\n    formats: ['${group}'],` : ''}
    rationale: 'TODO: why MAST or the FITS Standard asks for it, and any judgement made.',
    source: 'TODO: the section of the FITS Standard or the MAST page',
  },
  check(context, report) {
    // TODO: report({ message, hint, hdu, keyword, offset }) for each problem found in context.
    void context;
    void report;
  },
};
`,
);

const fixtures: Record<
  RuleMeta['scope'],
  { imports: string; failing: string; passing: string; run: string }
> = {
  fits: {
    imports: `import { fitsFile, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';`,
    failing: 'fitsFile([{ cards: primaryCards() }]) /* TODO: a file with the defect */',
    passing: 'fitsFile([{ cards: primaryCards() }])',
    run: `(bytes: Uint8Array) => runFitsRules(bytes, [${variable}])`,
  },
  name: {
    imports: `import { parseName } from '../../../src/naming/parse.js';
import type { FindingInput } from '../../../src/types.js';`,
    failing: "'hlsp_test_jwst_nircam_field_f200w_v1_img.fits' /* TODO: a name with the defect */",
    passing: "'hlsp_test_jwst_nircam_field_f200w_v1_img.fits'",
    run: `(name: string) => {
  const found: FindingInput[] = [];
  ${variable}.check({ name, path: name, parsed: parseName(name), settings: { project: 'test' } }, (f) => found.push(f));
  return found;
}`,
  },
  collection: {
    imports: "import type { FileRecord, FindingInput } from '../../../src/types.js';",
    failing: '[] as FileRecord[] /* TODO: records with the defect */',
    passing: '[] as FileRecord[]',
    run: `(files: FileRecord[]) => {
  const found: FindingInput[] = [];
  ${variable}.check({ root: '/collection', files, settings: { project: 'test' } }, (f) => found.push(f));
  return found;
}`,
  },
  content: {
    imports:
      "import { parseName } from '../../../src/naming/parse.js';\nimport type { FindingInput, ReadContent } from '../../../src/types.js';",
    failing: '{ problems: [] } /* TODO: what the reader gives for a file with the defect */',
    passing: '{ problems: [] }',
    run: `(content: ReadContent) => {
  const found: FindingInput[] = [];
  const name = 'hlsp_test_jwst_nircam_field_f200w_v1_cat.${group}';
  const context = { path: name, name, parsed: parseName(name), format: '${group}', content, settings: {}, profiles: [] };
  ${variable}.check(context, (f) => found.push(f));
  return found;
}`,
  },
  file: {
    imports:
      "import { compareFormat } from '../../../src/formats/compare.js';\nimport { sniffFormat } from '../../../src/formats/sniff.js';\nimport type { FindingInput } from '../../../src/types.js';",
    failing: "'x.fits' /* TODO: a name and bytes with the defect */",
    passing: "'x.fits'",
    run: `(name: string, bytes = Buffer.from('SIMPLE  =                    T')) => {
  const found: FindingInput[] = [];
  const format = compareFormat(name, sniffFormat(bytes, bytes.subarray(-8), bytes.length));
  const context = { path: name, name, kind: 'other' as const, format, contentFormat: format.found.format, checked: true, settings: {} };
  ${variable}.check(context, (f) => found.push(f));
  return found;
}`,
  },
  mast: {
    imports: "import type { FindingInput, MastContext } from '../../../src/types.js';",
    failing: '{} as MastContext /* TODO: a product and MAST rows with the defect */',
    passing: '{} as MastContext',
    run: `(context: MastContext) => {
  const found: FindingInput[] = [];
  ${variable}.check(context, (f) => found.push(f));
  return found;
}`,
  },
};
const fixture = fixtures[scope];
write(
  testFile,
  `import { describe, expect, it } from 'vitest';
import { ${variable} } from '../../../src/rules/${group}/${name}.js';
${fixture.imports}

const run = ${fixture.run};

describe('${id}', () => {
  it('reports the defect', () => {
    const findings = run(${fixture.failing});
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/TODO/);
  });

  it('passes a correct product', () => {
    expect(run(${fixture.passing})).toEqual([]);
  });
});
`,
);

write(pageFile, rulePage(meta));

// The registry: an import, and the rule at the end of its set.
const set = scope;
let source = readFileSync(registry, 'utf8');
source = `import { ${variable} } from './${group}/${name}.js';\n${source}`;
const start = source.indexOf(`\n  ${set}: [`);
if (start < 0) fail(`cannot find the '${set}' set in ${registry}`);
const end = source.indexOf(']', start);
source = `${source.slice(0, end).replace(/,?\s*$/, '')}, ${variable}]${source.slice(end + 1)}`;
writeFileSync(registry, source);
process.stdout.write(`registered ${id} in ${registry}\n`);
try {
  execFileSync('npx', ['biome', 'check', '--write', registry, ruleFile, testFile], {
    cwd: root,
    stdio: 'ignore',
  });
} catch {
  // Formatting is a courtesy; `npm run lint` will say what is left.
}
process.stdout.write(
  `next: write the check and the failing fixture, then \`npm run generate\` for the page\n`,
);
