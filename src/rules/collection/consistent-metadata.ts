import type { CollectionRule, FileRecord } from '../../types.js';
import { plural } from '../../util/plural.js';

const KEYWORDS = ['HLSPID', 'HLSPVER', 'DOI', 'LICENSE', 'HLSPLEAD'] as const;
const SHOW_FILES = 5;

function expectedFromSettings(
  keyword: (typeof KEYWORDS)[number],
  settings: { project?: string; doi?: string; lead?: string; version?: string },
): string | undefined {
  switch (keyword) {
    case 'HLSPID':
      return settings.project;
    case 'DOI':
      return settings.doi;
    case 'HLSPLEAD':
      return settings.lead;
    case 'HLSPVER':
      return settings.version;
    default:
      return undefined;
  }
}

const comparable = (keyword: string, value: string) =>
  keyword === 'HLSPID' ? value.trim().toLowerCase() : value.trim();

export const consistentMetadata: CollectionRule = {
  meta: {
    id: 'collection/consistent-metadata',
    description:
      'HLSPID, HLSPVER, DOI, LICENSE and HLSPLEAD are the same in every FITS file and agree with hlsp.config.json.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'One collection has one id, version, DOI, licence and lead. One finding is given per odd value, naming the files that carry it, not one per file.',
    source: 'MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    const fits = context.files.filter((file) => file.kind === 'fits' || file.kind === 'fits.gz');
    for (const keyword of KEYWORDS) {
      const groups = new Map<string, FileRecord[]>();
      for (const file of fits) {
        const raw = file.header[keyword];
        if (typeof raw !== 'string') continue;
        const key = comparable(keyword, raw);
        const group = groups.get(key);
        if (group) group.push(file);
        else groups.set(key, [file]);
      }
      if (groups.size === 0) continue;
      const configured = expectedFromSettings(keyword, context.settings);
      const expected =
        configured !== undefined
          ? comparable(keyword, configured)
          : [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0]![0];
      for (const [value, files] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (value === expected) continue;
        const names = files.map((f) => f.path).sort();
        const shown =
          names.slice(0, SHOW_FILES).join(', ') +
          (names.length > SHOW_FILES ? ` and ${names.length - SHOW_FILES} more` : '');
        report({
          path: names[0]!,
          keyword,
          message: `${keyword} = '${value}' in ${plural(files.length, 'file')} (${shown}), but the collection's ${keyword} is '${expected}'${configured !== undefined ? ' (from hlsp.config.json)' : ''}`,
          hint: `set ${keyword} = '${expected}' in ${files.length === 1 ? 'this file' : 'these files'}, the same as the rest of the collection`,
        });
      }
    }
  },
};
