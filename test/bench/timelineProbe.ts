/**
 * For iterating on the timeline without the whole benchmark: `build DIR EVENTS` writes one big
 * session and imports it into DIR/workspace.duckdb (kept between runs); `browser DIR` runs the benchmark's
 * Chromium stage on it (first painted timeline, scroll frames); `measure DIR` opens it with a fresh Service and prints the cold overview, the cold first window and 100 windows of
 * 200 rows at random offsets (p50/p95), as the benchmark's query stage does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPaths } from '../../electron/importers/importPaths.js';
import { Service } from '../../electron/service.js';
import { Workspace } from '../../electron/store/workspace.js';
import type { SessionId } from '../../shared/model/ids.js';
import { Dice, writeBigSession } from './corpus/claudeCorpus.js';
import { Report, quantile, timeEach } from './report.js';
import { browserFigures } from './stages/browserStage.js';

const [mode, dir, eventsArg] = process.argv.slice(2);
if (!dir || (mode !== 'build' && mode !== 'measure' && mode !== 'browser'))
  throw new Error('usage: timelineProbe build|measure DIR [EVENTS]');
const db = join(dir, 'workspace.duckdb');
const idFile = join(dir, 'session-id');

if (mode === 'build') {
  if (existsSync(db)) throw new Error(`${db} exists`);
  const big = await writeBigSession(join(dir, 'corpus'), Number(eventsArg ?? 1_000_000), 20260302);
  const ws = await Workspace.open(db);
  const t0 = performance.now();
  await importPaths(ws, [big.projectRoot]);
  await ws.checkpoint();
  ws.close();
  writeFileSync(idFile, big.sessionId);
  console.log(JSON.stringify({ imported_ms: performance.now() - t0, session: big.sessionId }));
} else if (mode === 'browser') {
  // The benchmark's Chromium stage; it stops at the task graph, which this workspace lacks.
  const ws = await Workspace.open(db);
  try {
    const bigSession = readFileSync(idFile, 'utf8').trim();
    await browserFigures(new Report(), ws, { bigSession, bigEvents: 0, taskCount: 0 }).catch((e: Error) =>
      console.error(`(stopped: ${e.message.split('\n')[0]})`),
    );
  } finally {
    ws.close();
  }
} else {
  const id = readFileSync(idFile, 'utf8').trim() as SessionId;
  const ws = await Workspace.open(db);
  const service = new Service(ws);
  const out: Record<string, number> = {};
  let t0 = performance.now();
  const w = await service['timeline/window']({ session_id: id, offset: 0, limit: 200 });
  out.first_window_cold_ms = performance.now() - t0;
  t0 = performance.now();
  const overview = await service['timeline/overview']({ session_id: id });
  out.overview_after_window_ms = performance.now() - t0;
  if (!overview || w.rows.length !== 200) throw new Error('no timeline');
  const d = new Dice(7);
  const times = await timeEach(100, () =>
    service['timeline/window']({ session_id: id, offset: d.int(w.total_rows - 200), limit: 200 }),
  );
  out.window_p50_ms = quantile(times, 0.5);
  out.window_p95_ms = quantile(times, 0.95);
  out.total_rows = w.total_rows;
  ws.close();
  console.log(JSON.stringify(out));
}
