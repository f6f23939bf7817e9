/** `.fits.bz2` products are read and judged as FITS, as `.fits.gz` ones are. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/discover/discover.js';
import { checkEntry, type FileCheckEnvironment } from '../../src/engine/check-file.js';
import { builtinRules } from '../../src/rules/index.js';
import { randomBytes } from '../rules/format/run-file-rule.js';

const SAMPLES = new URL('../fits/samples/', import.meta.url).pathname;

const env: FileCheckEnvironment = {
  settings: {},
  config: {},
  nameRules: [],
  fileRules: builtinRules.file,
  contentRules: [],
  fitsRules: builtinRules.fits.filter((rule) => rule.meta.id.startsWith('fits/')),
  profilesFor: () => [],
  hash: true,
  recordHeaders: false,
  recordFootprints: false,
};

async function check(absolute: string, path: string) {
  return checkEntry(
    { absolute, path, kind: classify(path), size: statSync(absolute).size, isDirectory: false },
    env,
  );
}

describe('.fits.bz2 entries', () => {
  it('are classified as compressed FITS', () => {
    expect(classify('x.fits.bz2')).toBe('fits.gz');
    expect(classify('x.FTS.BZ2')).toBe('fits.gz');
  });

  it('are read, checked, and pass when the FITS inside is clean', async () => {
    const { entry, findings } = await check(join(SAMPLES, 'image.fits.bz2'), 'image.fits.bz2');
    expect(findings).toEqual([]);
    expect(entry).toMatchObject({ format: 'fits', checked: true, size: 412 });
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('give one error for a corrupt stream', async () => {
    const whole = readFileSync(join(SAMPLES, 'image.fits.bz2'));
    const damaged = Buffer.from(whole);
    damaged[150] = damaged[150]! ^ 0x55;
    const path = join(tmpdir(), `hlsp-bz2-entry-${process.pid}.fits.bz2`);
    writeFileSync(path, damaged);
    const { findings } = await check(path, 'damaged.fits.bz2');
    expect(findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['fits/file-readable', 'error'],
    ]);
    expect(findings[0]!.message).toMatch(/bzip2 data is corrupt/);
  });

  it('give one error for random bytes named .fits.bz2', async () => {
    const path = join(tmpdir(), `hlsp-bz2-random-${process.pid}.fits.bz2`);
    writeFileSync(path, randomBytes(5000));
    const { findings } = await check(path, 'random.fits.bz2');
    expect(findings.filter((finding) => finding.severity === 'error')).toHaveLength(1);
  });
});
