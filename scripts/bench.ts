/**
 * `npm run bench`: builds its inputs in a temp dir, then times hlsp-validate against fitsverify and
 * astropy on the same files, interleaved and repeated, and prints medians, ratios and peak RSS.
 *
 *   npm run bench -- [--reps 3] [--cases small,many,big,gz,large,fz,bz2,ecsv,votable,asdf,empty]
 *                    [--small 10000] [--many 100000] [--rows 400000] [--empty 200000] [--keep]
 *
 * `bz2` (peak RSS on a 2 GB `.fits.bz2`) runs only with BENCH_LARGE=1: decoding takes minutes. Its input is
 * made once in BENCH_CACHE (default: hlsp-validate-bench in the temp dir) and kept there.
 * `--cases million` adds 1,000,000 empty files (about 5 minutes on 2 cores, so not by default).
 *
 * Nothing here is a test: timings go to docs/performance.md with the machine they came from.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs as parseCliArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { asdfFile, ndarrayLines } from '../test/support/asdf-writer.js';
import {
  DEMO_PROJECT,
  DEMO_README,
  demoSpecs,
  ECSV_CATALOG_PATH,
  ecsvCatalog,
  mosaicPath,
  votableCatalog,
} from '../test/support/demo.js';
import { card, fitsFile, float32Data, type HduSpec, primaryCards } from '../test/support/fits-builder.js';

interface Args {
  reps: number;
  cases: string[];
  small: number;
  many: number;
  rows: number;
  empty: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const { values } = parseCliArgs({
    args: argv,
    options: {
      reps: { type: 'string', default: '3' },
      cases: { type: 'string', default: 'small,many,big,gz,large,fz,bz2,ecsv,votable,asdf,empty' },
      small: { type: 'string', default: '10000' },
      many: { type: 'string', default: '100000' },
      rows: { type: 'string', default: '400000' },
      empty: { type: 'string', default: '200000' },
      keep: { type: 'boolean', default: false },
    },
  });
  return {
    reps: Number(values.reps),
    cases: values.cases.split(','),
    small: Number(values.small),
    many: Number(values.many),
    rows: Number(values.rows),
    empty: Number(values.empty),
    keep: values.keep,
  };
}

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/hlsp-validate.js');
const ASTROPY_PYTHON = '/usr/bin/python3';

const haveFitsverify = !spawnSync('fitsverify', ['-h'], { stdio: 'ignore' }).error;
const haveAstropy =
  spawnSync(ASTROPY_PYTHON, ['-c', 'import astropy.io.fits'], { stdio: 'ignore' }).status === 0;

/**
 * A 3-HDU HLSP image product like the demo's (primary + SCI + ERR), with checksums: every offline rule
 * runs on it, and a collection of copies (one target field each, a README) passes clean, as a
 * collection ready for delivery should.
 */
function smallProduct(): Buffer {
  const hdus: HduSpec[] = demoSpecs().fits.get(mosaicPath('f150w'))!.slice(0, 3);
  return fitsFile(hdus);
}

/**
 * `count` empty files named against the template (file0000001.txt…): two findings each (empty,
 * misnamed), the largest report per file of bytes read: what issue #19 measured memory with.
 */
