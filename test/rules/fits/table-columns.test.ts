import { describe, expect, it } from 'vitest';
import { tableColumns } from '../../../src/rules/fits/table-columns.js';
import { CATALOG_PATH, demoFiles } from '../../support/demo.js';
import { type CardSpec, type ColumnSpec, card, fitsFile, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { asciiTableCards, tableFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [tableColumns]);
const single = (format: string, width: number, extra: CardSpec[] = []) =>
  run(tableFile([{ name: 'A', format }], 1, width, extra));

function ascii(
  columns: { name: string; format: string; tbcol: number }[],
  rowChars: number,
  extra: CardSpec[] = [],
) {
  const cards = [...asciiTableCards(columns, 1, rowChars), ...extra];
  return run(
    fitsFile([{ cards: primaryCards() }, { cards, data: Buffer.alloc(rowChars, 0x20), dataFill: 0x20 }]),
  );
}

const expectOne = (findings: ReturnType<typeof run>, expected: Record<string, unknown>) => {
  expect(findings).toEqual([expect.objectContaining({ ruleId: 'fits/table-columns', hdu: 1, ...expected })]);
};

describe('fits/table-columns', () => {
  it('passes a binary table whose column keywords agree', () => {
    const columns: ColumnSpec[] = [
      { name: 'ID', format: 'J', unit: 'count' },
      { name: 'FLUX', format: '4E', unit: 'Jy' },
      { name: 'NAME', format: '8A' },
      { name: 'FLAGS', format: '12X' },
    ];
    const extra = [
      card('TNULL1', -1),
      card('TSCAL1', 1.0),
      card('TZERO1', 0),
      card('TDIM2', '(2,2)'),
      card('TDISP2', 'E12.5'),
    ];
    expect(run(tableFile(columns, 2, 4 + 16 + 8 + 2, extra))).toEqual([]);
    expect(run(demoFiles().get(CATALOG_PATH)!)).toEqual([]);
  });

  it('reports a column keyword beyond TFIELDS', () => {
    expectOne(single('J', 4, [card('TTYPE3', 'GHOST')]), {
      severity: 'error',
      keyword: 'TTYPE3',
      message: 'TTYPE3 refers to column 3, but TFIELDS = 1',
      hint: 'remove it or raise TFIELDS',
    });
  });

  it('reports a column without TFORMn', () => {
    const cards = [
      card('XTENSION', 'BINTABLE'),
      ...[card('BITPIX', 8), card('NAXIS', 2), card('NAXIS1', 4), card('NAXIS2', 1)],
      ...[card('PCOUNT', 0), card('GCOUNT', 1), card('TFIELDS', 2)],
      ...[card('TTYPE1', 'A'), card('TFORM1', 'J'), card('TTYPE2', 'B')],
    ];
    const findings = run(fitsFile([{ cards: primaryCards() }, { cards, data: Buffer.alloc(4) }]));
    expectOne(findings, { keyword: 'TFORM2', offset: 2880, message: 'column 2 has no TFORM2' });
  });

  it('reports a binary TFORM with an unknown type code', () => {
    const findings = single('1Z', 1);
    expect(findings[0]).toMatchObject({ ruleId: 'fits/table-columns', severity: 'error', keyword: 'TFORM1' });
    expect(findings[0]!.message).toBe("TFORM1: '1Z' is not a valid binary table format");
    expect(findings[0]!.hint).toBe('use rT with T one of L X B I J K A E D C M P Q');
  });

  it('reports NAXIS1 that is not the sum of the column widths', () => {
    const findings = run(
      tableFile(
        [
          { name: 'A', format: 'J' },
          { name: 'B', format: 'D' },
        ],
        1,
        10,
      ),
    );
    expectOne(findings, {
      keyword: 'NAXIS1',
      message: 'NAXIS1 = 10, but the column formats add up to 12 bytes per row',
      hint: 'make NAXIS1 the sum of the column widths',
    });
  });

  it('warns about column names repeated ignoring case, or with odd characters', () => {
    const columns = [
      { name: 'FLUX', format: 'E' },
      { name: 'flux', format: 'E' },
      { name: 'FLUX-ERR', format: 'E' },
    ];
    const findings = run(tableFile(columns, 1, 12));
    expect(findings.map((f) => [f.severity, f.keyword, f.message])).toEqual([
      ['warning', 'TTYPE2', "column 2 has the same name as column 1 ('flux'), ignoring case"],
      ['warning', 'TTYPE3', "TTYPE3 = 'FLUX-ERR' should contain only letters, digits and '_'"],
    ]);
  });

  it('reports TNULLn on a float column, and TSCALn/TZEROn on a logical column', () => {
    expectOne(single('E', 4, [card('TNULL1', -99)]), {
      severity: 'error',
      keyword: 'TNULL1',
      message: 'TNULL1 is not allowed on column 1 (format E); it applies only to integer columns',
      hint: 'use NaN for undefined floats',
    });
    const findings = single('L', 1, [card('TSCAL1', 2.0), card('TZERO1', 1.0)]);
    expect(findings.map((f) => f.message)).toEqual([
      'TSCAL1 is not allowed on a L column',
      'TZERO1 is not allowed on a L column',
    ]);
  });

  it('reports a malformed TDIMn and one larger than the repeat count', () => {
    expectOne(single('4E', 16, [card('TDIM1', '2,2')]), {
      keyword: 'TDIM1',
      message: "TDIM1 = '2,2' is not of the form '(l,m,...)'",
    });
    expectOne(single('4E', 16, [card('TDIM1', '(3,3)')]), {
      keyword: 'TDIM1',
      message: "TDIM1 = '(3,3)' has 9 elements, more than the 4 of TFORM1",
      hint: 'make TDIM agree with the repeat count',
    });
  });

  it('reports an invalid TDISPn as an error, as fitsverify does', () => {
    expectOne(single('E', 4, [card('TDISP1', 'X5')]), {
      severity: 'error',
      keyword: 'TDISP1',
      message: "TDISP1 = 'X5' is not a valid display format",
    });
  });

  it.each([
    [
      'L on a float column',
      'E',
      4,
      'L1',
      "TDISP1 = 'L1' shows logicals, but it is on a column of real values (TFORM E)",
    ],
    [
      'A on an integer column',
      'J',
      4,
      'A8',
      "TDISP1 = 'A8' shows characters, but it is on a column of integer values (TFORM J)",
    ],
    [
      'F on a character column',
      '8A',
      8,
      'F8.2',
      "TDISP1 = 'F8.2' shows numbers, but it is on a column of characters",
    ],
    [
      'F4.4, no room for a digit',
      'E',
      4,
      'F4.4',
      "TDISP1 = 'F4.4' has width 4 for 4 decimals: no room for the point and a digit",
    ],
    [
      'I5.8, more digits than width',
      'J',
      4,
      'I5.8',
      "TDISP1 = 'I5.8' asks for at least 8 digits in a width of 5",
    ],
  ])('reports TDISPn that cannot display its column: %s', (_, tform, width, tdisp, message) => {
    expectOne(single(tform, width, [card('TDISP1', tdisp)]), {
      severity: 'error',
      keyword: 'TDISP1',
      message,
    });
  });

  it.each([
    ['E', 4, 'F8.3'],
    ['J', 4, 'I8'],
    ['J', 4, 'F8.1'],
    ['L', 1, 'L1'],
    ['8A', 8, 'A8'],
    ['D', 8, 'ES12.5E3'],
  ])('passes TDISPn that fits its column (%s, %s)', (tform, width, tdisp) => {
    expect(single(tform, width, [card('TDISP1', tdisp)])).toEqual([]);
  });

  it('passes a valid ASCII table, with TNULLn on any column', () => {
    const columns = [
      { name: 'N', format: 'I4', tbcol: 1 },
      { name: 'X', format: 'F8.3', tbcol: 6 },
      { name: 'S', format: 'A3', tbcol: 15 },
    ];
    expect(ascii(columns, 17, [card('TNULL2', '*'), card('TNULL3', '---')])).toEqual([]);
  });

  it('reports an ASCII TFORM that is not Aw, Iw, Fw.d, Ew.d or Dw.d', () => {
    expectOne(ascii([{ name: 'N', format: 'J4', tbcol: 1 }], 4), {
      keyword: 'TFORM1',
      message: "TFORM1 = 'J4' is not an ASCII table format (Aw, Iw, Fw.d, Ew.d, Dw.d)",
    });
  });

  it('reports an ASCII column without TBCOLn', () => {
    const cards = asciiTableCards([{ name: 'N', format: 'I4', tbcol: 1 }], 1, 4).filter(
      (c) => c.keyword !== 'TBCOL1',
    );
    const findings = run(
      fitsFile([{ cards: primaryCards() }, { cards, data: Buffer.from('   1'), dataFill: 0x20 }]),
    );
    expectOne(findings, { keyword: 'TBCOL1', offset: 2880, message: 'column 1 has no TBCOL1' });
  });

  it('reports an ASCII column that does not fit in the row', () => {
    expectOne(ascii([{ name: 'N', format: 'I4', tbcol: 2 }], 4), {
      keyword: 'TBCOL1',
      message: 'column 1 (TBCOL1 = 2, width 4) does not fit in a row of NAXIS1 = 4 characters',
      hint: 'fix TBCOLn or NAXIS1',
    });
    expect(ascii([{ name: 'N', format: 'I4', tbcol: 1 }], 4)).toEqual([]);
  });
});
