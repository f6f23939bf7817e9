import { describe, expect, it } from 'vitest';
import { ecsvHeader } from '../../../src/rules/ecsv/header.js';
import { ecsvValues } from '../../../src/rules/ecsv/values.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.ecsv';
const COLUMNS = ['datatype:', '- {name: a, datatype: int64}', '- {name: b, datatype: string}'];
const run = (text: string) => runContentRules([ecsvHeader, ecsvValues], NAME, text);

describe('ecsv/header', () => {
  it('passes a well-formed header', async () => {
    expect(await run(ecsv(COLUMNS, ['a b', '1 x']))).toEqual([]);
  });

  it('asks for the # %ECSV line first, once, and judges nothing else', async () => {
    const findings = await run(`a b\n1 x\n`);
    expect(findings).toMatchObject([{ ruleId: 'ecsv/header', severity: 'error' }]);
    expect(findings[0]!.message).toBe("the first line must be '# %ECSV 1.0', found 'a b'");
  });

  it('reports YAML that does not parse, once', async () => {
    const findings = await run(ecsv(['datatype: [', '- {name: a'], ['a', '1']));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the header is not valid YAML at line \d+: /);
  });

  it('refuses a YAML alias bomb cleanly', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const name = String.fromCharCode(98 + i);
      const previous = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();
    const findings = await run(ecsv([...bomb, ...COLUMNS], ['a b', '1 x']));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the YAML header is refused: .*alias/);
  });

  it('accepts only a space or a comma as delimiter', async () => {
    const findings = await run(ecsv(["delimiter: '|'", ...COLUMNS], ['a|b', '1|x']));
    expect(findings.map((f) => f.message)).toEqual([
      "the delimiter is '|'; ECSV allows only a space or a comma",
    ]);
    expect(await run(ecsv(["delimiter: ','", ...COLUMNS], ['a,b', '1, x']))).toEqual([]);
  });

  it('wants the column names line to equal the datatype names, in order', async () => {
    const findings = await run(ecsv(COLUMNS, ['b a', '1 x', 'y 2']));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "the column names line 'b a' does not match the header's datatype names 'a b'",
    );
  });

  it('reports a header with no datatype list, and one without a body', async () => {
    expect((await run(ecsv(['meta: {}'], ['a', '1'])))[0]!.message).toBe(
      'the YAML header has no datatype list (one entry per column: name and datatype)',
    );
    expect((await run(ecsv(COLUMNS, [])))[0]!.message).toBe(
      'the header is not followed by the line of column names: the table has no body',
    );
  });

  it('warns on an ECSV version it does not know', async () => {
    const text = ecsv(COLUMNS, ['a b', '1 x']).replace('%ECSV 1.0', '%ECSV 2.1');
    expect(await run(text)).toMatchObject([{ severity: 'warning' }]);
  });
});