function makeEmptyFiles(dir: string, count: number): void {
  if (existsSync(dir)) return;
  const perDir = 5000;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part${String(Math.floor(i / perDir)).padStart(3, '0')}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file${String(i).padStart(7, '0')}.txt`), '');
  }
}

async function makeCollection(dir: string, count: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const bytes = smallProduct();
  const perDir = 5000;
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part${String(Math.floor(i / perDir)).padStart(3, '0')}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    const field = `smacs0723-${String(i).padStart(6, '0')}`;
    const path = join(sub, `hlsp_${DEMO_PROJECT}_jwst_nircam_${field}_f150w_v1.0_i2d.fits`);
    writeFileSync(path, bytes);
    list.push(path);
  }
  writeFileSync(
    join(dir, 'hlsp.config.json'),
    JSON.stringify({ project: DEMO_PROJECT, mast: { mode: 'offline' } }),
  );
  writeFileSync(join(dir, `hlsp_${DEMO_PROJECT}_readme.md`), DEMO_README);
  const listFile = join(dir, '..', `${count}.list`);
  writeFileSync(listFile, `${list.join('\n')}\n`);
  return listFile;
}

/** The header (with CHECKSUM and DATASUM) and one pixel row of a side × side float32 image of rows alike. */
async function bigImageParts(side: number): Promise<{ header: Buffer; row: Buffer; fill: number }> {
  const cards = [...primaryCards({ bitpix: -32, axes: [side, side] }), card('BUNIT', 'MJy/sr')];
  const row = Buffer.from(float32Data(Array.from({ length: side }, (_, i) => (i % 97) * 0.5)));
  const { addWords, encodeChecksum, toStored } = await import('../src/fits/checksum.js');
  const { headerBytes } = await import('../test/support/fits-builder.js');
  const rowSum = addWords(0, row, 0, row.length);
  const dataBytes = side * 4 * side;
  let dataSum = 0;
  for (let r = 0; r < side; r++) dataSum = (dataSum + rowSum) % 0xffffffff;
  const withSums = [
    ...cards,
    card('CHECKSUM', '0000000000000000'),
    card('DATASUM', String(toStored(dataSum, true))),
  ];
  const headerSum = addWords(0, headerBytes(withSums), 0, headerBytes(withSums).length);
  withSums[withSums.length - 2] = card('CHECKSUM', encodeChecksum((headerSum + dataSum) % 0xffffffff));
  return { header: headerBytes(withSums), row, fill: Math.ceil(dataBytes / 2880) * 2880 - dataBytes };
}

/** A ~200 MB float32 image with CHECKSUM, written in slices so the generator itself stays small. */
async function makeBigImage(path: string): Promise<void> {
  const side = 7200;
  const { header, row, fill } = await bigImageParts(side);
  const out = createWriteStream(path);
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', resolve)));
  await write(header);
  const block = Buffer.concat(Array.from({ length: 64 }, () => row));
  for (let r = 0; r < side; r += 64)
    await write(r + 64 <= side ? block : Buffer.concat(Array.from({ length: side - r }, () => row)));
  await write(Buffer.alloc(fill));
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * A 2.1 GB image (23040², float32) as a multi-stream `.fits.bz2`, as pbzip2 writes them: the header
 * and 360 blocks of 64 rows, each its own bzip2 stream. The blocks are alike, so one is compressed and
 * repeated: bzip2 on the whole file would take over half an hour on the loaded bench machine.
 */
async function makeHugeBzip2(path: string): Promise<void> {
  const { header, row, fill } = await bigImageParts(23040);
  if (fill !== 0) throw new Error('the image was meant to need no fill');
  const compress = (bytes: Buffer) => {
    const made = spawnSync('bzip2', ['-1', '-c'], { input: bytes, maxBuffer: 1 << 30 });
    if (made.status !== 0 || made.error) throw new Error('bzip2 failed (is it installed?)');
    return made.stdout;
  };
  const block = compress(Buffer.concat(Array.from({ length: 64 }, () => row)));
  writeFileSync(
    `${path}.part`,
    Buffer.concat([compress(header), ...Array.from({ length: 360 }, () => block)]),
  );
  renameSync(`${path}.part`, path);
}

/**
 * The demo's catalogue with `rows` rows, as ECSV or as a VOTable: its header (or everything around
 * TABLEDATA) once, then its 25 rows over and over with the ids counted up, streamed to disk.
 */
async function makeCatalog(path: string, rows: number, format: 'ecsv' | 'votable'): Promise<void> {
  const text = format === 'ecsv' ? ecsvCatalog() : votableCatalog();
  const lines = text.split('\n');
  const isRow =
    format === 'ecsv'
      ? (line: string) => line !== '' && !line.startsWith('#') && !line.startsWith('ID ')
      : (line: string) => line.trimStart().startsWith('<TR>');
  const first = lines.findIndex(isRow);
  const last = lines.length - 1 - [...lines].reverse().findIndex(isRow);
  const body = lines.slice(first, last + 1);
  const out = createWriteStream(path);
  const write = (chunk: string) =>
    new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', resolve)));
  await write(`${lines.slice(0, first).join('\n')}\n`);
  const renumber =
    format === 'ecsv'
      ? (line: string, id: number) => line.replace(/^[0-9]+/, String(id))
      : (line: string, id: number) => line.replace(/<TD>[0-9]+<\/TD>/, `<TD>${id}</TD>`);
  let batch: string[] = [];
  for (let row = 0; row < rows; row++) {
    batch.push(renumber(body[row % body.length]!, row + 1));
    if (batch.length === 1000) {
      await write(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  await write(`${[...batch, ...lines.slice(last + 1)].join('\n')}`);
  await new Promise<void>((resolve) => out.end(resolve));
}

const ASTROPY_TABLE_SCRIPT = `
import sys, warnings
warnings.simplefilter('ignore')
if sys.argv[1] == 'ecsv':
    from astropy.table import Table
    Table.read(sys.argv[2], format='ascii.ecsv')
else:
    from astropy.io.votable import parse
    parse(sys.argv[2]).get_first_table().to_table()
`;

async function gzipFile(source: string, target: string): Promise<void> {
  const { createReadStream } = await import('node:fs');
  await pipeline(createReadStream(source), createGzip({ level: 1 }), createWriteStream(target));
}

interface Run {
  seconds: number;
  rssMb: number;
  status: number | null;
}

/** Runs a command under /usr/bin/time for wall time and peak RSS; `discard` sends its output to /dev/null. */
function timed(command: string, args: string[], discard = false): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(discard ? { stdio: ['ignore', 'ignore', 'pipe'] as const } : {}),
  });
  const line = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb] = line.split(' ').map(Number);
  return { seconds: seconds ?? Number.NaN, rssMb: (kb ?? 0) / 1024, status: result.status };
}

/** asdf opens the file with its checksums verified and reads every array, as a user of it would. */
const ASDF_SCRIPT = `
import sys, warnings
warnings.simplefilter('ignore')
import numpy as np, asdf
with asdf.open(sys.argv[1], validate_checksums=True, lazy_load=False, copy_arrays=True) as f:
    for key in ('a0', 'a1', 'a2'):
        np.asarray(f.tree[key]).sum()
`;

/** Three 64 MiB float32 arrays, zlib-compressed, with MD5s (values from a fixed LCG, noisy). */
function writeBigAsdf(path: string): void {
  const side = 4096;
  let state = 12345;
  const blocks = [0, 1, 2].map(() => {
    const values = new Float32Array(side * side);
    for (let i = 0; i < values.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      values[i] = Math.fround((i % side) / side + (state >>> 20) / 4096);
    }
    return { data: Buffer.from(values.buffer), compression: 'zlib' };
  });
  const tree = [0, 1, 2].flatMap((i) => ndarrayLines(`a${i}`, i, 'float32', [side, side]));
  writeFileSync(path, asdfFile({ tree, blocks }));
}

const ASTROPY_SCRIPT = `
import sys
from astropy.io import fits
paths = [line.strip() for line in open(sys.argv[1]) if line.strip()]
for path in paths:
    with fits.open(path, checksum=True) as hdus:
        for hdu in hdus:
            hdu.header
            if hdu.data is not None:
                hdu.data
`;

interface Tool {
  name: string;
  run(): Run;
  /** The same command on a tiny file: its fixed cost (start-up), to give the data pass's own speed. */
  baseline?: () => Run;
}

/** The middle value; for an even count, the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'hlsp-bench-'));
  const astropyScript = join(work, 'astropy_check.py');
  writeFileSync(astropyScript, ASTROPY_SCRIPT);
  console.log(
    `# hlsp-validate benchmark\n\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(
    `fitsverify: ${haveFitsverify ? 'yes' : 'not installed (apt-get install fitsverify)'}; astropy: ${haveAstropy ? 'yes' : 'not installed (apt-get install python3-astropy)'}`,
  );
  console.log(`repetitions: ${args.reps} (interleaved); work dir: ${work}\n`);
  const rows: string[] = [];
  const ours =
    (paths: string[], extra: string[] = []): Tool['run'] =>
    () =>
      timed(process.execPath, checkArgs(work, paths, extra));

  // The JSON report of every file to standard output, as `check dir --format json > report.json`.
  const toStdout = (dir: string) => () =>
    timed(
      process.execPath,
      [BIN, 'check', dir, '--format', 'json', '--mast', 'offline', '--no-progress'],
      true,
    );
  // One run, no warm-up: peak memory is the figure here, and a million files take minutes a run.
  const emptyFiles = (key: string, count: number) => ({
    key,
    once: true,
    name: `(${key === 'million' ? 'f' : 'e'}) ${count} empty files, JSON report to stdout`,
    async prepare(): Promise<Tool[]> {
      const dir = join(work, `empty-${count}`);
      makeEmptyFiles(dir, count);
      return [{ name: 'hlsp-validate', run: toStdout(dir) }];
    },
  });

  const cases: {
    /** What `--cases` calls it. */
    key: string;
    name: string;
    prepare(): Promise<Tool[]>;
    unit?: { bytes: number };
    once?: boolean;
  }[] = [
    {
      key: 'small',
      name: `(a) ${args.small} small 3-HDU HLSP files`,
      async prepare() {
        const dir = join(work, 'small');
        const list = await makeCollection(dir, args.small);
        // The FITS structure check alone, as fitsverify does it: every other rule group off, and no
        // SHA-256 (fitsverify computes none). The config lives outside the collection.
        const structureConfig = join(work, 'structure-only.config.json');
        writeFileSync(
          structureConfig,
          JSON.stringify({
            project: DEMO_PROJECT,
            mast: { mode: 'offline' },
            rules: { name: 'off', hlsp: 'off', collection: 'off', mast: 'off' },
          }),
        );
        const tools: Tool[] = [
          { name: 'hlsp-validate', run: ours([dir]) },
          // What the second thread brings: each thread is an isolate with its own JIT warm-up.
          { name: 'hlsp-validate, one thread (--jobs 1)', run: ours([dir], ['--jobs', '1']) },
          {
            name: 'hlsp-validate, FITS structure only',
            run: ours([dir], ['--config', structureConfig, '--no-hash']),
          },
        ];
        if (haveFitsverify)
          tools.push({ name: 'fitsverify -q', run: () => timed('fitsverify', ['-q', `@${list}`]) });
        if (haveAstropy)
          tools.push({
            name: 'astropy checksum=True',
            run: () => timed(ASTROPY_PYTHON, [astropyScript, list]),
          });
        return tools;
      },
    },
    {
      key: 'many',
      name: `(b) ${args.many} small files`,
      async prepare() {
        const dir = join(work, 'many');
        const list = await makeCollection(dir, args.many);
        const tools: Tool[] = [{ name: 'hlsp-validate', run: ours([dir]) }];
        if (haveFitsverify)
          tools.push({ name: 'fitsverify -q', run: () => timed('fitsverify', ['-q', `@${list}`]) });
        return tools;
      },
    },
    {
      key: 'big',
      name: '(c) 200 MB image with CHECKSUM',
      async prepare() {
        const path = join(work, 'big.fits');
        if (!existsSync(path)) await makeBigImage(path);
        const tiny = join(work, 'tiny.fits');
        writeFileSync(
          tiny,
          fitsFile([
            { cards: primaryCards({ bitpix: 8, axes: [16] }), data: new Uint8Array(16), checksum: true },
          ]),
        );
        const tools: Tool[] = [
          { name: 'hlsp-validate', run: ours([path]), baseline: ours([tiny]) },
          {
            name: 'hlsp-validate --no-hash',
            run: ours([path], ['--no-hash']),
            baseline: ours([tiny], ['--no-hash']),
          },
        ];
        if (haveFitsverify)
          tools.push({
            name: 'fitsverify -q',
            run: () => timed('fitsverify', ['-q', path]),
            baseline: () => timed('fitsverify', ['-q', tiny]),
          });
        if (haveAstropy) {
          const list = join(work, 'big.list');
          writeFileSync(list, `${path}\n`);
          tools.push({
            name: 'astropy checksum=True',
            run: () => timed(ASTROPY_PYTHON, [astropyScript, list]),
          });
        }
        return tools;
      },
      unit: { bytes: 7200 * 7200 * 4 },
    },
    {
      key: 'gz',
      name: '(d) the same image, gzip -1',
      async prepare() {
        const path = join(work, 'big.fits');
        if (!existsSync(path)) await makeBigImage(path);
        const gz = join(work, 'big.fits.gz');
        await gzipFile(path, gz);
        const tools: Tool[] = [{ name: 'hlsp-validate', run: ours([gz]) }];
        if (haveFitsverify) tools.push({ name: 'fitsverify -q', run: () => timed('fitsverify', ['-q', gz]) });
        return tools;
      },
    },
    {
      key: 'asdf',
      name: '(i) 192 MiB of float32 arrays in ASDF, zlib, with MD5s',
      async prepare() {
        const path = join(work, `hlsp_${DEMO_PROJECT}_jwst_nircam_field_f444w_v1.0_model.asdf`);
        if (!existsSync(path)) writeBigAsdf(path);
        const tools: Tool[] = [{ name: 'hlsp-validate', run: ours([path]) }];
        const asdfScript = join(work, 'asdf_check.py');
        writeFileSync(asdfScript, ASDF_SCRIPT);
        if (spawnSync(ASTROPY_PYTHON, ['-c', 'import asdf'], { stdio: 'ignore' }).status === 0)
          tools.push({
            name: 'asdf validate_checksums=True',
            run: () => timed(ASTROPY_PYTHON, [asdfScript, path]),
          });
        return tools;
      },
      unit: { bytes: 3 * 4096 * 4096 * 4 },
    },
    emptyFiles('empty', args.empty),
    emptyFiles('million', 1_000_000),
  ];
  for (const format of ['ecsv', 'votable'] as const)
    cases.push({
      key: format,
      name: `(${format === 'ecsv' ? 'g' : 'h'}) a catalogue of ${args.rows} rows as ${format === 'ecsv' ? 'ECSV' : 'a VOTable (TABLEDATA)'}`,
      async prepare() {
        const path = join(
          work,
          'tables',
          ECSV_CATALOG_PATH.replace('catalogs/', '').replace('.ecsv', format === 'ecsv' ? '.ecsv' : '.vot'),
        );
        mkdirSync(join(work, 'tables'), { recursive: true });
        await makeCatalog(path, args.rows, format);
        this.unit = { bytes: statSync(path).size };
        const script = join(work, 'astropy_table.py');
        writeFileSync(script, ASTROPY_TABLE_SCRIPT);
        const tools: Tool[] = [{ name: 'hlsp-validate', run: ours([path]) }];
        if (haveAstropy)
          tools.push({
            name: format === 'ecsv' ? 'astropy Table.read' : 'astropy votable.parse',
            run: () => timed(ASTROPY_PYTHON, [script, format, path]),
          });
        return tools;
      },
    });
  const selected = cases.filter((c) => args.cases.includes(c.key));
  rows.push(
    '| case | tool | median s | min s | max s | peak RSS MB | ratio to hlsp-validate |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const benchCase of selected) {
    process.stderr.write(`preparing ${benchCase.name}…\n`);
    const tools = await benchCase.prepare();
    const results = new Map<string, Run[]>(tools.map((tool) => [tool.name, []]));
    const baselines = new Map<string, Run[]>(tools.map((tool) => [tool.name, []]));
    if (!benchCase.once) tools[0]!.run(); // warm the page cache once
    for (let rep = 0; rep < (benchCase.once ? 1 : args.reps); rep++) {
      for (const tool of tools) {
        const run = tool.run();
        // Exit 2 means the tool failed to run: a time from it would be meaningless.
        if (tool.name.startsWith('hlsp-validate') && run.status === 2)
          throw new Error(`${tool.name} could not run (exit 2)`);
        results.get(tool.name)!.push(run);
        if (tool.baseline) baselines.get(tool.name)!.push(tool.baseline());
        process.stderr.write(
          `  ${tool.name}: ${run.seconds}s ${run.rssMb.toFixed(0)} MB (exit ${run.status})\n`,
        );
      }
    }
    const oursMedian = median(results.get('hlsp-validate')!.map((r) => r.seconds));
    for (const tool of tools) {
      const runs = results.get(tool.name)!;
      const seconds = runs.map((r) => r.seconds);
      const m = median(seconds);
      const fixed =
        baselines.get(tool.name)!.length > 0
          ? median(baselines.get(tool.name)!.map((r) => r.seconds))
          : undefined;
      const net =
        fixed !== undefined && m > fixed
          ? `; data pass ${(benchCase.unit!.bytes / (m - fixed) / 1e9).toFixed(1)} GB/s after ${fixed.toFixed(2)} s start-up`
          : '';
      const rate = benchCase.unit ? benchCase.unit.bytes / m : 0;
      const throughput = !benchCase.unit
        ? ''
        : rate < 1e8
          ? ` (${(rate / 1e6).toFixed(1)} MB/s)`
          : ` (${(rate / 1e9).toFixed(2)} GB/s${net})`;
      rows.push(
        `| ${benchCase.name} | ${tool.name} | ${m.toFixed(2)}${throughput} | ${Math.min(...seconds).toFixed(2)} | ${Math.max(...seconds).toFixed(2)} | ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} | ${(m / oursMedian).toFixed(2)}× |`,
      );
    }
  }
  if (args.cases.includes('big')) rows.push('', await repeatedLargeFiles(work));
  rows.push(...(await largeFileTables(work, args)));
  const startup = Array.from({ length: 5 }, () => timed(process.execPath, [BIN, '--version']).seconds);
  rows.push(
    '',
    `start-up (\`hlsp-validate --version\`, median of 5): ${(median(startup) * 1000).toFixed(0)} ms`,
  );
  console.log(rows.join('\n'));
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

