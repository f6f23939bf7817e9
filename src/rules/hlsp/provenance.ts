import type { Hdu } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';
import { readStop } from './support/causes.js';
import { textOf } from './support/keywords.js';

const FILEID = /^FILEID[0-9]{2,}$/;

function hasFileId(hdu: Hdu): boolean {
  for (const keyword of hdu.keywords.keys())
    if (keyword.startsWith('FILEID') && FILEID.test(keyword)) return true;
  return false;
}

export const provenance: FitsRule = {
  meta: {
    id: 'hlsp/provenance',
    description:
      'The product says which observations it was made from: FILEIDnn keywords or a PROVENANCE table extension.',
    severity: 'warning',
    scope: 'fits',
    rationale:
      'MAST links each HLSP to its source data through FILEIDnn (MAST observation ids or file names) or a PROVENANCE extension; without them the link is lost. JWST stage-3 products may carry an HDRTAB, which also counts.',
    source: 'MAST HLSP Contributor Guide, Provenance Metadata',
  },
  check(context, report) {
    const { fits } = context;
    // An empty or unreadable file has its one finding from fits/file-readable.
    if (fits.hdus.length === 0) return;
    if (fits.hdus.some(hasFileId)) return;
    const hasTable = fits.hdus.some((hdu) =>
      ['PROVENANCE', 'HDRTAB'].includes(textOf(hdu.keywords.get('EXTNAME'))?.toUpperCase() ?? ''),
    );
    if (hasTable) return;
    if (
      fits.hdus.some(
        (hdu) =>
          hdu.keywords.get('SIMULATD')?.value?.type === 'logical' &&
          (hdu.keywords.get('SIMULATD')!.value as { value: boolean }).value,
      )
    )
      return;
    // FILEIDnn or the PROVENANCE table may be in the part of the file that could not be read.
    const stop = readStop(fits);
    if (stop?.firstUnread === 0) return;
    report({
      ...(stop ? { causedBy: stop.cause } : {}),
      hdu: 0,
      keyword: 'FILEID01',
      offset: fits.hdus[0]?.headerOffset ?? 0,
      message: 'the file names no source observations: no FILEIDnn keywords and no PROVENANCE extension',
      hint: "add FILEID01, FILEID02… with the MAST observation ids (e.g. 'jw02736-o001_t001_nircam_clear-f200w') or file names, or a PROVENANCE table",
    });
  },
};
