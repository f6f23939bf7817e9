import { describe, expect, it } from 'vitest';
import { runAsdfRules } from '../../support/asdf-content.js';
import { ARRAY_DATA, ASDF_RULES } from '../../support/asdf-rules.js';
import { asdfFile, ndarrayLines } from '../../support/asdf-writer.js';

describe('asdf/ndarray', () => {
  it('passes arrays that fit their blocks, with offset and strides, structured and inline', async () => {
    const tree = [
      ...ndarrayLines('a', 0, 'float64', [3, 4]),
      ...ndarrayLines('b', -1, 'int16', [2, 24], 'big'),
      'c: !core/ndarray-1.0.0 {source: 0, datatype: float32, byteorder: little, shape: [2, 2], offset: 8, strides: [16, 4]}',
      'd: !core/ndarray-1.0.0 {source: 1, datatype: [{name: x, datatype: float64}, {name: y, datatype: [ascii, 8]}], byteorder: little, shape: [6]}',
      'e: !core/ndarray-1.0.0 {data: [1, 2, 3], datatype: int64, shape: [3]}',
      'nested: {list: [!core/ndarray-1.0.0 {source: 1, datatype: uint8, byteorder: little, shape: [96]}]}',
    ];
    expect(
      await runAsdfRules(
        ASDF_RULES,
        asdfFile({ tree, blocks: [{ data: ARRAY_DATA }, { data: ARRAY_DATA, compression: 'zlib' }] }),
      ),
    ).toEqual([]);
  });

  it('reports an array whose shape and datatype need more bytes than its block holds', async () => {
    const findings = await runAsdfRules(
      ASDF_RULES,
      asdfFile({
        tree: ['meta: {a: 1}', ...ndarrayLines('nested', 0, 'float64', [4, 4])],
        blocks: [{ data: ARRAY_DATA }],
      }),
    );
    expect(findings).toMatchObject([{ ruleId: 'asdf/ndarray', severity: 'error' }]);
    expect(findings[0]!.message).toBe(
      "the array 'nested' (shape [4, 4], 8-byte items) needs 128 bytes, but block 0 holds 96",
    );
  });

  it('reports an array that points at a block the file does not have', async () => {
    const tree = [
      'science: {sci: !core/ndarray-1.0.0 {source: 2, datatype: float64, byteorder: little, shape: [12]}}',
    ];
    const findings = await runAsdfRules(ASDF_RULES, asdfFile({ tree, blocks: [{ data: ARRAY_DATA }] }));
    expect(findings.map((f) => f.message)).toEqual([
      "the array 'science.sci' points at block 2, but the file has 1 block",
    ]);
  });

  it('notes an array stored in another file', async () => {
    const findings = await runAsdfRules(
      ASDF_RULES,
      asdfFile({ tree: ndarrayLines('ext', 'other.asdf', 'float64', [12]) }),
    );
    expect(findings).toMatchObject([{ ruleId: 'asdf/ndarray', severity: 'info' }]);
    expect(findings[0]!.message).toBe(
      "the array 'ext' is stored in another file, 'other.asdf', which was not checked here",
    );
  });
});
