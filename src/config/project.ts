import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Config, ConfigError, findConfig, type LoadedConfig, readConfigFile } from './config.js';

/**
 * The configuration of a run: the file given (`--config`), or `hlsp.config.json` found upward from
 * the first checked path, or none (an empty config). `ruleIds` are the rules a config may name.
 */
export function findProjectConfig(
  configFile: string | undefined,
  firstPath: string,
  ruleIds: string[],
): LoadedConfig {
  if (configFile) {
    if (!existsSync(configFile)) throw new ConfigError(`config file not found: ${configFile}`);
    return { config: readConfigFile(configFile, ruleIds), path: resolve(configFile) };
  }
  let start = resolve(firstPath);
  try {
    if (!statSync(start).isDirectory()) start = dirname(start);
  } catch {
    start = dirname(start);
  }
  const found = findConfig(start);
  const config: Config = found ? readConfigFile(found, ruleIds) : {};
  return { config, path: found };
}
