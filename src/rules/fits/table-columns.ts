import { intValue, parseBinaryTform, stringValue } from '../../fits/layout.js';
import type { Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { headerCards } from './support/cards.js';

const COLUMN_KEYWORD = /^(TTYPE|TFORM|TBCOL|TUNIT|TSCAL|TZERO|TNULL|TDISP|TDIM)([0-9]+)$/;
const ASCII_TFORM = /^(A[0-9]+|I[0-9]+|F[0-9]+\.[0-9]+|E[0-9]+\.[0-9]+|D[0-9]+\.[0-9]+)$/;
const TDISP =
  /^(A[0-9]+|L[0-9]+|[IBOZ][0-9]+(\.[0-9]+)?|F[0-9]+\.[0-9]+|E[NS]?[0-9]+\.[0-9]+(E[0-9]+)?|[GD][0-9]+\.[0-9]+(E[0-9]+)?)$/;

function checkTable(hdu: Hdu, report: (f: FindingInput) => void): void {
  const binary = hdu.kind === 'binary-table';
  const tfields = intValue(hdu.keywords, 'TFIELDS') ?? 0;
  const at = (keyword: string) => {
    const card = hdu.keywords.get(keyword);
    return { hdu: hdu.index, keyword, offset: card?.offset ?? hdu.headerOffset };
  };
  for (const card of headerCards(hdu)) {
    const match = COLUMN_KEYWORD.exec(card.keyword);
    if (match && Number(match[2]) > tfields) {
      report({
        ...at(card.keyword),
        offset: card.offset,
        message: `${card.keyword} refers to column ${match[2]}, but TFIELDS = ${tfields}`,
        hint: 'remove it or raise TFIELDS',
      });
    }
  }
  let width = 0;
  const names = new Map<string, number>();
  const naxis1 = intValue(hdu.keywords, 'NAXIS1') ?? 0;
  for (let n = 1; n <= Math.min(tfields, 999); n++) {
    const tform = stringValue(hdu.keywords, `TFORM${n}`);
    if (tform === undefined) {
      report({
        hdu: hdu.index,
        keyword: `TFORM${n}`,
        offset: hdu.headerOffset,
        message: `column ${n} has no TFORM${n}`,
        hint: `add TFORM${n} with the column's format`,
      });
      continue;
    }
    let code = '';
    if (binary) {
      const parsed = parseBinaryTform(tform);
      if (parsed.error)
        report({
          ...at(`TFORM${n}`),
          message: `TFORM${n}: ${parsed.error}`,
          hint: 'use rT with T one of L X B I J K A E D C M P Q',
        });
      width += parsed.width;
      code = parsed.code;
    } else {
      const text = tform.trim();
      code = text[0] ?? '';
      if (!ASCII_TFORM.test(text))
        report({
          ...at(`TFORM${n}`),
          message: `TFORM${n} = '${text}' is not an ASCII table format (Aw, Iw, Fw.d, Ew.d, Dw.d)`,
          hint: 'fix the format',
        });
      const tbcol = intValue(hdu.keywords, `TBCOL${n}`);
      const fieldWidth = Number(/[0-9]+/.exec(text)?.[0] ?? 0);
      if (tbcol === undefined)
        report({
          hdu: hdu.index,
          keyword: `TBCOL${n}`,
          offset: hdu.headerOffset,
          message: `column ${n} has no TBCOL${n}`,
          hint: 'add the 1-based start column',
        });
      else if (tbcol < 1 || tbcol - 1 + fieldWidth > naxis1)
        report({
          ...at(`TBCOL${n}`),
          message: `column ${n} (TBCOL${n} = ${tbcol}, width ${fieldWidth}) does not fit in a row of NAXIS1 = ${naxis1} characters`,
          hint: 'fix TBCOLn or NAXIS1',
        });
    }
    const name = stringValue(hdu.keywords, `TTYPE${n}`);
    if (name !== undefined) {
      const key = name.trim().toUpperCase();
      const first = names.get(key);
      if (first !== undefined)
        report({
          ...at(`TTYPE${n}`),
          message: `column ${n} has the same name as column ${first} ('${name.trim()}'), ignoring case`,
          hint: 'give every column a unique name',
          severity: 'warning',
        });
      else names.set(key, n);
      if (!/^[A-Za-z0-9_]*$/.test(name.trim()))
        report({
          ...at(`TTYPE${n}`),
          message: `TTYPE${n} = '${name.trim()}' should contain only letters, digits and '_'`,
          hint: 'rename the column',
          severity: 'warning',
        });
    }
    const floatColumn = 'EDCM'.includes(code);
    // In ASCII tables TNULLn is the string that marks an undefined field, allowed on any column.
    if (binary && hdu.keywords.has(`TNULL${n}`) && (floatColumn || 'LXA'.includes(code))) {
      report({
        ...at(`TNULL${n}`),
        message: `TNULL${n} is not allowed on column ${n} (format ${tform.trim()}); it applies only to integer columns`,
        hint: 'use NaN for undefined floats',
      });
    }
    for (const scaling of ['TSCAL', 'TZERO']) {
      if (hdu.keywords.has(`${scaling}${n}`) && (binary ? 'LXA'.includes(code) : code === 'A')) {
        report({
          ...at(`${scaling}${n}`),
          message: `${scaling}${n} is not allowed on a ${code} column`,
          hint: `remove ${scaling}${n}`,
        });
      }
    }
    const tdim = stringValue(hdu.keywords, `TDIM${n}`);
    if (binary && tdim !== undefined) {
      const dims = /^\(\s*[0-9]+(\s*,\s*[0-9]+)*\s*\)$/.test(tdim.trim())
        ? tdim
            .replace(/[()\s]/g, '')
            .split(',')
            .map(Number)
        : null;
      const repeat = parseBinaryTform(tform).repeat;
      if (!dims)
        report({
          ...at(`TDIM${n}`),
          message: `TDIM${n} = '${tdim}' is not of the form '(l,m,...)'`,
          hint: "write e.g. '(10,20)'",
        });
      else if (code !== 'P' && code !== 'Q' && dims.reduce((a, b) => a * b, 1) > repeat) {
        report({
          ...at(`TDIM${n}`),
          message: `TDIM${n} = '${tdim.trim()}' has ${dims.reduce((a, b) => a * b, 1)} elements, more than the ${repeat} of TFORM${n}`,
          hint: 'make TDIM agree with the repeat count',
        });
      }
    }
    const tdisp = stringValue(hdu.keywords, `TDISP${n}`);
    if (tdisp !== undefined && !TDISP.test(tdisp.trim())) {
      report({
        ...at(`TDISP${n}`),
        message: `TDISP${n} = '${tdisp.trim()}' is not a valid display format`,
        hint: 'use e.g. F10.4, E12.5, I8, A20',
        severity: 'warning',
      });
    }
  }
  if (binary && width !== naxis1) {
    report({
      ...at('NAXIS1'),
      message: `NAXIS1 = ${naxis1}, but the column formats add up to ${width} bytes per row`,
      hint: 'make NAXIS1 the sum of the column widths',
    });
  }
}

export const tableColumns: FitsRule = {
  meta: {
    id: 'fits/table-columns',
    description:
      'Table column keywords agree: valid TFORMn, row width = NAXIS1, unique TTYPEn, TNULLn/TSCALn/TZEROn only where allowed, TDIMn within the repeat count, TBCOLn inside the row.',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §7.2, §7.3',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      if (hdu.kind === 'binary-table' || hdu.kind === 'ascii-table') checkTable(hdu, report);
    }
  },
};
