import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CONFIG_FILE, type Config, validateConfig } from '../config/config.js';
import { allRuleMeta } from '../rules/index.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { UsageError } from './common.js';

export interface InitOptions {
  project?: string;
  lead?: string;
  doi?: string;
  title?: string;
  force?: boolean;
  dir?: string;
  /** Ask for what is missing (default: when standard input is a terminal). */
  ask?: boolean;
}

export const SCHEMA_URL =
  'https://raw.githubusercontent.com/hlsp-validate/hlsp-validate/main/schemas/config.schema.json';

type Answers = Pick<InitOptions, 'project' | 'lead' | 'doi' | 'title'>;

/** Asks on the terminal for what the flags did not give; an empty answer leaves it out. */
async function ask(given: Answers): Promise<Answers> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = async (question: string, value: string | undefined) =>
      value ?? ((await terminal.question(question)).trim() || undefined);
    return {
      project: await answer('HLSP id (proj-id, e.g. ceers): ', given.project),
      title: await answer('Title of the collection (HLSPNAME; Enter to skip): ', given.title),
      lead: await answer('Full name of the HLSP lead (HLSPLEAD; Enter to skip): ', given.lead),
      doi: await answer('DOI, if MAST has assigned one (10.17909/…; Enter to skip): ', given.doi),
    };
  } finally {
    terminal.close();
  }
}

/**
 * `hlsp-validate init`: writes a starter hlsp.config.json from the flags (or answers on a terminal),
 * with no placeholders: what is not given is left out, and what is given must be valid.
 */
export async function initCommand(options: InitOptions): Promise<number> {
  const path = resolve(options.dir ?? '.', CONFIG_FILE);
  if (existsSync(path) && !options.force)
    throw new UsageError(`${path} already exists (use --force to replace it)`);
  const interactive = options.ask ?? (process.stdin.isTTY === true && options.project === undefined);
  const answers = interactive ? await ask(options) : options;
  if (!answers.project)
    throw new UsageError("give the collection's HLSP id: hlsp-validate init --project <id> (e.g. ceers)");
  const starter: Config = {
    $schema: SCHEMA_URL,
    project: answers.project.toLowerCase(),
    ...(answers.title ? { title: answers.title } : {}),
    ...(answers.lead ? { lead: answers.lead } : {}),
    ...(answers.doi ? { doi: answers.doi } : {}),
    version: 'v1.0',
    profiles: [{ files: '**/*_cat.fits', profiles: ['catalog'] }],
    rules: {},
    ignore: ['**/scratch/**'],
    mast: { mode: 'online' },
  };
  const problems = validateConfig(
    starter,
    allRuleMeta.map((meta) => meta.id),
  );
  if (problems.length > 0)
    throw new UsageError(`cannot write ${path}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  writeFileAtomic(path, `${JSON.stringify(starter, null, 2)}\n`);
  const missing = (['title', 'lead', 'doi'] as const).filter((key) => !answers[key]);
  process.stderr.write(
    `hlsp-validate: wrote ${path}${missing.length > 0 ? `; add ${missing.join(', ')} when you have them (MAST assigns the DOI)` : ''}\n`,
  );
  return 0;
}
