import type { ImportProgress } from '../../shared/model/imports.js';

/**
 * A one-line progress bar on a terminal's stderr (files, sessions, events per second), redrawn at
 * most every 100 ms; silent when stderr is not a terminal so logs and pipes stay clean.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (p: ImportProgress) => void;
  done: () => void;
} {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.filesDone < p.filesTotal) return;
      last = now;
      const width = 24;
      const frac = p.filesTotal ? p.filesDone / p.filesTotal : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const secs = Math.max(0.001, (now - started) / 1000);
      const rate = Math.round(p.eventsDone / secs).toLocaleString('en-US');
      const cols = stream.columns ?? 100;
      const line = `${bar} ${p.filesDone}/${p.filesTotal} files · ${p.sessionsDone} sessions · ${p.eventsDone.toLocaleString('en-US')} events (${rate}/s) ${p.currentPath}`;
      stream.write(`\r${line.slice(0, cols - 1).padEnd(cols - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns ?? 100) - 1)}\r`);
    },
  };
}
