export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/** Files done of total, rate and ETA on stderr; only on a terminal, never in CI or with --no-progress. */
export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || !stream.isTTY || process.env.CI) return SILENT;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      stream.write(`\r\u001b[2Kchecking ${done}/${total} files · ${rate.toFixed(0)} files/s · ETA ${eta}s`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
