import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE, type Config } from '../config/config.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { UsageError } from './common.js';

export interface InitOptions {
  project?: string;
  force?: boolean;
  dir?: string;
}

export const SCHEMA_URL =
  'https://raw.githubusercontent.com/hlsp-validate/hlsp-validate/main/schemas/config.schema.json';

/** `hlsp-validate init`: writes a starter hlsp.config.json (never over an existing one without --force). */
export function initCommand(options: InitOptions): number {
  const path = resolve(options.dir ?? '.', CONFIG_FILE);
  if (existsSync(path) && !options.force)
    throw new UsageError(`${path} already exists (use --force to replace it)`);
  const project = (options.project ?? 'my-hlsp').toLowerCase();
  const starter: Config = {
    $schema: SCHEMA_URL,
    project,
    doi: '10.17909/xxxx-xxxx',
    title: 'Full title of the collection',
    lead: 'Full name of the HLSP lead',
    version: 'v1.0',
    profiles: [{ files: '**/*_cat.fits', profiles: ['catalog'] }],
    rules: {},
    ignore: ['**/scratch/**'],
    mast: { mode: 'online' },
  };
  writeFileAtomic(path, `${JSON.stringify(starter, null, 2)}\n`);
  process.stderr.write(`hlsp-validate: wrote ${path}; edit project, doi, title, lead and version\n`);
  return 0;
}
