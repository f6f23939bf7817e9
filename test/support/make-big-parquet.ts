/**
 * Writes a large Parquet file for measuring the reader's memory (docs/performance.md): one row group
 * of the test writer's, repeated with shifted offsets until the file reaches the asked size. Its
 * data is real (gzip pages, statistics), so the reader decodes and compares every page.
 *
 *   npx tsx test/support/make-big-parquet.ts /tmp/big.parquet 1024   # size in MiB
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { encodeFooter, type FooterParts, i64, type ThriftValue, writeParquet } from './parquet-writer.js';

const [path = '/tmp/big.parquet', mib = '1024'] = process.argv.slice(2);
const rows = 1_000_000;
let state = 1;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
let parts: FooterParts | undefined;
const { bytes } = writeParquet({
  pageRows: 50_000,
  columns: [
    { name: 'ra', type: 'DOUBLE', values: Array.from({ length: rows }, () => 110 + random()) },
    { name: 'dec', type: 'DOUBLE', values: Array.from({ length: rows }, () => -73 + random()) },
    {
      name: 'flux',
      type: 'FLOAT',
      values: Array.from({ length: rows }, (_, i) => (i % 97 === 0 ? null : random() * 10)),
    },
    { name: 'id', type: 'INT64', values: Array.from({ length: rows }, (_, i) => BigInt(i)) },
  ],
  keyValue: { HLSPID: 'big' },
  editFooter: (footer) => {
    parts = footer;
  },
});
const footer = parts!;
const bodyEnd = bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8);
const body = bytes.subarray(4, bodyEnd);
const copies = Math.max(1, Math.round((Number(mib) * 1024 * 1024) / body.length));
const template = footer.rowGroups[0]!;
const shifted = (value: ThriftValue | undefined, by: number) =>
  value?.t === 'i64' ? i64(BigInt(value.v) + BigInt(by)) : value;
footer.rowGroups = Array.from({ length: copies }, (_, copy) => ({
  ...template,
  columns: template.columns.map((fields) => {
    const meta = fields.get(3)!;
    if (meta.t !== 'struct') throw new Error('column chunk without meta_data');
    const by = copy * body.length;
    const newMeta = new Map(meta.v);
    newMeta.set(9, shifted(meta.v.get(9), by)!);
    return new Map([
      [2, shifted(fields.get(2), by)!],
      [3, { t: 'struct', v: newMeta } as ThriftValue],
    ]);
  }),
}));
footer.numRows = BigInt(rows * copies);
const fd = openSync(path, 'w');
writeSync(fd, Buffer.from('PAR1'));
for (let copy = 0; copy < copies; copy++) writeSync(fd, body);
writeSync(fd, encodeFooter(footer));
closeSync(fd);
console.log(
  `${path}: ${copies} row groups of ${rows} rows, ${4 + copies * body.length} bytes before the footer`,
);
