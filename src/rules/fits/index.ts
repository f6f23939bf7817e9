import type { FitsRule } from '../types.js';
import { cardCharacters } from './card-characters.js';
import { checksum } from './checksum.js';
import { dataFill } from './data-fill.js';
import { dateFormat } from './date-format.js';
import { duplicateKeyword } from './duplicate-keyword.js';
import { endCard } from './end-card.js';
import { fileReadable } from './file-readable.js';
import { heap } from './heap.js';
import { mandatoryKeywords } from './mandatory-keywords.js';
import { reservedKeywords } from './reserved-keywords.js';
import { tableColumns } from './table-columns.js';
import { tileCompression } from './tile-compression.js';
import { trailingBytes } from './trailing-bytes.js';
import { truncated } from './truncated.js';
import { valueSyntax } from './value-syntax.js';
import { wcsKeywords } from './wcs-keywords.js';

export const fitsRules: FitsRule[] = [
  fileReadable,
  truncated,
  trailingBytes,
  endCard,
  dataFill,
  cardCharacters,
  valueSyntax,
  mandatoryKeywords,
  duplicateKeyword,
  reservedKeywords,
  tableColumns,
  heap,
  tileCompression,
  checksum,
  dateFormat,
  wcsKeywords,
];
