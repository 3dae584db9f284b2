import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { importClaudeTracked } from '../../../../electron/importers/claude/importClaude.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import type { ImportProgress } from '../../../../shared/model/imports.js';
import { writeClaudeCorpus } from '../../../bench/corpus/claudeCorpus.js';
import { tempDir } from '../../../helpers/paths.js';
import { workspaceRows } from '../../../helpers/workspaceRows.js';

const tmp = tempDir();
after(tmp.cleanup);

test('action logs read a few folders at a time write exactly what reading them all at once writes', async () => {
  // Seeded sessions with children (parents in other folders), cache hits, decisions and links.
  const corpus = writeClaudeCorpus(join(tmp.dir, 'corpus'), {
    projects: 2,
    sessionsPerProject: 14,
    actionsPerSession: 20,
    seed: 7,
  });
  const whole = await Workspace.open(join(tmp.dir, 'whole.duckdb'));
  const grouped = await Workspace.open(join(tmp.dir, 'grouped.duckdb'));
  const a = await importClaudeTracked(whole, corpus.projectRoots, { groupFolders: 1_000_000 });
  const seen: ImportProgress[] = [];
  const b = await importClaudeTracked(grouped, corpus.projectRoots, {
    groupFolders: 3,
    onProgress: (p) => seen.push(p),
  });
  assert.equal(a.report.totals.events, corpus.lines);
  assert.deepEqual(b.report, a.report);
  assert.deepEqual(await workspaceRows(grouped), await workspaceRows(whole));
  const children = await grouped.all(
    `SELECT COUNT(*) AS n FROM provenance_sessions WHERE parent_session_id IS NOT NULL`,
  );
  assert.ok(Number(children[0]!.n) > 0, 'the corpus has child sessions');
  // The same attribution state is handed to the file tracker, log by log.
  assert.deepEqual([...b.actions.keys()].sort(), [...a.actions.keys()].sort());
  for (const [path, x] of a.actions)
    assert.equal(b.actions.get(path)!.attributor.lastLine, x.attributor.lastLine);
  // Progress counts every file once and ends where its total says.
  const last = seen.at(-1)!;
  assert.equal(last.filesDone, b.report.sources.length);
  assert.equal(last.filesTotal, last.filesDone);
  whole.close();
  grouped.close();
});
