/**
 * Child process for the crash test: records events forever in a nested session; after each
 * explicit flush it prints `FLUSHED {sessionId: lastSequenceFlushed}`. The parent kills it with
 * SIGKILL. argv: dbPath projectRoot mode(shared|exclusive).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';

const [dbPath, projectRoot, mode] = process.argv.slice(2);
const tracker = new ProvenanceTracker({
  dbPath: dbPath!,
  projectRoot: projectRoot!,
  shareDb: mode === 'shared',
});
const root = tracker.startSession('CrashAgent', 'run until killed', {});
const child = tracker.startSession('CrashChild', 'nested, also killed', {}, { parent: root });
const counters = new Map<string, number>([
  [root.id, 1],
  [child.id, 1],
]);

for (let round = 0; ; round++) {
  for (let i = 0; i < 120; i++) {
    const s = i % 2 === 0 ? root : child;
    if (i % 10 === 0) s.recordToolCall('api', 'pubchem_lookup', { round, i }, { durationMs: 1 });
    else s.log(`round ${round} record ${i}`);
    counters.set(s.id, counters.get(s.id)! + 1);
    if (i % 40 === 0) s.linkEntity('crash', `${round}-${i}`, 'used');
    if (i % 9 === 0) await yieldToLoop();
  }
  const snapshot = Object.fromEntries(counters);
  const result = await tracker.flush();
  if (result.ok) process.stdout.write(`FLUSHED ${JSON.stringify(snapshot)}\n`);
}
