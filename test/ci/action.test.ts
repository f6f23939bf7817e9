/**
 * The GitHub Action: action.yml's shape, and its script (scripts/action.mjs) run as the runner
 * runs it, in a temporary workspace with fake GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, on the
 * demo collections. It runs the built tool (`npm run build`); without a build it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'action.mjs');
const built = existsSync(join(REPO, 'dist', 'cli', 'program.js'));
if (!built) console.warn('\n*** dist/ not built: the action script tests are SKIPPED (run npm run build).\n');

/** A GitHub Actions expression as written in action.yml: `${{ inner }}`. */
const expression = (inner: string) => `$\{{ ${inner} }}`;

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

describe('action.yml', () => {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8'));

  it('is a composite action with the documented inputs, each passed to the script', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual([
      'path',
      'project',
      'mast',
      'require-mast',
      'format',
      'summary',
      'upload-sarif',
    ]);
    const check = action.runs.steps.find((step: { id?: string }) => step.id === 'check');
    const passed = Object.values(check.env as Record<string, string>);
    for (const name of Object.keys(action.inputs).filter((input) => input !== 'upload-sarif'))
      expect(passed).toContain(expression(`inputs.${name}`));
  });

  it('never pastes an input into a shell command (a path could run code)', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run).not.toMatch(/\$\{\{/);
  });

  it('uploads the SARIF report and then fails the job with the check exit code', () => {
    const [, upload, fail] = action.runs.steps;
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with.sarif_file).toBe(expression('steps.check.outputs.sarif-file'));
    expect(upload.if).toMatch(/^always\(\)/);
    expect(fail.if).toBe('always()');
    expect(fail.run).toMatch(/^exit "\$\{EXIT_CODE:-2\}"$/);
    expect(fail.env.EXIT_CODE).toBe(expression('steps.check.outputs.exit-code'));
    expect(action.outputs['exit-code'].value).toBe(expression('steps.check.outputs.exit-code'));
  });
});

