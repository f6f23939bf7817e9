import { codeclimate, codeclimateChunks } from './codeclimate.js';
import { github } from './github.js';
import { html, htmlChunks } from './html.js';
import { json, jsonChunks } from './json.js';
import { junit, junitChunks } from './junit.js';
import { type FormatName, whole } from './load.js';
import { markdown } from './markdown.js';
import { sarif, sarifChunks } from './sarif.js';
import { stylish, stylishChunks } from './stylish.js';
import type { Formatter, StreamedFormatter } from './types.js';

export type { FormatName, LoadedFormatter } from './load.js';
export { formatterFor } from './load.js';

export const formatters: Record<FormatName, Formatter> = {
  stylish,
  json,
  sarif,
  junit,
  github,
  html,
  markdown,
  codeclimate,
};

/**
 * The same text as `formatters`, in pieces, for writing a report of any size without holding it
 * as one string.
 */
export const streamedFormatters: Record<FormatName, StreamedFormatter> = {
  stylish: stylishChunks,
  json: jsonChunks,
  sarif: sarifChunks,
  junit: junitChunks,
  github: whole(github),
  html: htmlChunks,
  markdown: whole(markdown),
  codeclimate: codeclimateChunks,
};