/**
 * Per-file throughput of four large files read one after another in one process: the row that
 * would have caught the checksum loop deoptimising after the second file (3× slower from then on).
 */
async function repeatedLargeFiles(work: string): Promise<string> {
  const path = join(work, 'big.fits');
  if (!existsSync(path)) await makeBigImage(path);
  const { readFitsFileSync } = (await import(
    join(ROOT, 'dist/fits/read.js')
  )) as typeof import('../src/fits/read.js');
  const bytes = statSync(path).size;
  const rates: number[] = [];
  for (let file = 0; file < 4; file++) {
    const started = performance.now();
    readFitsFileSync(path, { hash: false });
    rates.push(bytes / ((performance.now() - started) / 1000) / 1e9);
  }
  return `large files in one process (readFitsFileSync, no SHA-256, one thread): ${rates.map((rate, i) => `file ${i + 1} ${rate.toFixed(2)} GB/s`).join(', ')}; 4th/1st = ${(rates[3]! / rates[0]!).toFixed(2)}`;
}

interface CpuRun extends Run {
  /** User plus system CPU seconds: steadier than wall time on a loaded machine. */
  cpu: number;
}

/** `timed` with CPU time as well. */
function timedCpu(command: string, args: string[]): CpuRun {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const line = result.stderr.trim().split('\n').pop() ?? '';
  const [seconds, kb, user, system] = line.split(' ').map(Number);
  return {
    seconds: seconds ?? Number.NaN,
    rssMb: (kb ?? 0) / 1024,
    status: result.status,
    cpu: (user ?? Number.NaN) + (system ?? Number.NaN),
  };
}