describe.skipIf(!built)('scripts/action.mjs', () => {
  const work = mkdtempSync(join(tmpdir(), 'hlsp-action-'));
  const runnerTemp = join(work, 'runner-temp');
  const validateSarif = (() => {
    const ajv = new AjvDraft04.default({ strict: false });
    addFormats.default(ajv);
    return ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas/sarif-2.1.0.json'), 'utf8')));
  })();

  beforeAll(() => {
    cpSync(join(REPO, 'fixtures/demo'), join(work, 'ws-demo', 'data'), { recursive: true });
    cpSync(join(REPO, 'fixtures/demo-broken'), join(work, 'ws-broken', 'data'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  let runs = 0;
  function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
    runs++;
    const outputFile = join(work, `output-${runs}`);
    const summaryFile = join(work, `summary-${runs}.md`);
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '# an earlier step\n');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: join(work, workspace),
      GITHUB_ACTION_PATH: REPO,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      XDG_CACHE_HOME: join(work, 'cache'),
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name}`] = value;
    const result = spawnSync(process.execPath, [SCRIPT], {
      cwd: join(work, workspace),
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs,
      summary: readFileSync(summaryFile, 'utf8'),
    };
  }

  it('passes the demo: exit 0, the outputs, a valid SARIF file, and the job summary', () => {
    const run = runAction('ws-demo', { PATH: 'data', MAST: 'cache' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.outputs).toEqual({
      'exit-code': '0',
      verdict: 'PASS',
      'sarif-file': join(runnerTemp, 'hlsp-validate', 'hlsp-validate.sarif'),
      'json-file': join(runnerTemp, 'hlsp-validate', 'hlsp-validate.json'),
    });
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true);
    expect(run.summary.startsWith('# an earlier step\n## ✅ hlsp-validate: PASS')).toBe(true);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^hlsp-validate: PASS/);
  });

  it('fails the broken demo with exit 1, annotations and alerts on the files in the repository', () => {
    const run = runAction('ws-broken', { PATH: 'data', MAST: 'cache' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.verdict).toBe('FAIL');
    expect(run.stdout).toMatch(
      /^::error file=data\/images\/hlsp_nirdemo_jwst_nircam_smacs0723_f150w_v1\.0_i2d\.fits,/m,
    );
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true);
    const locations = sarif.runs[0].results.map(
      (result: {
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[];
      }) => result.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(locations.length).toBeGreaterThan(20);
    for (const location of locations) {
      expect(location.uri).toMatch(/^data\//);
      expect(location.uriBaseId).toBe('%SRCROOT%');
      expect(existsSync(join(work, 'ws-broken', decodeURI(location.uri)))).toBe(true);
    }
    expect(run.summary).toContain('## ❌ hlsp-validate: FAIL');
    expect(run.summary).toContain('#### images/hlsp_nirdemo_jwst_nircam_smacs0723_f150w_v1.0_i2d.fits');
  });

  it('fails a passing collection with exit 1 when MAST is required and not asked', () => {
    const run = runAction('ws-demo', { PATH: 'data', MAST: 'offline', REQUIRE_MAST: 'true' });
    expect(run.status).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.outputs.verdict).toBe('PASS');
    expect(run.stderr).toMatch(/the MAST cross-reference is required .* but did not happen/);
    expect(run.summary).toContain(
      '**The MAST cross-reference is required but did not happen, so the run fails:**',
    );
  });

  it('writes the formats asked for, and no job summary when told not to', () => {
    const junit = join(work, 'hlsp-junit.xml');
    const run = runAction('ws-broken', {
      PATH: 'data',
      MAST: 'cache',
      FORMAT: `stylish, junit:${junit}`,
      SUMMARY: 'false',
    });
    expect(run.status).toBe(1);
    expect(readFileSync(junit, 'utf8')).toMatch(/^<\?xml/);
    expect(run.stdout).toMatch(
      /data: [0-9]+ products, [0-9]+ support files?(, [0-9]+ files? not checked| checked) · FAIL/,
    );
    expect(run.summary).toBe('# an earlier step\n');
  });

  it('stops with exit 2 on a wrong input, before any checking, and leaves no stale report', () => {
    const run = runAction('ws-demo', { PATH: 'data', MAST: 'sometimes' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "hlsp-validate action: input mast must be one of online, cache, offline, got 'sometimes'\n",
    );
    expect(run.outputs).toEqual({ 'exit-code': '2' });
    const flag = runAction('ws-demo', { PATH: 'data', REQUIRE_MAST: 'yes' });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/input require-mast must be true or false, got 'yes'/);
  });

  it('exits 2 with no reports when the path does not exist (an earlier run left some)', () => {
    expect(existsSync(join(runnerTemp, 'hlsp-validate', 'hlsp-validate.sarif'))).toBe(true);
    const run = runAction('ws-demo', { PATH: 'no-such-dir', MAST: 'cache' });
    expect(run.status).toBe(2);
    expect(run.outputs).toEqual({ 'exit-code': '2', verdict: '', 'sarif-file': '', 'json-file': '' });
    expect(run.stderr).toMatch(/no-such-dir/);
  });
});

describe('docs/ci.md and the README', () => {
  const guide = readFileSync(join(REPO, 'docs/ci.md'), 'utf8');
  const sections = Object.fromEntries(
    guide
      .split(/^## /m)
      .slice(1)
      .map((section) => [section.slice(0, section.indexOf('\n')), section]),
  );

  it('shows GitHub, GitLab and a plain shell, each with --require-mast', () => {
    expect(Object.keys(sections)).toEqual(
      expect.arrayContaining(['GitHub Actions', 'GitLab CI', 'A plain shell (any CI)']),
    );
    expect(sections['GitHub Actions']).toContain('require-mast: true');
    expect(sections['GitLab CI']).toContain('--require-mast');
    expect(sections['A plain shell (any CI)']).toContain('--require-mast');
  });

  it('uses only inputs the action has', () => {
    const inputs = Object.keys(parse(readFileSync(join(REPO, 'action.yml'), 'utf8')).inputs);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const inCi = readme.slice(readme.indexOf('## In CI'), readme.indexOf('## As a library'));
    expect(inCi).toContain('uses: hlsp-validate/hlsp-validate@v1');
    let checked = 0;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const step = node as { uses?: unknown; with?: Record<string, unknown> };
        if (typeof step.uses === 'string' && step.uses.startsWith('hlsp-validate/hlsp-validate@')) {
          checked++;
          for (const input of Object.keys(step.with ?? {})) expect(inputs).toContain(input);
        }
        Object.values(node).forEach(visit);
      }
    };
    for (const text of [inCi, sections['GitHub Actions']!])
      for (const block of text.matchAll(/```yaml\n([\s\S]*?)```/g)) visit(parse(block[1]!));
    expect(checked).toBe(3);
  });
});
