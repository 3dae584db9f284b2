import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import {
  importClaudeTracked,
  type TrackedImportOptions,
} from '../../../../electron/importers/claude/importClaude.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { writeBigSession, writeClaudeCorpus } from '../../../bench/corpus/claudeCorpus.js';
import { ownFixtures, sharedFixtures, tempDir } from '../../../helpers/paths.js';
import { workspaceRows } from '../../../helpers/workspaceRows.js';

const tmp = tempDir();
after(tmp.cleanup);

/** Imports `roots` whole and in chunks into two workspaces; returns both dumps and reports. */
async function both(name: string, roots: string[], chunked: TrackedImportOptions) {
  const a = await Workspace.open(join(tmp.dir, `${name}-whole.duckdb`));
  const b = await Workspace.open(join(tmp.dir, `${name}-chunked.duckdb`));
  const whole = await importClaudeTracked(a, roots, { bigLogBytes: Number.POSITIVE_INFINITY });
  const parts = await importClaudeTracked(b, roots, chunked);
  return {
    a,
    b,
    whole,
    parts,
    dumpA: await workspaceRows(a, { sourceIds: false }),
    dumpB: await workspaceRows(b, { sourceIds: false }),
  };
}

test('a big log written in chunks of lines gives the rows, claims and report of the whole-file import', async () => {
  const dir = join(tmp.dir, 'gen');
  const big = await writeBigSession(dir, 2_345, 11);
  const corpus = writeClaudeCorpus(join(dir, 'small'), {
    projects: 1,
    sessionsPerProject: 6,
    actionsPerSession: 30,
    seed: 3,
  });
  const roots = [big.projectRoot, ...corpus.projectRoots];
  const seen: number[] = [];
  const r = await both('gen', roots, {
    bigLogBytes: 4_000,
    bigLogChunkLines: 97,
    onProgress: (p) => {
      if (p.currentPath === big.actionFile) seen.push(p.eventsDone);
    },
  });
  // The progress bar moves with the chunks of the big log (25 of them), not only at its end.
  assert.ok(seen.length > 20, `${seen.length} progress reports during the big log`);
  assert.ok(seen.every((n, i) => i === 0 || n >= seen[i - 1]!));
  assert.equal(r.whole.report.totals.events, big.lines + corpus.lines);
  assert.deepEqual(r.parts.report, r.whole.report);
  assert.deepEqual(r.dumpB, r.dumpA);
  // The tracker continues from the same place in every log.
  for (const [path, x] of r.whole.actions) {
    const y = r.parts.actions.get(path);
    assert.ok(y, path);
    assert.equal(y.attributor.lastLine, x.attributor.lastLine);
    assert.equal(y.hash, x.hash);
    assert.equal(y.size, x.size);
  }
  // Again: every file unchanged, nothing written, the attribution state rebuilt.
  const again = await importClaudeTracked(r.b, roots, { bigLogBytes: 4_000, bigLogChunkLines: 97 });
  assert.ok(again.report.sources.every((s) => s.status === 'unchanged'));
  assert.equal(again.actions.get(big.actionFile)?.attributor.lastLine, big.lines);
  assert.deepEqual(await workspaceRows(r.b, { sourceIds: false }), r.dumpB);
  r.a.close();
  r.b.close();
});

test('chunks that cut through nested sessions, lost parents and entity links write what the whole file writes', async () => {
  const project = join(tmp.dir, 'fixture');
  cpSync(join(sharedFixtures, 'claude-provenance', 'project'), project, { recursive: true });
  const r = await both('fixture', [project], { bigLogBytes: 1, bigLogChunkLines: 2 });
  assert.ok(r.whole.report.totals.events > 0);
  assert.deepEqual(r.parts.report, r.whole.report);
  assert.deepEqual(r.dumpB, r.dumpA);
  r.a.close();
  r.b.close();
});

test('a log whose lost parent is named after its rows were written is read again whole', async () => {
  const project = join(ownFixtures, 'claude', 'shared-minute');
  const r = await both('shared', [project], { bigLogBytes: 1, bigLogChunkLines: 1, project: 'Shared' });
  assert.deepEqual(r.dumpB, r.dumpA);
  r.a.close();
  r.b.close();
});
