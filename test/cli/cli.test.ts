import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, REPO } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** sha256 of every file under a directory, to prove a run wrote nothing there. */
function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const stat = statSync(full);
      hash.update(`${full}\u0000${stat.mode}\u0000`);
      if (stat.isDirectory()) walk(full);
      else hash.update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('hlsp-validate check', () => {
  it('passes the demo contribution offline, from recorded MAST responses, and writes nothing into it', () => {
    const before = treeDigest(join(REPO, 'fixtures/demo'));
    const result = cli(['fixtures/demo']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/PASS/);
    expect(treeDigest(join(REPO, 'fixtures/demo'))).toBe(before);
  });

  it('fails the broken demo with exit 1 and prints file, HDU, keyword and offset', () => {
    const result = cli(['check', 'fixtures/demo-broken']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAIL/);
    expect(result.stdout).toMatch(/hdu 0/);
    expect(result.stdout).toMatch(/LICENSE/);
    expect(result.stdout).toMatch(/@\d+/);
  });

  it('writes a JSON report that validates against schemas/report.schema.json', () => {
    const output = join(work, 'report.json');
    const result = cli(['check', 'fixtures/demo-broken', '--format', 'json', '--output', output]);
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(output, 'utf8'));
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas/report.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary.verdict).toBe('FAIL');
    expect(report.findings.length).toBe(
      report.summary.errors + report.summary.warnings + report.summary.infos,
    );
  });

  it('gives byte-identical JSON on two runs, apart from the time fields', () => {
    const strip = (text: string) => text.replace(/"startedAt": "[^"]+"/, '').replace(/"durationMs": \d+/, '');
    const first = cli(['check', 'fixtures/demo-broken', '--format', 'json']);
    const second = cli(['check', 'fixtures/demo-broken', '--format', 'json']);
    expect(strip(second.stdout)).toBe(strip(first.stdout));
  });

  it('exits 2 with a clear message for a path that does not exist', () => {
    const result = cli(['check', 'no/such/dir']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/path not found: no\/such\/dir/);
  });

  it('exits 2 for an unknown option or format', () => {
    expect(cli(['check', 'fixtures/demo', '--frobnicate']).status).toBe(2);
    const result = cli(['check', 'fixtures/demo', '--format', 'pdf']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown format 'pdf'/);
  });

  it('exits 2 with a clear message for a numeric option out of range', () => {
    for (const [option, value] of [
      ['--jobs', '0'],
      ['--jobs', 'many'],
      ['--max-warnings', '-1'],
    ] as const) {
      const result = cli(['check', 'fixtures/demo', option, value]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${option} must be a whole number`);
      expect(result.stderr).toContain(`'${value}'`);
    }
  });

  it('exits 2 for a broken config, saying where and suggesting the rule id', () => {
    const dir = join(work, 'bad-config');
    cpSync(join(REPO, 'fixtures/demo'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'hlsp.config.json'),
      JSON.stringify({ project: 'nirdemo', rules: { 'fits/checksun': 'off' }, colour: true }),
    );
    const result = cli(['check', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/did you mean 'fits\/checksum'/);
    expect(result.stderr).toMatch(/unknown setting 'colour'/);
  });

  it('turns rules off and changes severities from the config', () => {
    const dir = join(work, 'relaxed');
    cpSync(join(REPO, 'fixtures/demo-broken'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'hlsp.config.json'), 'utf8'));
    config.rules = {
      format: 'off',
      fits: 'off',
      hlsp: 'off',
      name: 'off',
      image: 'off',
      collection: 'warning',
      mast: 'off',
      parquet: 'off',
    };
    writeFileSync(join(dir, 'hlsp.config.json'), JSON.stringify(config));
    const result = cli(['check', dir, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(
      report.findings.every(
        (f: { ruleId: string; severity: string }) =>
          f.ruleId.startsWith('collection/') && f.severity === 'warning',
      ),
    ).toBe(true);
    expect(result.status).toBe(0);
  });

  it('runs no MAST pass when the config turns the MAST rules off, and never lists a rule that is off as not checked', () => {
    const dir = join(work, 'no-mast');
    cpSync(join(REPO, 'fixtures/demo-broken'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'hlsp.config.json'), 'utf8'));
    const notChecked = (rules: Record<string, string>) => {
      writeFileSync(join(dir, 'hlsp.config.json'), JSON.stringify({ ...config, rules }));
      const report = JSON.parse(cli(['check', dir, '--format', 'json', '--mast', 'offline']).stdout);
      return { ids: report.notChecked.map((n: { ruleId: string }) => n.ruleId) as string[], report };
    };
    const all = notChecked({});
    expect(all.ids).toContain('mast/observation-exists');
    expect(all.ids).toContain('mast/exclusive-access');
    expect(all.report.mast.mode).toBe('offline');
    const one = notChecked({ 'mast/exclusive-access': 'off' });
    expect(one.ids).toContain('mast/observation-exists');
    expect(one.ids).not.toContain('mast/exclusive-access');
    const none = notChecked({ mast: 'off' });
    expect(none.ids.filter((id) => id.startsWith('mast/'))).toEqual([]);
    expect(none.report.mast).toBeUndefined();
    expect(none.report.findings.some((f: { ruleId: string }) => f.ruleId.startsWith('mast/'))).toBe(false);
  });

  it('--max-warnings turns warnings into exit 1, --quiet keeps errors only', () => {
    const dir = join(work, 'warnings');
    cpSync(join(REPO, 'fixtures/demo'), dir, { recursive: true });
    writeFileSync(join(dir, 'hlsp_nirdemo_readme.md'), 'Just images.\n');
    rmSync(join(dir, 'hlsp_nirdemo_manifest.csv'));
    expect(cli(['check', dir]).status).toBe(0);
    expect(cli(['check', dir, '--max-warnings', '0']).status).toBe(1);
    const quiet = JSON.parse(cli(['check', dir, '--quiet', '--format', 'json']).stdout);
    expect(quiet.findings).toEqual([]);
  });

  it('writes several formats in one run', () => {
    const json = join(work, 'multi.json');
    const sarif = join(work, 'multi.sarif');
    const html = join(work, 'multi.html');
    const result = cli([
      'check',
      'fixtures/demo-broken',
      '--format',
      'stylish',
      '--format',
      `json:${json}`,
      '--format',
      `sarif:${sarif}`,
      '--html',
      html,
    ]);
    expect(result.stdout).toMatch(/FAIL/);
    expect(JSON.parse(readFileSync(json, 'utf8')).summary.verdict).toBe('FAIL');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it("accepts today's findings in a baseline and reports only new ones", () => {
    const dir = join(work, 'baseline');
    cpSync(join(REPO, 'fixtures/demo-broken'), dir, { recursive: true });
    const baseline = join(work, 'baseline.json');
    expect(cli(['check', dir, '--baseline', baseline, '--update-baseline']).status).toBe(0);
    expect(cli(['check', dir, '--baseline', baseline]).status).toBe(0);
    writeFileSync(join(dir, 'images', 'notes~'), 'editor backup');
    const report = JSON.parse(cli(['check', dir, '--baseline', baseline, '--format', 'json']).stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['collection/stray-file']);
    expect(report.baseline.suppressed).toBeGreaterThan(10);
  });

  it('prints no colour codes when NO_COLOR is set or output is not a terminal', () => {
    expect(cli(['check', 'fixtures/demo-broken']).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('hlsp-validate names', () => {
  it('passes a good name and fails a bad one, with a reason for each field', () => {
    const result = cli([
      'names',
      '--project',
      'ceers',
      'hlsp_ceers_jwst_nircam_egs_f200w_v1.0_i2d.fits',
      'HLSP_ceers_jwst_nircam_egs_f200w_v1-1_i2d.fits',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { path: string; verdict: string }) => [f.path, f.verdict])).toEqual([
      ['HLSP_ceers_jwst_nircam_egs_f200w_v1-1_i2d.fits', 'FAIL'],
      ['hlsp_ceers_jwst_nircam_egs_f200w_v1.0_i2d.fits', 'PASS'],
    ]);
    const messages = report.findings.map((f: { message: string }) => f.message).join('\n');
    expect(messages).toMatch(/HLSP/);
    expect(messages).toMatch(/v1-1/);
  });
});

describe('hlsp-validate manifest, rules, init, --version, --help', () => {
  it('writes the same manifest as the one shipped with the demo', () => {
    const result = cli(['manifest', 'fixtures/demo']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(REPO, 'fixtures/demo/hlsp_nirdemo_manifest.csv'), 'utf8'));
  });

  it('lists rules as text, JSON and Markdown', () => {
    const rules = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    expect(rules.length).toBeGreaterThan(30);
    for (const rule of rules)
      expect(rule.docs).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
    expect(cli(['rules']).stdout).toMatch(/fits\/checksum/);
    expect(cli(['rules', '--format', 'markdown']).stdout).toBe(
      readFileSync(join(REPO, 'docs/rules.md'), 'utf8'),
    );
    // The README's rule list is generated too; `npm run generate` refreshes both.
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const rule of rules) expect(readme, rule.id).toContain(`\`${rule.id}\` (${rule.severity})`);
  });

  it('init writes a config that validates, and refuses to overwrite it', () => {
    const dir = join(work, 'init');
    cpSync(join(REPO, 'fixtures/demo'), dir, {
      recursive: true,
      filter: (src) => !src.endsWith('hlsp.config.json'),
    });
    expect(cli(['init', '--project', 'nirdemo'], { cwd: dir }).status).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'hlsp.config.json'), 'utf8'));
    expect(config.$schema).toMatch(/config\.schema\.json$/);
    expect(config.project).toBe('nirdemo');
    const again = cli(['init'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(cli(['check', '.', '--mast', 'offline'], { cwd: dir }).status).not.toBe(2);
  });

  it('prints the version and help', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['check', 'names', 'manifest', 'rules', 'merge', 'init'])
      expect(help.stdout).toContain(command);
    expect(cli(['check', '--help']).stdout).toMatch(/--max-warnings/);
  });
});
