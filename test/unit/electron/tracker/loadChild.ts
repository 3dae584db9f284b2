/**
 * Child process for the multi-process test: one tracker in shared mode on a DB file and a
 * provenance folder that another process writes too. argv: dbPath projectRoot sessions events tag.
 * Prints the LoadResult and the diagnostics count as JSON.
 */
import { ProvenanceTracker, type TrackerDiagnostic } from '../../../../electron/tracker/tracker.js';
import { runLoad } from './loadWorkload.js';

const [dbPath, projectRoot, sessions, events, tag] = process.argv.slice(2);
const diagnostics: TrackerDiagnostic['kind'][] = [];
const tracker = new ProvenanceTracker({
  dbPath: dbPath!,
  projectRoot: projectRoot!,
  shareDb: true,
  onDiagnostic: (d) => diagnostics.push(d.kind),
});
const result = await runLoad(tracker, {
  sessions: Number(sessions),
  eventsPerSession: Number(events),
  tag: tag!,
});
const flush = await tracker.close();
process.stdout.write(JSON.stringify({ ...result, flush, diagnostics }));
