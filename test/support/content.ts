/** Runs content readers and rules on text written to a scratch file, for unit tests of single rules. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseName } from '../../src/naming/parse.js';
import { readCsv } from '../../src/readers/csv.js';
import { readEcsv } from '../../src/readers/ecsv.js';
import { type ContentLimits, DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { readVotable } from '../../src/readers/votable.js';
import type { ContentContext, ContentRule, ReadContent } from '../../src/types.js';
import type { RuleFinding } from './rule-harness.js';
import { scratchDir } from './scratch.js';

const scratch = scratchDir('hlsp-content-test-');
let counter = 0;

/** Writes the bytes under `name` (gzip when it ends in .gz) and returns the path. */
export function scratchFile(name: string, content: string | Buffer): string {
  const dir = join(scratch, String(counter++));
  const path = join(dir, name);
  mkdirSync(dir, { recursive: true });
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
  return path;
}

export async function readAs(
  format: 'ecsv' | 'text' | 'votable',
  name: string,
  content: string | Buffer,
  limits: Partial<ContentLimits> = {},
): Promise<ReadContent> {
  const path = scratchFile(name, content);
  const source = { path, size: 0, gzip: name.endsWith('.gz') };
  const all = { ...DEFAULT_CONTENT_LIMITS, ...limits };
  if (format === 'votable') return readVotable(source, all);
  return format === 'ecsv' ? readEcsv(source, all) : readCsv(source, all);
}

export function contentContext(
  name: string,
  format: string,
  content: ReadContent,
  profiles: string[] = [],
  settings: ContentContext['settings'] = {},
): ContentContext {
  return { path: name, name, parsed: parseName(name), format, content, settings, profiles };
}

/** Reads the text as `format` and runs the rules on it. */
export async function runContentRules(
  rules: ContentRule[],
  name: string,
  content: string | Buffer,
  options: {
    limits?: Partial<ContentLimits>;
    profiles?: string[];
    settings?: ContentContext['settings'];
  } = {},
): Promise<RuleFinding[]> {
  const lower = name.toLowerCase();
  const format = lower.includes('.ecsv')
    ? 'ecsv'
    : /\.(vot|votable|xml)(\.gz)?$/.test(lower)
      ? 'votable'
      : 'text';
  const read = await readAs(format, name, content, options.limits);
  const context = contentContext(name, format, read, options.profiles, options.settings);
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (!rule.meta.formats?.includes(format)) continue;
    rule.check(context, (finding) =>
      findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
    );
  }
  return findings;
}

/** An ECSV text from a header (YAML lines, without '# ') and body lines. */
export function ecsv(yaml: string[], body: string[]): string {
  return ['# %ECSV 1.0', '# ---', ...yaml.map((line) => `# ${line}`), ...body, ''].join('\n');
}

/** A VOTable with one TABLE of the given FIELD elements (XML) and rows (TD texts), as TABLEDATA. */
export function votable(fields: string[], rows: string[][], extra = ''): string {
  const tr = rows.map((row) => `<TR>${row.map((cell) => `<TD>${cell}</TD>`).join('')}</TR>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">',
    '<RESOURCE>',
    extra,
    '<TABLE name="cat">',
    ...fields,
    '<DATA><TABLEDATA>',
    ...tr,
    '</TABLEDATA></DATA>',
    '</TABLE>',
    '</RESOURCE>',
    '</VOTABLE>',
    '',
  ].join('\n');
}
