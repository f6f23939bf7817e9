/**
 * The Markdown report, as a pull-request comment or the GitHub step summary shows it: findings by
 * file with their hints, plurals right, readable raw text, and hostile text kept inert in
 * GitHub-flavoured Markdown (no HTML, links, mentions, tables broken or lines added).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { markdown } from '../../src/report/markdown.js';
import type { Finding, Report } from '../../src/report/types.js';
import { HOSTILE, sampleReport } from '../support/sample-report.js';

const context = formatterContext(false);

/** Text a pull-request author controls, written to do harm in GitHub-flavoured Markdown. */
const MARKDOWN_HOSTILE = [
  '@octocat please approve.fits',
  'fixes #1 and GH-2.fits',
  '![x](https://evil.example/pixel.png).fits',
  '[click me](javascript:alert(1)).fits',
  '<details><summary>hidden</summary>.fits',
  '$\\unicode{x1F4A9}$ math.fits',
  '~~struck~~ **bold** _em_ `code`.fits',
  '&amp; &apos; &#x3C;script&#x3E;.fits',
  'www.evil.example and https://evil.example/x.fits',
  'cell | break \\| again.fits',
  'heading closer #.fits',
];

/** The text with every backslash escape taken out: what is left is what GFM would interpret. */
function unescaped(text: string): string {
  return text.replace(/\\[\s\S]/g, '');
}

/** What GitHub shows for escaped text: escapes resolved, zero-width spaces invisible. */
function rendered(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1').replace(/\u200b/g, '');
}

/** Our own markup in the report; anything else special must come escaped. */
const OWN_HTML = /<br>|<\/?details>|<\/?summary>/g;
const OWN_LINK = /\]\(https:\/\/github\.com\/hlsp-validate\/hlsp-validate\/blob\/[^\s()]+\.md\)/g;

function withFindingsOn(paths: string[]): Report {
  const report = sampleReport(paths);
  // Hostile text in every field a formatter prints, not only the path.
  report.findings = report.findings.map((finding, i) => ({
    ...finding,
    keyword: i % 3 === 0 ? paths[Math.floor(i / 3)]!.slice(0, 20) : finding.keyword,
    hint: finding.hint ?? `see ${paths[Math.floor(i / 3)]}`,
  }));
  report.baseline = { file: '@octocat|baseline.json', suppressed: 1 };
  report.mastRequired = { met: false, reason: 'MAST said <b>@octocat</b> [x](http://y)' };
  return report;
}

