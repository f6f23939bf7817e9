/** The ASDF rules together: a defect must give one finding among all of them, not a cascade. */
import { asdfBlock } from '../../src/rules/asdf/block.js';
import { asdfBlockIndex } from '../../src/rules/asdf/block-index.js';
import { asdfChecksum } from '../../src/rules/asdf/checksum.js';
import { asdfHeader } from '../../src/rules/asdf/header.js';
import { asdfNdarray } from '../../src/rules/asdf/ndarray.js';
import { asdfTree } from '../../src/rules/asdf/tree.js';
import { asdfFile, ndarrayLines } from './asdf-writer.js';

export const ASDF_RULES = [asdfHeader, asdfTree, asdfBlock, asdfChecksum, asdfBlockIndex, asdfNdarray];

/** 12 little-endian float64 values. */
export const ARRAY_DATA = Buffer.from(new Float64Array(Array.from({ length: 12 }, (_, i) => i * 0.5)).buffer);

/** A valid file: a meta mapping, one zlib block and one plain block with MD5s, and an index. */
export function validAsdf(): Buffer {
  return asdfFile({
    tree: [
      'meta: {hlspid: TEST, telescop: JWST}',
      ...ndarrayLines('data', 0, 'float64', [3, 4]),
      ...ndarrayLines('err', 1, 'float64', [12]),
    ],
    blocks: [{ data: ARRAY_DATA, compression: 'zlib' }, { data: ARRAY_DATA }],
  });
}
