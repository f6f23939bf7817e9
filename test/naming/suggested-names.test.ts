/**
 * Every name a hint suggests ("rename it to '…'") repairs all the defects of the name at once and
 * itself passes `hlsp-validate names`: taken from the broken corpora and from names with several
 * defects each, and run through checkNames, the library API behind `names`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNames } from '../../src/api/check.js';
import type { Finding } from '../../src/report/types.js';

const FIXTURES = new URL('../../fixtures', import.meta.url).pathname;
const CORPORA = ['broken', 'broken-images', 'broken-tables', 'demo-broken', 'keywords'];
const PROJECT = 'nirdemo';
const SUGGESTED = /rename it to '([^']+)'/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'mast-cache' ? [] : walk(path)) : [path];
  });
}

const suggestionsIn = (findings: { hint?: string }[]) =>
  findings.flatMap((finding) => SUGGESTED.exec(finding.hint ?? '')?.slice(1, 2) ?? []);

/** The naming errors of these names, by name. */
async function namingErrors(names: string[]): Promise<Finding[]> {
  const report = await checkNames(names, { project: PROJECT });
  return report.findings.filter((finding) => finding.severity === 'error');
}

/** Defects, each on one field of the demo's image name; any set of them may be combined. */
const BASE = ['hlsp', PROJECT, 'jwst', 'nircam', 'smacs0723', 'f200w', 'v1.0', 'i2d.fits'];
const DEFECTS: [string, (parts: string[]) => void][] = [
  [
    'another proj-id',
    (p) => {
      p[1] = 'ceers';
    },
  ],
  [
    'a hyphenated version',
    (p) => {
      p[6] = 'v1-0';
    },
  ],
  [
    'a space in the target',
    (p) => {
      p[4] = 'smacs 0723';
    },
  ],
  [
    "'+' and an epoch in the target",
    (p) => {
      p[4] = `${p[4]}+0723-epoch2`;
    },
  ],
  [
    "a '-' at the end of opt-elem",
    (p) => {
      p[5] = `${p[5]}-`;
    },
  ],
  [
    'a misspelt observatory',
    (p) => {
      p[2] = 'jwwst';
    },
  ],
  [
    'a misspelt product type',
    (p) => {
      p[7] = p[7]!.replace('i2d', 'i2dd');
    },
  ],
];

function multiDefectNames(): string[] {
  const names: string[] = [];
  for (let set = 1; set < 1 << (DEFECTS.length + 2); set++) {
    const parts = [...BASE];
    DEFECTS.forEach(([, apply], i) => {
      if (set & (1 << i)) apply(parts);
    });
    let name = parts.join('_');
    if (set & (1 << DEFECTS.length)) name = name.replace('_smacs', '__smacs');
    if (set & (1 << (DEFECTS.length + 1))) name = name.toUpperCase();
    names.push(name);
  }
  return names;
}

describe('suggested names', () => {
  it('from the broken corpora pass the naming rules', async () => {
    const files = CORPORA.flatMap((corpus) => walk(join(FIXTURES, corpus)));
    const names = [...new Set(files.map((path) => path.split('/').pop()!))];
    const fromNames = suggestionsIn((await checkNames(names, { project: PROJECT })).findings);
    const fromExpected = files
      .filter((path) => path.endsWith('.json') && !path.includes('mast-cache'))
      .flatMap((path) => {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
        const findings = Array.isArray(parsed)
          ? parsed
          : ((parsed as { findings?: unknown[] }).findings ?? []);
        return suggestionsIn(findings as { hint?: string }[]);
      });
    const suggested = [...new Set([...fromNames, ...fromExpected])];
    // The broken demo holds an upper-case name: there is something to check.
    expect(suggested.length).toBeGreaterThan(0);
    expect(await namingErrors(suggested)).toEqual([]);
  });

  it('repair every defect of a name with several at once, and pass the naming rules', async () => {
    const names = multiDefectNames();
    const report = await checkNames(names, { project: PROJECT });
    const byName = new Map<string, string>();
    for (const finding of report.findings) {
      const suggested = SUGGESTED.exec(finding.hint ?? '')?.[1];
      if (suggested) byName.set(finding.path, suggested);
    }
    // Every name with an error and more than one defect gets one suggestion: each defect here can be
    // repaired. (A name whose only defect is its version gets the version's fix alone.)
    const count = new Map<string, number>();
    for (const finding of report.findings) count.set(finding.path, (count.get(finding.path) ?? 0) + 1);
    const failing = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.path))];
    const several = failing.filter((name) => count.get(name)! > 1);
    expect(several.length).toBeGreaterThan(100);
    expect(several.filter((name) => !byName.has(name))).toEqual([]);
    expect(await namingErrors([...new Set(byName.values())])).toEqual([]);
    // And the repaired name is the demo's own whenever only the fixable fields were touched.
    expect(byName.get('HLSP_CEERS_JWWST_NIRCAM_SMACS0723_F200W_V1-0_I2D.FITS')).toBe(BASE.join('_'));
  });
});