/** Interleaved runs of each tool; a table of wall and CPU medians, each as a ratio to the last tool's. */
function cpuTable(title: string, tools: { name: string; run(): CpuRun }[], reps: number): string[] {
  const runs = new Map<string, CpuRun[]>(tools.map((tool) => [tool.name, []]));
  tools[0]!.run(); // warm the page cache once
  for (let rep = 0; rep < reps; rep++)
    for (const tool of tools) {
      const run = tool.run();
      if (tool.name.startsWith('hlsp-validate') && run.status === 2)
        throw new Error(`${tool.name} could not run (exit 2)`);
      runs.get(tool.name)!.push(run);
      process.stderr.write(
        `  ${tool.name}: ${run.seconds}s, CPU ${run.cpu.toFixed(2)}s, ${run.rssMb.toFixed(0)} MB\n`,
      );
    }
  const reference = tools[tools.length - 1]!.name;
  const wall = (name: string) => median(runs.get(name)!.map((r) => r.seconds));
  const cpu = (name: string) => median(runs.get(name)!.map((r) => r.cpu));
  // /usr/bin/time counts CPU in 10 ms steps: a reference below that gives no ratio.
  const cpuRatio = (name: string) =>
    cpu(reference) >= 0.01 ? `${(cpu(name) / cpu(reference)).toFixed(2)}×` : '–';
  return [
    '',
    `${title} (median of ${reps}; ratios to ${reference} from the same runs)`,
    '',
    '| tool | wall s | CPU s (user + sys) | peak RSS MB | wall ratio | CPU ratio |',
    '| --- | --- | --- | --- | --- | --- |',
    ...tools.map(
      ({ name }) =>
        `| ${name} | ${wall(name).toFixed(2)} | ${cpu(name).toFixed(2)} | ${Math.max(...runs.get(name)!.map((r) => r.rssMb)).toFixed(0)} | ${wall(reference) >= 0.01 ? `${(wall(name) / wall(reference)).toFixed(2)}×` : '–'} | ${cpuRatio(name)} |`,
    ),
  ];
}

