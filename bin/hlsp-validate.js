#!/usr/bin/env node
// Answer --version without loading the program, so that it starts fast.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // The bundled build (npm run build) loads a few files instead of about 150 modules.
  const { existsSync } = await import('node:fs');
  const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
  const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/program.js');
  await main(process.argv);
}
