import { intValue, parseBinaryTform, stringValue } from '../../fits/layout.js';
import type { Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { headerCards } from './support/cards.js';

const COLUMN_KEYWORD = /^(TTYPE|TFORM|TBCOL|TUNIT|TSCAL|TZERO|TNULL|TDISP|TDIM)([0-9]+)$/;
const ASCII_TFORM = /^(A[0-9]+|I[0-9]+|F[0-9]+\.[0-9]+|E[0-9]+\.[0-9]+|D[0-9]+\.[0-9]+)$/;
const TDISP =
  /^(A[0-9]+|L[0-9]+|[IBOZ][0-9]+(\.[0-9]+)?|F[0-9]+\.[0-9]+|E[NS]?[0-9]+\.[0-9]+(E[0-9]+)?|[GD][0-9]+\.[0-9]+(E[0-9]+)?)$/;

/** What kind of value a column holds, by its (element) type code. */
function columnKind(
  code: string,
  binary: boolean,
): 'logical' | 'character' | 'integer' | 'real' | 'bits' | '' {
  if (code === 'L') return 'logical';
  if (code === 'A') return 'character';
  if (code === 'X') return 'bits';
  if ((binary ? 'BIJK' : 'I').includes(code) && code !== '') return 'integer';
  if ((binary ? 'EDCM' : 'FED').includes(code) && code !== '') return 'real';
  return '';
}

/**
 * Why a well-formed TDISPn cannot display its column (FITS 4.0 §7.3.4, Table 20), or undefined:
 * L only shows logicals and A only characters; the number forms need a number (B, O and Z also
 * show bits); and a width must hold the digits it promises (F4.4 has no room for the point).
 */
function displayProblem(tdisp: string, code: string, binary: boolean): string | undefined {
  const kind = columnKind(code, binary);
  if (kind === '') return undefined;
  const type = /^(EN|ES|[A-Z])/.exec(tdisp)![1]!;
  const [width = 0, digits] = (/[0-9]+(\.[0-9]+)?/.exec(tdisp)?.[0] ?? '').split('.').map(Number);
  const on = `column ${kind === 'bits' ? 'of bits' : `of ${kind} values`} (TFORM ${code})`;
  if (type === 'L' && kind !== 'logical') return `shows logicals, but it is on a ${on}`;
  if (type === 'A' && kind !== 'character') return `shows characters, but it is on a ${on}`;
  if (type !== 'A' && kind === 'character') return `shows numbers, but it is on a column of characters`;
  if (type !== 'L' && kind === 'logical') return `shows numbers, but it is on a column of logicals`;
  if ('IFEGD'.includes(type[0]!) && kind === 'bits' && type !== 'I')
    return `shows real numbers, but it is on a ${on}`;
  if (digits !== undefined && 'FEGD'.includes(type[0]!) && width <= digits)
    return `has width ${width} for ${digits} decimals: no room for the point and a digit`;
  if (digits !== undefined && 'IBOZ'.includes(type) && digits > width)
    return `asks for at least ${digits} digits in a width of ${width}`;
  return undefined;
}

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
    if (tdisp !== undefined) {
      const elementCode =
        binary && (code === 'P' || code === 'Q') ? (parseBinaryTform(tform).arrayCode ?? '') : code;
      const problem = TDISP.test(tdisp.trim())
        ? displayProblem(tdisp.trim(), elementCode, binary)
        : 'is not a valid display format';
      if (problem)
        report({
          ...at(`TDISP${n}`),
          message: `TDISP${n} = '${tdisp.trim()}' ${problem}`,
          hint: 'use e.g. F10.4 or E12.5 for numbers, I8 for integers, L1 for logicals, A20 for strings',
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
      'Table column keywords agree: valid TFORMn, row width = NAXIS1, unique TTYPEn, TNULLn/TSCALn/TZEROn only where allowed, TDIMn within the repeat count, TBCOLn inside the row, TDISPn able to display its column.',
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