/** Our command line on `paths`: every offline rule, the JSON report to a file in `work`. */
function checkArgs(work: string, paths: string[], extra: string[]): string[] {
  return [
    BIN,
    'check',
    ...paths,
    '--format',
    'json',
    '--output',
    join(work, 'report.json'),
    '--mast',
    'offline',
    '--no-progress',
    ...extra,
  ];
}

/**
 * The large-file rows: four 207 MB images in one run, with and without SHA-256, against fitsverify;
 * the image tile-compressed (`.fits.fz`) against fitsverify and funpack; and (BENCH_LARGE=1) the
 * peak RSS of a 2 GB `.fits.bz2`. CPU time is given beside wall time: the bench machine is shared.
 */
async function largeFileTables(work: string, args: Args): Promise<string[]> {
  const rows: string[] = [];
  const big = join(work, 'big.fits');
  const ourArgs = (paths: string[], extra: string[] = []) => checkArgs(work, paths, extra);
  if (args.cases.includes('large')) {
    process.stderr.write('preparing 4 × 207 MB images…\n');
    if (!existsSync(big)) await makeBigImage(big);
    const paths = [1, 2, 3, 4].map((i) => join(work, `large${i}.fits`));
    for (const path of paths) if (!existsSync(path)) copyFileSync(big, path);
    const tools = [
      {
        name: 'hlsp-validate --no-hash',
        run: () => timedCpu(process.execPath, ourArgs(paths, ['--no-hash'])),
      },
      { name: 'hlsp-validate (SHA-256)', run: () => timedCpu(process.execPath, ourArgs(paths)) },
      {
        name: 'hlsp-validate --no-hash, JavaScript sum',
        run: () => timedCpu('env', ['HLSP_ONES_SUM=js', process.execPath, ...ourArgs(paths, ['--no-hash'])]),
      },
    ];
    if (haveFitsverify)
      tools.push({ name: 'fitsverify -q', run: () => timedCpu('fitsverify', ['-q', ...paths]) });
    rows.push(...cpuTable('4 × 207 MB images in one run', tools, args.reps));
    rows.push('', await readCopyCost(big, args.reps));
  }
  const haveFpack = !spawnSync('fpack', ['-V'], { stdio: 'ignore' }).error;
  if (args.cases.includes('fz') && haveFpack) {
    process.stderr.write('preparing the .fits.fz…\n');
    if (!existsSync(big)) await makeBigImage(big);
    const fz = join(work, 'big.fits.fz');
    if (!existsSync(fz)) spawnSync('fpack', ['-O', fz, big], { stdio: 'ignore' });
    const tools = [
      { name: 'hlsp-validate', run: () => timedCpu(process.execPath, ourArgs([fz])) },
      {
        name: 'hlsp-validate --no-hash',
        run: () => timedCpu(process.execPath, ourArgs([fz], ['--no-hash'])),
      },
    ];
    // fitsverify checks the compressed table and its heap but decodes no tile, so the peer that does
    // the same work (decode every tile, verify the checksums) is funpack -S: it is the reference.
    if (haveFitsverify) tools.push({ name: 'fitsverify -q', run: () => timedCpu('fitsverify', ['-q', fz]) });
    tools.push({
      name: 'funpack -S > /dev/null',
      run: () => timedCpu('sh', ['-c', `funpack -S '${fz}' > /dev/null`]),
    });
    rows.push(
      ...cpuTable(
        `the 207 MB image, fpack'd (${(statSync(fz).size / 1e6).toFixed(0)} MB .fits.fz)`,
        tools,
        args.reps,
      ),
    );
  }
  if (args.cases.includes('bz2') && process.env.BENCH_LARGE === '1') {
    const cache = process.env.BENCH_CACHE ?? join(tmpdir(), 'hlsp-validate-bench');
    mkdirSync(cache, { recursive: true });
    const bz2 = join(cache, 'big2g.fits.bz2');
    if (!existsSync(bz2)) {
      process.stderr.write(`preparing a 2 GB .fits.bz2 in ${cache} (once)…\n`);
      await makeHugeBzip2(bz2);
    }
    const run = timedCpu(process.execPath, ourArgs([bz2]));
    rows.push(
      '',
      `2.1 GB image as .fits.bz2 (${(statSync(bz2).size / 1e6).toFixed(0)} MB), one run: ${run.seconds.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB (exit ${run.status})`,
    );
  }
  return rows;
}

