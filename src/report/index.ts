import { codeclimate } from './codeclimate.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters: Record<
  'stylish' | 'json' | 'sarif' | 'junit' | 'github' | 'html' | 'markdown' | 'codeclimate',
  Formatter
> = {
  stylish,
  json,
  sarif,
  junit,
  github,
  html,
  markdown,
  codeclimate,
};
