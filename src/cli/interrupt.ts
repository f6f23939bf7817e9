/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the partial output is removed, one line says why the
 * run stopped, and the process exits 130 or 143 (128 + the signal number, as a shell reports it).
 * Exiting ends the worker threads with the process.
 */
import { removePartialWrites } from '../util/write-atomic.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function handleInterrupts(): void {
  for (const signal of Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]) {
    process.once(signal, () => {
      removePartialWrites();
      process.stderr.write(`hlsp-validate: interrupted (${signal}); no report written\n`);
      process.exit(EXIT_CODES[signal]);
    });
  }
}