/** Any character, but mostly those that mean something in Markdown or to GitHub. */
const markdownHeavy = fc.oneof(
  fc.constantFrom(...'\\`*_[]<>&|~$#@:/!()w1 \n\r\u200b'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('escapeMarkdown', () => {
  it('leaves nothing for GFM to interpret, and renders as the same characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: markdownHeavy, maxLength: 60 }), (input) => {
        const escaped = escapeMarkdown(input);
        const left = unescaped(escaped);
        expect(left).not.toMatch(/[`*[\]<>&|~$#\n\r\u0000-\u001f]/);
        // An underscore is left bare only between letters or digits, where it cannot emphasise.
        for (const match of left.matchAll(/_+/g)) {
          const before = left[match.index - 1] ?? '';
          const after = left[match.index + match[0].length] ?? '';
          expect(`${before}${after}`).toMatch(/^[\p{L}\p{N}]{2}$/u);
        }
        const expected = input
          .replace(/\r\n|\r|\n/g, ' ')
          .replace(
            /[\u0000-\u001f\u007f-\u009f]/g,
            (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
          )
          .replace(/\u200b/g, '');
        expect(rendered(escaped)).toBe(expected);
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('writes quotes and apostrophes as they are, and keeps hlsp_ names readable', () => {
    expect(escapeMarkdown(`LICENSE must be 'CC BY 4.0', found "CC-BY-4.0"`)).toBe(
      `LICENSE must be 'CC BY 4.0', found "CC-BY-4.0"`,
    );
    expect(escapeMarkdown('hlsp_demo_jwst_nircam_f150w_v1.0_drz.fits')).toBe(
      'hlsp_demo_jwst_nircam_f150w_v1.0_drz.fits',
    );
    expect(escapeMarkdown('_em_ a__b')).toBe('\\_em\\_ a__b');
  });

  it('keeps mentions, issue references and bare URLs from being linked', () => {
    expect(escapeMarkdown('@octocat')).toBe('@\u200boctocat');
    expect(escapeMarkdown('see #12')).toBe('see \\#\u200b12');
    expect(escapeMarkdown('https://x.example')).toBe('https:\u200b//x.example');
    expect(escapeMarkdown('WWW.x.example')).toBe('WWW\u200b.x.example');
    expect(escapeMarkdown('a@b.example')).toBe('a@\u200bb.example');
  });
});

describe('markdown', () => {
  const report = withFindingsOn(['images/a.fits', ...HOSTILE, ...MARKDOWN_HOSTILE]);
  const md = markdown(report, context);

  it('has no entities of its own, quotes as they are', () => {
    // The one '&apos;' in a hostile name comes out escaped, as the characters it is.
    expect(md).not.toMatch(/(?<!\\)&(apos|quot|lt|gt|amp);/);
    expect(md).toContain('\\&apos;');
    expect(md).toContain(`quote"and'apostrophe.fits`);
  });

  it('keeps every table row at four cells, whatever the text', () => {
    const rows = md.split('\n').filter((line) => line.startsWith('|'));
    expect(rows.length).toBe(report.findings.length + 2 * (HOSTILE.length + MARKDOWN_HOSTILE.length + 1));
    for (const row of rows) expect(unescaped(row).split('|')).toHaveLength(6);
  });

  it('leaves no HTML, link, image, emphasis, code, math or mention of its own to hostile text', () => {
    for (const line of md.split('\n')) {
      const left = unescaped(line).replace(OWN_HTML, '').replace(OWN_LINK, '](docs)');
      expect(left, line).not.toMatch(/[<>`~$&]/);
      // Brackets only as our links to the rule documentation.
      expect(left.replace(/\[[a-z/-]+\]\(docs\)/g, ''), line).not.toMatch(/[[\]]/);
      // Emphasis only our own **error** and **Formats:** labels.
      expect(left.replace(/\*\*(error|Formats:|Not checked:|The MAST[^*]*)\*\*/g, ''), line).not.toMatch(
        /\*/,
      );
      expect(line, line).not.toMatch(/@[\p{L}\p{N}]/u);
      expect(line, line).not.toMatch(/#[0-9]/);
      expect(line.replace(OWN_LINK, ''), line).not.toMatch(/:\/\/|www\./i);
    }
    // Every hostile name is still there, as text.
    for (const name of MARKDOWN_HOSTILE) expect(rendered(md)).toContain(name.slice(0, 12));
  });

  it('adds no lines of its own from hostile text: one heading per file', () => {
    const headings = md.split('\n').filter((line) => line.startsWith('#### '));
    expect(headings).toHaveLength(1 + HOSTILE.length + MARKDOWN_HOSTILE.length);
    expect(rendered(headings.find((h) => h.includes('closer'))!)).toBe('#### heading closer #.fits');
  });

  it('shows the hint under each message, the place in the file, and links each rule to its page', () => {
    const demo = sampleReport(['images/a.fits']);
    const text = markdown(demo, context);
    expect(text).toContain('#### images/a.fits');
    expect(text).toMatch(
      /^\| \*\*error\*\* \| HDU 1 DATASUM \| bad sum in images\/a\.fits<br>→ fix images\/a\.fits \| \[fits\/checksum\]\(https:\/\/github\.com\/hlsp-validate\/hlsp-validate\/blob\/v[^)]+\/docs\/rules\/fits\/checksum\.md\) \|$/m,
    );
    expect(text).toContain('| info |  | note about images/a.fits |');
  });

  it('says 1 product, 1 error, 1 warning, never "1 files"', () => {
    const one = sampleReport(['images/a.fits']);
    const text = markdown(one, context);
    expect(text).toContain('fixtures/x: 1 product checked · 1 error, 1 warning, 1 info');
    expect(text).not.toMatch(/\b1 (files|errors|warnings|names|products)\b/);
    const many = markdown(sampleReport(['a.fits', 'b.fits']), context);
    expect(many).toContain('fixtures/x: 2 products checked · 2 errors, 2 warnings, 2 info');
    const names = markdown({ ...sampleReport(['a.fits']), root: '' }, context);
    expect(names).toMatch(/^1 name checked · /m);
  });

  it('stays within a pull-request comment: 100 findings, 50,000 characters, the rest counted', () => {
    const base = sampleReport(['big.fits']);
    const findings: Finding[] = Array.from({ length: 1000 }, (_, i) => ({
      ...base.findings[i % 3]!,
      message: `finding ${i}`,
    }));
    const text = markdown({ ...base, findings }, context);
    expect(text.split('\n').filter((line) => /^\| (\*\*error|warning|info)/.test(line))).toHaveLength(100);
    expect(text).toContain('…and 900 more findings (300 errors, 300 warnings, 300 info) in the full report.');
    const long: Finding[] = Array.from({ length: 100 }, (_, i) => ({
      ...base.findings[0]!,
      path: `${'x'.repeat(5000)}${i}.fits`,
      message: 'y'.repeat(5000),
    }));
    const capped = markdown({ ...base, findings: long }, context);
    expect(capped.length).toBeLessThan(65_536);
    expect(capped).toMatch(/…and \d+ more findings/);
  });

  it('lists each file verdict, folded, and the MAST and baseline lines', () => {
    expect(md).toContain('<details><summary>Files</summary>');
    expect(md).toContain('- FAIL · images/a.fits');
    expect(md).toContain('Baseline @\u200boctocat\\|baseline.json: 1 known finding not shown');
    expect(md).toMatch(
      /\*\*The MAST cross-reference is required but did not happen, so the run fails:\*\* MAST said \\<b\\>/,
    );
  });
});