/**
 * The kernel's copy into the reader's buffer: system CPU time of reading a file from the page cache
 * into the page-aligned buffer, a `Buffer.allocUnsafe` one, and one 16 bytes into a page.
 */
async function readCopyCost(path: string, reps: number): Promise<string> {
  const { openSync, readSync, closeSync } = await import('node:fs');
  const { readBuffer, READ_BYTES } = (await import(
    join(ROOT, 'dist/fits/wasm/ones-sum.js')
  )) as typeof import('../src/fits/wasm/ones-sum.js');
  const { Memory } = (
    globalThis as unknown as { WebAssembly: { Memory: new (d: object) => { buffer: ArrayBuffer } } }
  ).WebAssembly;
  const memory = new Memory({ initial: READ_BYTES / 65536 + 1 });
  const buffers: [string, Buffer][] = [
    ['page-aligned', readBuffer()],
    ['Buffer.allocUnsafe', Buffer.allocUnsafe(READ_BYTES)],
    ['16 bytes into a page', Buffer.from(memory.buffer, 16, READ_BYTES)],
  ];
  const fd = openSync(path, 'r');
  const size = statSync(path).size;
  const times = new Map<string, number[]>(buffers.map(([name]) => [name, []]));
  for (let rep = 0; rep < Math.max(5, reps * 3); rep++)
    for (const [name, buffer] of buffers) {
      const before = process.cpuUsage();
      for (let at = 0; at < size; at += READ_BYTES)
        readSync(fd, buffer, 0, Math.min(READ_BYTES, size - at), at);
      times.get(name)!.push(process.cpuUsage(before).system / 1e6);
    }
  closeSync(fd);
  const rate = (name: string) => (size / median(times.get(name)!) / 1e9).toFixed(1);
  return `kernel copy of a 207 MB file from the page cache, 1 MiB reads (system CPU, median): ${buffers.map(([name]) => `${name} ${rate(name)} GB/s`).join(', ')}`;
}

await main();
