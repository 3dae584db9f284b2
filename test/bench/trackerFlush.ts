/**
 * What a tracker flush costs: 50 queued events written in one transaction, in each DB mode
 * (exclusive: file kept open; shared: open, write, close per flush; workspace: the caller's open
 * workspace). Prints numbers; asserts nothing. Run: node dist/test/bench/trackerFlush.js
 */
import { join } from 'node:path';
import { Workspace } from '../../electron/store/workspace.js';
import { ProvenanceTracker, type TrackerOptions } from '../../electron/tracker/tracker.js';
import { tempDir } from '../helpers/paths.js';

const ROUNDS = 40;
const PER_FLUSH = 50;

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p90 ${at(0.9).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`;
}

async function bench(name: string, options: (dir: string) => Promise<TrackerOptions>): Promise<void> {
  const tmp = tempDir('provex-bench-');
  const opts = await options(tmp.dir);
  const tracker = new ProvenanceTracker({ ...opts, projectRoot: tmp.dir, batchSize: 1e9, idleFlushMs: 1e9 });
  const session = tracker.startSession('BenchAgent', 'flush cost', {});
  let t0 = performance.now();
  await tracker.flush();
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < PER_FLUSH; i++) session.log(`round ${r} event ${i}`);
    t0 = performance.now();
    const result = await tracker.flush();
    times.push(performance.now() - t0);
    if (!result.ok) throw new Error(`${name}: flush failed`);
  }
  t0 = performance.now();
  for (let i = 0; i < 2000; i++) session.log(`bulk ${i}`);
  const record = performance.now() - t0;
  t0 = performance.now();
  await tracker.flush();
  const bulk = performance.now() - t0;
  await session.end(true);
  await tracker.close();
  if (opts.workspace) opts.workspace.close();
  tmp.cleanup();
  console.log(
    `${name.padEnd(10)} first flush (creates + migrates the file) ${first.toFixed(1)} ms; ` +
      `flush of ${PER_FLUSH} events: ${stats(times)}; recording 2000 events ${record.toFixed(1)} ms, flushing them ${bulk.toFixed(1)} ms`,
  );
}

await bench('exclusive', async (dir) => ({ dbPath: join(dir, 'db.duckdb') }));
await bench('shared', async (dir) => ({ dbPath: join(dir, 'db.duckdb'), shareDb: true }));
await bench('workspace', async (dir) => ({ workspace: await Workspace.open(join(dir, 'db.duckdb')) }));
