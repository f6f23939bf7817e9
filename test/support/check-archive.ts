/** Runs the per-file pass on an archive written to a temporary file, with the built-in rules. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '../../src/discover/discover.js';
import { checkEntry, type FileCheckEnvironment } from '../../src/engine/check-file.js';
import type { ReadLimits } from '../../src/fits/types.js';
import { builtinRules } from '../../src/rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hlsp-archive-'));

export async function checkArchiveBytes(
  name: string,
  bytes: Uint8Array,
  options: { nameRules?: boolean; limits?: Partial<ReadLimits> } = {},
) {
  const absolute = join(dir, name);
  writeFileSync(absolute, bytes);
  const env: FileCheckEnvironment = {
    settings: { project: 'demo' },
    config: {},
    nameRules: options.nameRules ? builtinRules.name : [],
    fileRules: builtinRules.file,
    contentRules: [],
    fitsRules: builtinRules.fits.filter((rule) => rule.meta.id.startsWith('fits/')),
    profilesFor: () => [],
    hash: true,
    recordHeaders: false,
    recordFootprints: false,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const outcome = await checkEntry(
    { absolute, path: `bundle/${name}`, kind: classify(name), size: bytes.length, isDirectory: false },
    env,
  );
  return {
    ...outcome,
    members: outcome.members ?? [],
    /** `ruleId path` of each finding, for compact assertions. */
    found: outcome.findings.map((finding) => `${finding.ruleId} ${finding.path}`),
  };
}
