import type { Formatter, StreamedFormatter } from './types.js';

export type FormatName =
  | 'stylish'
  | 'json'
  | 'sarif'
  | 'junit'
  | 'github'
  | 'html'
  | 'markdown'
  | 'codeclimate';

/** One format, as one string and in pieces. */
export interface LoadedFormatter {
  formatter: Formatter;
  streamed: StreamedFormatter;
}

/** A bounded report (annotations and a comment are capped) is one piece. */
export const whole =
  (formatter: Formatter): StreamedFormatter =>
  (report, context) => [formatter(report, context)];

// Each format is its own module, loaded with its first use: a run that writes JSON does not load
// the HTML page, SARIF or chalk.
const loaders: Record<FormatName, () => Promise<LoadedFormatter>> = {
  stylish: async () => {
    const { stylish, stylishChunks } = await import('./stylish.js');
    return { formatter: stylish, streamed: stylishChunks };
  },
  json: async () => {
    const { json, jsonChunks } = await import('./json.js');
    return { formatter: json, streamed: jsonChunks };
  },
  sarif: async () => {
    const { sarif, sarifChunks } = await import('./sarif.js');
    return { formatter: sarif, streamed: sarifChunks };
  },
  junit: async () => {
    const { junit, junitChunks } = await import('./junit.js');
    return { formatter: junit, streamed: junitChunks };
  },
  github: async () => {
    const { github } = await import('./github.js');
    return { formatter: github, streamed: whole(github) };
  },
  html: async () => {
    const { html, htmlChunks } = await import('./html.js');
    return { formatter: html, streamed: htmlChunks };
  },
  markdown: async () => {
    const { markdown } = await import('./markdown.js');
    return { formatter: markdown, streamed: whole(markdown) };
  },
  codeclimate: async () => {
    const { codeclimate, codeclimateChunks } = await import('./codeclimate.js');
    return { formatter: codeclimate, streamed: codeclimateChunks };
  },
};

/**
 * The formatter of one format, loading only its own module; `formatters` in ./index.js holds
 * every format at once, for callers that want them without awaiting.
 */
export function formatterFor(name: FormatName): Promise<LoadedFormatter> {
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (!load) return Promise.reject(new TypeError(`unknown report format '${name}'`));
  return load();
}
