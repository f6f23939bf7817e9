import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectSettings } from '../config/config.js';
import { findProjectConfig } from '../config/project.js';
import { runCheck } from '../engine/run.js';
import { buildManifest } from '../manifest/manifest.js';
import { allRuleMeta } from '../rules/index.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { UsageError } from './common.js';

export interface ManifestOptions {
  output?: string;
  config?: string;
  project?: string;
}

/** `hlsp-validate manifest <dir>`: the delivery manifest CSV, to stdout or --output. */
export async function manifestCommand(dir: string, options: ManifestOptions): Promise<number> {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`directory not found: ${dir}`);
  }
  if (!isDirectory) throw new UsageError(`${dir} is not a directory`);
  const { config } = findProjectConfig(
    options.config,
    dir,
    allRuleMeta.map((meta) => meta.id),
  );
  const { records } = await runCheck({
    paths: [dir],
    config,
    settings: projectSettings(config, options.project),
    rules: { name: [], file: [], fits: [], content: [], collection: [], mast: [] },
  });
  // A manifest pins sizes and checksums: never from bytes that changed while they were read.
  const changed = records.find((record) => record.changedDuringCheck);
  if (changed)
    throw new UsageError(
      `${changed.path} changed while it was read; no manifest was written (write it again once nothing writes to the collection)`,
    );
  const csv = buildManifest(records);
  if (options.output) {
    writeFileAtomic(resolve(options.output), csv);
    process.stderr.write(`hlsp-validate: wrote ${options.output}\n`);
  } else process.stdout.write(csv);
  return 0;
}
