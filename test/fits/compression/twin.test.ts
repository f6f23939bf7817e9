/**
 * A `.fits.fz` product is judged like its uncompressed twin: the demo's images (clean and broken),
 * compressed by fpack with each algorithm and by our own test compressor, give the same findings
 * as the originals, apart from the container's own (its checksums, its table structure). fitsverify
 * agrees with our structural verdict on each compressed file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/engine/run.js';
import type { Finding } from '../../../src/report/types.js';
import { builtinRules } from '../../../src/rules/index.js';
import {
  DEMO_DOI,
  DEMO_LEAD,
  DEMO_PROJECT,
  DEMO_VERSION,
  demoSpecs,
  mosaicPath,
} from '../../support/demo.js';
import { fitsFile, primaryCards } from '../../support/fits-builder.js';
import { compressImageHdu, type TileOptions } from '../../support/tile-compress.js';
import { hasFpack, oraclesRequired } from './support.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const IMAGES = [
  'fixtures/demo/images/hlsp_nirdemo_jwst_nircam_smacs0723_f150w_v1.0_i2d.fits',
  'fixtures/demo/images/hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_i2d.fits',
  'fixtures/demo-broken/images/hlsp_nirdemo_jwst_nircam_smacs0723_f150w_v1.0_i2d.fits',
  'fixtures/demo-broken/images/hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_i2d.fits',
  'fixtures/demo-broken/images/hlsp_nirdemo_jwst_nircam_smacs0723_f444w_v1-0_i2d.fits',
];
const FPACK_FLAGS = [[], ['-g1'], ['-g2'], ['-q', '4'], ['-g', '-q', '0'], ['-h']];

/**
 * Rules that judge how the file is stored: they read the container, so a compressed file has its
 * own findings there (a damaged original's DATASUM is ZDATASUM in the copy, and only lossless
 * images can be summed).
 */
const CONTAINER_RULES = new Set(['fits/checksum', 'fits/tile-compression', 'fits/tile-data']);

const scratch = mkdtempSync(join(tmpdir(), 'hlsp-twin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settings = {
  project: DEMO_PROJECT,
  doi: DEMO_DOI,
  lead: DEMO_LEAD,
  version: DEMO_VERSION,
  title: 'NIRCam and NIRSpec demo of SMACS 0723',
};

/**
 * The file's own findings (no collection rules), without what differs by construction: the path,
 * and the byte offset and card context (the same card sits elsewhere in the compressed file).
 */
async function findingsOf(path: string): Promise<Omit<Finding, 'path' | 'context' | 'offset'>[]> {
  const { report } = await runCheck({
    paths: [path],
    config: {},
    settings,
    rules: { ...builtinRules, collection: [], mast: [] },
    hash: false,
  });
  return report.findings
    .filter((finding) => !CONTAINER_RULES.has(finding.ruleId))
    .map(({ path: _path, context: _context, offset: _offset, ...rest }) => rest);
}

/** A fresh directory holding `bytes` under the name `name`. */
function placed(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(scratch, 'case-'));
  mkdirSync(join(dir, 'images'));
  const path = join(dir, 'images', name);
  writeFileSync(path, bytes);
  return path;
}

function fitsverifyErrors(path: string): boolean {
  const result = spawnSync('fitsverify', ['-q', '-e', path], { encoding: 'utf8' });
  return !/\b0 errors\b|^verification OK/m.test(result.stdout);
}

describe('compressed twins judged alike (our compressor)', () => {
  it.each<[string, TileOptions]>([
    ['RICE_1, quantized', { algorithm: 'RICE_1', scale: 1e-4 }],
    ['GZIP_1, lossless', { algorithm: 'GZIP_1' }],
    ['GZIP_2, lossless', { algorithm: 'GZIP_2' }],
  ])('%s', async (_, options) => {
    const mosaic = demoSpecs().fits.get(mosaicPath('f444w'))!;
    const name = basename(mosaicPath('f444w'));
    const original = await findingsOf(placed(name, fitsFile(mosaic)));
    const packed = fitsFile([mosaic[0]!, ...mosaic.slice(1).map((hdu) => compressImageHdu(hdu, options))]);
    expect(await findingsOf(placed(`${name}.fz`, packed))).toEqual(original);
  });
});

describe.skipIf(!hasFpack && !oraclesRequired)('compressed twins judged alike (fpack)', () => {
  it.each(IMAGES.flatMap((image) => FPACK_FLAGS.map((flags) => [image, flags] as const)))(
    '%s with fpack %j',
    async (image, flags) => {
      const original = placed(basename(image), readFileSync(join(ROOT, image)));
      const copy = join(mkdtempSync(join(scratch, 'fpack-')), basename(image));
      copyFileSync(original, copy);
      const packedPath = `${copy}.fz`;
      const result = spawnSync('fpack', [...flags, '-O', packedPath, copy], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      const packed = placed(`${basename(image)}.fz`, readFileSync(packedPath));
      const ours = await findingsOf(packed);
      expect(ours).toEqual(await findingsOf(original));
      // fitsverify reads the same structure we do: an error of ours in the container is one of theirs.
      const structural = (
        await runCheck({
          paths: [packed],
          config: {},
          settings,
          rules: {
            ...builtinRules,
            name: [],
            collection: [],
            mast: [],
            fits: builtinRules.fits.filter(
              (rule) => rule.meta.id.startsWith('fits/') && rule.meta.id !== 'fits/checksum',
            ),
          },
          hash: false,
        })
      ).report.findings.filter((finding) => finding.severity === 'error');
      expect(structural.length > 0, JSON.stringify(structural)).toBe(fitsverifyErrors(packed));
    },
  );
});

describe.skipIf(!hasFpack && !oraclesRequired)('a compressed primary image (fpack, ZSIMPLE)', () => {
  it('is judged like the primary image it restores', async () => {
    const [primary, science] = demoSpecs().fits.get(mosaicPath('f444w'))!;
    const mandatory = /^(SIMPLE|BITPIX|NAXIS[0-9]*|EXTEND|XTENSION|PCOUNT|GCOUNT)$/;
    const cards = [
      ...primaryCards({ bitpix: -32, axes: [48, 48] }),
      ...primary!.cards.filter((c) => !mandatory.test(c.keyword)),
      ...science!.cards.filter(
        (c) => !mandatory.test(c.keyword) && c.keyword !== 'EXTNAME' && c.keyword !== 'TIMESYS',
      ),
    ];
    const name = basename(mosaicPath('f444w'));
    const original = placed(name, fitsFile([{ cards, data: science!.data, checksum: true }]));
    const copy = join(mkdtempSync(join(scratch, 'fpack-')), name);
    copyFileSync(original, copy);
    const result = spawnSync('fpack', ['-O', `${copy}.fz`, copy], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const packed = placed(`${name}.fz`, readFileSync(`${copy}.fz`));
    // The image's cards are in HDU 1 of the compressed file (fpack writes an empty primary first).
    const expected = (await findingsOf(original)).map((finding) => ({
      ...finding,
      hdu: finding.hdu === 0 ? 1 : finding.hdu,
      message: finding.message.replaceAll('HDU 0', 'HDU 1'),
      hint: finding.hint?.replaceAll('HDU 0', 'HDU 1'),
    }));
    expect(await findingsOf(packed)).toEqual(expected);
  });
});
