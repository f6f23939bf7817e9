/** Runs one hlsp/* rule on a demo product (test/support/demo.ts) or on hand-built HDUs. */
import type { FitsRule } from '../../../src/types.js';
import { demoSpecs } from '../../support/demo.js';
import { fitsFile, type HduSpec } from '../../support/fits-builder.js';
import type { Mutation } from '../../support/keyword-corpus.js';
import { type RuleFinding, runFitsRules } from '../../support/rule-harness.js';

let specs: Map<string, HduSpec[]> | undefined;

/** A fresh copy of a demo product's HDUs, with an optional defect planted. */
export function demoHdus(path: string, mutate: Mutation = () => {}): HduSpec[] {
  specs ??= demoSpecs().fits;
  const hdus = structuredClone(specs.get(path)!);
  mutate(hdus);
  return hdus;
}

export interface RunOptions {
  /** File name (default: the demo product's own name, or an image name of project nirdemo). */
  name?: string;
  /** Keyword profiles given by the config (default: chosen from the name and the data). */
  profiles?: string[];
}

/** The rule's findings on a file made of these HDUs. */
export function runOnHdus(rule: FitsRule, hdus: HduSpec[], options: RunOptions = {}): RuleFinding[] {
  return runFitsRules(fitsFile(hdus), [rule], {
    name: options.name ?? 'hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_i2d.fits',
    settings: { project: 'nirdemo' },
    profiles: options.profiles ?? [],
  });
}

/** The rule's findings on a demo product with one defect planted. */
export function runOnDemo(
  rule: FitsRule,
  path: string,
  mutate: Mutation = () => {},
  options: RunOptions = {},
): RuleFinding[] {
  return runOnHdus(rule, demoHdus(path, mutate), { name: path.split('/').pop()!, ...options });
}
