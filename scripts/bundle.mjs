/**
 * Part of `npm run build`: bundles the compiled program and its worker threads into dist/bundle/,
 * so that a run loads a few files instead of about 150 modules (a third of the start-up time).
 * The bundles sit one level below dist/, like the modules whose relative URLs they keep
 * (../generated/validators.js, ./worker.js, ./large-file-worker.js).
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'dist/cli/program.js',
    worker: 'dist/api/worker.js',
    'large-file-worker': 'dist/fits/large-file-worker.js',
  },
  absWorkingDir: new URL('..', import.meta.url).pathname,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // undici: loaded only for network runs, and as Node's own ESM interop expects it (its named exports).
  // seek-bzip calls the deprecated Buffer(); Node warns about that on stderr unless the call comes
  // from node_modules, so it is loaded from there rather than bundled.
  external: ['undici', 'seek-bzip'],
  // Bundled CommonJS packages (commander, picomatch) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log('bundled dist/bundle/');
