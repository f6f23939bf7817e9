/** Writes the ~200 MB FITS image of docs/performance.md's bzip2 measurement: node test/bench/make-big-fits.mjs big.fits */
import { closeSync, openSync, writeSync } from 'node:fs';

const card = (s) => s.padEnd(80, ' ');
const n = 10240;
let header = [
  card('SIMPLE  =                    T'),
  card('BITPIX  =                   16'),
  card('NAXIS   =                    2'),
  card(`NAXIS1  = ${String(n).padStart(20)}`),
  card(`NAXIS2  = ${String(n).padStart(20)}`),
  card('END'),
].join('');
header = header.padEnd(Math.ceil(header.length / 2880) * 2880, ' ');
const fd = openSync(process.argv[2], 'w');
writeSync(fd, Buffer.from(header, 'latin1'));
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const row = Buffer.alloc(n * 2);
for (let y = 0; y < n; y++) {
  for (let x = 0; x < n; x++)
    row.writeInt16BE(
      Math.round(1000 + 200 * Math.sin(x / 300) * Math.cos(y / 400) + 20 * (rand() - 0.5)),
      x * 2,
    );
  writeSync(fd, row);
}
const size = 2880 + n * n * 2;
writeSync(fd, Buffer.alloc((2880 - (size % 2880)) % 2880));
closeSync(fd);
