import { Command, Option } from 'commander';
import { ConfigError } from '../config/config.js';
import { InputError } from '../discover/discover.js';
import { VERSION } from '../version.js';
import { FORMAT_NAMES, parseInteger, UsageError } from './common.js';
import { handleInterrupts } from './interrupt.js';

export const COMMANDS = ['check', 'names', 'manifest', 'rules', 'merge', 'init', 'help'];

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Exit codes: 0 no errors, 1 errors found, 2 the tool could not do its job. */
async function run(action: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) {
      process.stderr.write(`hlsp-validate: ${error.message}\n`);
    } else {
      process.stderr.write(
        `hlsp-validate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.stderr.write('Please report this with the command you ran.\n');
    }
    process.exitCode = 2;
  }
}

function outputOptions(command: Command): Command {
  return command
    .option(
      '-f, --format <format>',
      `output format, repeatable; format:file writes a file (${FORMAT_NAMES.join(', ')})`,
      collect,
      [],
    )
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--no-color', 'no colours in terminal output (also NO_COLOR)');
}

function mastOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--mast <mode>',
        'MAST cross-reference: online (network + cache), cache (replay only), offline (skip)',
      ).choices(['online', 'cache', 'offline']),
    )
    .option('--mast-url <url>', 'MAST base URL (env MAST_URL; default https://mast.stsci.edu)')
    .option('--cache-dir <dir>', 'MAST response cache (default $XDG_CACHE_HOME/hlsp-validate)')
    .option('-c, --config <file>', 'configuration file (default: hlsp.config.json searched upward)')
    .option('-p, --project <id>', "the collection's HLSP id (proj-id)");
}

function pluginOption(command: Command): Command {
  return command.option(
    '--plugin <module>',
    'load more rules from an ES module that exports `rules` (a path or file URL), repeatable',
    collect,
    [],
  );
}

export function buildProgram(): Command {
  const program = new Command('hlsp-validate')
    .description('Check a High Level Science Product (HLSP) collection before it is delivered to MAST.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const check = program
    .command('check')
    .description('check files and directories of a collection (the default command)')
    .argument('<path...>', 'collection directory, or files');
  pluginOption(mastOptions(outputOptions(check)))
    .option('--html <file>', 'also write the HTML report to this file')
    .option(
      '-j, --jobs <n>',
      'threads: the main thread and n-1 workers for the per-file pass (from 2,000 files), and the helpers of each file from 512 MiB (its SHA-256 and data sums); default: one per core, the workers started only when the collection is big enough to repay them',
      parseInteger('--jobs', 1),
    )
    .option(
      '--shard <k/n>',
      'check only shard k of n (also HLSP_SHARD, or JOB_COMPLETION_INDEX + HLSP_SHARD_COUNT)',
    )
    .option('--baseline <file>', 'report only findings not accepted in this baseline')
    .option('--update-baseline', 'write the current findings to the --baseline file first')
    .option(
      '--max-warnings <n>',
      'exit 1 when there are more warnings than this',
      parseInteger('--max-warnings', 0),
    )
    .option(
      '--require-mast',
      'exit 1 when the MAST cross-reference did not happen (MAST unreachable, an answer missing from the cache, --mast offline); also mast.required in the config',
    )
    .option('--no-require-mast', 'do not require it, whatever the config says (e.g. for --shard runs)')
    .option('-q, --quiet', 'report errors only')
    .option('--no-progress', 'no progress line on stderr')
    .option('--no-hash', 'do not compute SHA-256 of each file (faster; sha256 is null in the report)')
    .option(
      '--max-inflated-bytes <n>',
      'stop reading a .gz file after this many decompressed bytes (default 8 GiB)',
      parseInteger('--max-inflated-bytes', 1),
    )
    .action((paths: string[], options) =>
      run(async () => (await import('./check.js')).checkCommand(paths, options)),
    );

  pluginOption(outputOptions(program.command('names')))
    .description('check bare file names against the naming rules (no files needed)')
    .argument('<name...>', 'file names')
    .option('--project <id>', "the collection's HLSP id (proj-id)")
    .action((names: string[], options) =>
      run(async () => (await import('./names.js')).namesCommand(names, options)),
    );

  program
    .command('manifest')
    .description(
      'write the delivery manifest (CSV: path, size, sha256, product type, target, filters, dates, source ids)',
    )
    .argument('<dir>', 'collection directory')
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--config <file>', 'configuration file')
    .option('--project <id>', "the collection's HLSP id")
    .action((dir: string, options) =>
      run(async () => (await import('./manifest.js')).manifestCommand(dir, options)),
    );

  program
    .command('rules')
    .description('list every rule with its id, default severity, description and docs link')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action((options) => run(async () => (await import('./rules.js')).rulesCommand(options)));

  mastOptions(outputOptions(program.command('merge')))
    .description('merge JSON reports (e.g. from --shard runs) into one report')
    .argument('<report...>', 'JSON reports written with --format json')
    .option('--html <file>', 'also write the HTML report to this file')
    .action((paths: string[], options) =>
      run(async () => (await import('./merge.js')).mergeCommand(paths, options)),
    );

  program
    .command('init')
    .description('write a starter hlsp.config.json in the current directory (asks on a terminal)')
    .option('-p, --project <id>', "the collection's HLSP id (proj-id)")
    .option('--title <text>', 'the long title of the collection (HLSPNAME)')
    .option('--lead <name>', 'the full name of the HLSP lead (HLSPLEAD)')
    .option('--doi <doi>', 'the collection DOI, once MAST has assigned it (10.17909/…)')
    .option('--force', 'replace an existing hlsp.config.json')
    .action((options) => run(async () => (await import('./init.js')).initCommand(options)));

  return program;
}

/** Runs the command line; a first argument that is not a command is taken as a path for `check`. */
export async function main(argv: string[]): Promise<void> {
  // `hlsp-validate rules | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  handleInterrupts();
  const args = argv.slice(2);
  const first = args[0];
  if (first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first)) args.unshift('check');
  const program = buildProgram();
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    // Option parsers throw UsageError; commander has already printed its own errors.
    if (error instanceof UsageError) process.stderr.write(`hlsp-validate: ${error.message}\n`);
    const code = (error as { exitCode?: number }).exitCode;
    // commander exits 0 for --help/--version; usage errors become 2.
    process.exitCode = code === 0 ? 0 : 2;
  }
}
