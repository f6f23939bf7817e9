#!/usr/bin/env node
/**
 * The body of the GitHub Action (action.yml): runs `hlsp-validate check` with the action's inputs,
 * writes the SARIF and JSON reports for the steps after it, and records the exit code, the verdict
 * and the report paths as step outputs. It exits with the check's exit code; action.yml runs the
 * SARIF upload first and then fails the job with that code.
 *
 * Inputs come as environment variables (INPUT_PATH, INPUT_PROJECT, INPUT_MAST,
 * INPUT_REQUIRE_MAST, INPUT_FORMAT, INPUT_SUMMARY), never pasted into a shell command: a
 * pull request cannot run code through a path or project name.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAST_MODES = ['online', 'cache', 'offline'];

export class ActionInputError extends Error {}

function flag(name, value) {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  throw new ActionInputError(`input ${name} must be true or false, got '${value}'`);
}

/** The action's inputs, checked: a wrong one stops the action with exit 2 before any checking. */
export function readInputs(env) {
  const paths = (env.INPUT_PATH ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const mast = (env.INPUT_MAST ?? '').trim();
  if (mast && !MAST_MODES.includes(mast))
    throw new ActionInputError(`input mast must be one of ${MAST_MODES.join(', ')}, got '${mast}'`);
  const formats = (env.INPUT_FORMAT ?? '')
    .split(/[\s,]+/)
    .map((format) => format.trim())
    .filter(Boolean);
  return {
    paths: paths.length > 0 ? paths : ['.'],
    project: (env.INPUT_PROJECT ?? '').trim(),
    mast,
    requireMast: flag('require-mast', env.INPUT_REQUIRE_MAST),
    formats: formats.length > 0 ? formats : ['github'],
    summary:
      env.INPUT_SUMMARY === undefined || env.INPUT_SUMMARY.trim() === ''
        ? true
        : flag('summary', env.INPUT_SUMMARY),
  };
}

/** The arguments of `hlsp-validate`, with the SARIF and JSON reports written into outDir. */
export function checkArguments(inputs, outDir) {
  const args = ['check', ...inputs.paths, '--no-progress'];
  for (const format of inputs.formats) args.push('--format', format);
  args.push('--format', `sarif:${join(outDir, 'hlsp-validate.sarif')}`);
  args.push('--format', `json:${join(outDir, 'hlsp-validate.json')}`);
  if (inputs.project) args.push('--project', inputs.project);
  if (inputs.mast) args.push('--mast', inputs.mast);
  if (inputs.requireMast) args.push('--require-mast');
  return args;
}

/**
 * Which hlsp-validate to run: the one the repository installed (its pinned version), else this
 * action's own build when it has one, else the published version of this action's release.
 */
export function resolveCommand(workspace, actionPath) {
  const installed = join(workspace, 'node_modules', 'hlsp-validate', 'bin', 'hlsp-validate.js');
  if (existsSync(installed)) return { command: process.execPath, args: [installed] };
  const own = join(actionPath, 'bin', 'hlsp-validate.js');
  if (
    existsSync(join(actionPath, 'dist', 'cli', 'program.js')) &&
    existsSync(join(actionPath, 'node_modules'))
  )
    return { command: process.execPath, args: [own] };
  const { version } = JSON.parse(readFileSync(join(actionPath, 'package.json'), 'utf8'));
  return { command: 'npx', args: ['--yes', `hlsp-validate@${version}`] };
}

/**
 * SARIF paths are relative to the collection root; GitHub resolves them against the repository
 * root. Prefixing the collection's place in the repository puts each alert on its file.
 */
export function rebaseSarif(log, prefix) {
  if (!prefix) return log;
  const encoded = prefix.split('/').map(encodeURIComponent).join('/');
  const rebase = (location) => {
    const artifact = location?.physicalLocation?.artifactLocation;
    if (artifact?.uriBaseId !== 'COLLECTION') return;
    artifact.uri = artifact.uri === '.' ? encoded : `${encoded}/${artifact.uri}`;
    artifact.uriBaseId = '%SRCROOT%';
  };
  for (const run of log.runs ?? []) {
    for (const result of run.results ?? []) for (const location of result.locations ?? []) rebase(location);
    for (const invocation of run.invocations ?? [])
      for (const notification of invocation.toolExecutionNotifications ?? [])
        for (const location of notification.locations ?? []) rebase(location);
    run.originalUriBaseIds = { '%SRCROOT%': { description: { text: 'The root of the repository' } } };
  }
  return log;
}

/** Where the checked collection sits in the workspace, '/'-separated; '' at the root or outside it. */
export function collectionPrefix(workspace, root) {
  if (!root) return '';
  let directory = resolve(workspace, root);
  try {
    if (!statSync(directory).isDirectory()) directory = dirname(directory);
  } catch {
    return '';
  }
  const inWorkspace = relative(workspace, directory);
  if (inWorkspace === '' || inWorkspace.startsWith('..') || isAbsolute(inWorkspace)) return '';
  return inWorkspace.split(sep).join('/');
}

function writeOutputs(file, outputs) {
  const lines = Object.entries(outputs).map(([name, value]) => {
    if (/[\r\n]/.test(value)) throw new Error(`output ${name} has a line break`);
    return `${name}=${value}\n`;
  });
  if (file) appendFileSync(file, lines.join(''));
  else process.stdout.write(lines.join(''));
}

export function main(env = process.env) {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const actionPath = resolve(env.GITHUB_ACTION_PATH ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const outDir = join(env.RUNNER_TEMP ?? tmpdir(), 'hlsp-validate');
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error;
    process.stderr.write(`hlsp-validate action: ${error.message}\n`);
    writeOutputs(env.GITHUB_OUTPUT, { 'exit-code': '2' });
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  const sarifFile = join(outDir, 'hlsp-validate.sarif');
  const jsonFile = join(outDir, 'hlsp-validate.json');
  // A second use of the action in the job must not report the first one's results.
  rmSync(sarifFile, { force: true });
  rmSync(jsonFile, { force: true });
  const { command, args } = resolveCommand(workspace, actionPath);
  const childEnv = { ...env };
  // The CLI appends its Markdown summary to GITHUB_STEP_SUMMARY by itself.
  if (!inputs.summary) delete childEnv.GITHUB_STEP_SUMMARY;
  const result = spawnSync(command, [...args, ...checkArguments(inputs, outDir)], {
    cwd: workspace,
    env: childEnv,
    stdio: 'inherit',
  });
  if (result.error)
    process.stderr.write(`hlsp-validate action: cannot run ${command}: ${result.error.message}\n`);
  const exitCode = typeof result.status === 'number' ? result.status : 2;
  let verdict = '';
  if (existsSync(jsonFile)) {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    verdict = report.summary?.verdict ?? '';
    if (existsSync(sarifFile)) {
      const prefix = collectionPrefix(workspace, report.root);
      writeFileSync(
        sarifFile,
        `${JSON.stringify(rebaseSarif(JSON.parse(readFileSync(sarifFile, 'utf8')), prefix), null, 2)}\n`,
      );
    }
  }
  writeOutputs(env.GITHUB_OUTPUT, {
    'exit-code': String(exitCode),
    verdict,
    'sarif-file': existsSync(sarifFile) ? sarifFile : '',
    'json-file': existsSync(jsonFile) ? jsonFile : '',
  });
  return exitCode;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
