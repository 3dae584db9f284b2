import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zeroCounts, type ImportReport, type SourceOutcome } from '../../../../shared/model/imports.js';
import type * as IR from '../../../../renderer/src/stores/importReport.js';
import type * as LS from '../../../../renderer/src/stores/liveStore.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const ir = (await import(rendererJs('stores/importReport.js'))) as typeof IR;
const live = (await import(rendererJs('stores/liveStore.js'))) as typeof LS;

const P = '/data/allowed/project/.claude/provenance';
const source = (o: Partial<SourceOutcome> & Pick<SourceOutcome, 'path' | 'status'>): SourceOutcome => ({
  kind: 'actions-jsonl',
  counts: zeroCounts(),
  rejected: [],
  warnings: [],
  ...o,
});

const report: ImportReport = {
  sources: [
    source({ path: `${P}/sessions/b/manifest.yaml`, kind: 'manifest-yaml', status: 'unchanged' }),
    source({
      path: `${P}/sessions/a/actions.jsonl`,
      status: 'imported',
      counts: { ...zeroCounts(), sessions: 1, events: 28 },
      rejected: [
        {
          path: `${P}/sessions/a/actions.jsonl`,
          line: 12,
          message: `${P}/sessions/a/actions.jsonl:12: not JSON`,
        },
      ],
      warnings: [{ path: `${P}/sessions/a/actions.jsonl`, line: 3, message: 'unknown action type "ponder"' }],
    }),
    source({
      path: `${P}/broken.json`,
      kind: 'json-manifest',
      status: 'rejected',
      reason: `${P}/broken.json:1: invalid JSON`,
      rejected: [{ path: `${P}/broken.json`, line: 1, message: `${P}/broken.json:1: invalid JSON` }],
    }),
    source({
      path: `${P}/sessions/c/actions.jsonl`,
      status: 'replaced',
      counts: { ...zeroCounts(), events: 1 },
    }),
  ],
  totals: { ...zeroCounts(), sessions: 1, events: 29 },
  errors: [{ path: `${P}/notes.txt`, message: `${P}/notes.txt: unknown kind` }],
};

test('the report is grouped by outcome, paths shown from the shared folder, reasons without the path prefix', () => {
  const v = ir.groupReport(report);
  assert.deepEqual(v.counts, { imported: 1, replaced: 1, unchanged: 1, rejected: 1 });
  assert.equal(v.written, '1 session, 29 events');
  assert.deepEqual(
    v.groups.map((g) => [g.status, g.sources.map((s) => s.shown)]),
    [
      ['imported', ['sessions/a/actions.jsonl']],
      ['replaced', ['sessions/c/actions.jsonl']],
      ['unchanged', ['sessions/b/manifest.yaml']],
      ['rejected', ['broken.json']],
    ],
  );
  assert.equal(v.groups[0]!.sources[0]!.rows, '1 session, 28 events');
  assert.equal(v.groups[3]!.sources[0]!.reason, 'invalid JSON');
  // The rejected source's own line is not repeated; a skipped line and a lone error are listed.
  assert.deepEqual(
    v.rejected.map((i) => [i.where, i.message]),
    [
      ['sessions/a/actions.jsonl:12', 'not JSON'],
      ['notes.txt', 'unknown kind'],
    ],
  );
  assert.deepEqual(
    v.warnings.map((i) => [i.where, i.message]),
    [['sessions/a/actions.jsonl:3', 'unknown action type "ponder"']],
  );
  assert.equal(v.clean, false);
  const fine = ir.groupReport({ ...report, sources: report.sources.slice(0, 1), errors: [] });
  assert.equal(fine.clean, true);
  assert.equal(ir.groupReport({ sources: [], totals: zeroCounts(), errors: [] }).written, 'nothing new');
});

test('database issues name their table and row', () => {
  const v = ir.groupReport({
    sources: [
      source({
        path: '/x/prov.duckdb',
        kind: 'duckdb',
        status: 'imported',
        rejected: [{ path: '/x/prov.duckdb', table: 'provenance_events', row: 7, message: 'no session' }],
      }),
    ],
    totals: zeroCounts(),
    errors: [],
  });
  assert.deepEqual(v.rejected[0], {
    where: 'prov.duckdb (provenance_events row 7)',
    path: '/x/prov.duckdb',
    message: 'no session',
  });
});

test('the shared folder of paths, POSIX or Windows', () => {
  assert.equal(ir.commonDir(['/a/b/c.txt', '/a/b/d/e.txt']), '/a/b/');
  assert.equal(ir.commonDir(['/a/b/c.txt']), '/a/b/');
  assert.equal(ir.commonDir(['/a/x', '/b/y']), '/');
  assert.equal(ir.commonDir(['/ab/x', '/ac/y']), '/');
  assert.equal(ir.commonDir(['a.txt', '/b/y']), '');
  assert.equal(ir.commonDir(['C:\\u\\p\\a.json', 'C:\\u\\p\\s\\b.yaml']), 'C:\\u\\p\\');
  assert.equal(ir.commonDir([]), '');
  assert.equal(ir.relativeTo('/a/b/c', '/a/'), 'b/c');
  assert.equal(ir.relativeTo('/a/', '/a/'), '/a/');
});

test('uploaded copies are named as they were dropped; reports of several items merge', () => {
  const up = '/home/u/.config/provex/uploads/1795310873463-broken-chain.json/broken-chain.json';
  assert.equal(ir.uploadedName(up), 'broken-chain.json');
  assert.equal(ir.uploadedName('/data/project/x.json'), '/data/project/x.json');
  const a = ir.relabelUploads({
    sources: [
      source({
        path: up,
        kind: 'chain-json',
        status: 'rejected',
        reason: `${up}:1: invalid JSON: expected ':'`,
        rejected: [{ path: up, line: 1, message: `${up}:1: invalid JSON: expected ':'` }],
      }),
    ],
    totals: zeroCounts(),
    errors: [],
  });
  const b: ImportReport = {
    sources: [source({ path: 'c.json', kind: 'chain-json', status: 'imported' })],
    totals: { ...zeroCounts(), chains: 1, chain_events: 4 },
    errors: [],
  };
  const merged = ir.mergeReports([a, b, ir.failureReport('big', 'big: HTTP 413')]);
  assert.equal(merged.sources.length, 2);
  assert.deepEqual([merged.totals.chains, merged.totals.chain_events], [1, 4]);
  const v = ir.groupReport(merged);
  assert.equal(v.groups.find((g) => g.status === 'rejected')!.sources[0]!.shown, 'broken-chain.json');
  assert.equal(
    v.groups.find((g) => g.status === 'rejected')!.sources[0]!.reason,
    "invalid JSON: expected ':'",
  );
  assert.deepEqual(
    v.rejected.map((i) => [i.where, i.message]),
    [['big', 'HTTP 413']],
  );
  assert.equal(v.written, '1 chain, 4 chain events');
});

test('progress: counts, a fraction once the files are known, a rate once time has passed', () => {
  const p = { filesDone: 3, filesTotal: 12, sessionsDone: 2, eventsDone: 2500, currentPath: '/x/a.jsonl' };
  const v = ir.progressView(p, 1000);
  assert.equal(v.fraction, 0.25);
  assert.equal(v.text, '3 / 12 files · 2 sessions · 2,500 events · 2,500 events/s');
  assert.equal(v.current, '/x/a.jsonl');
  const early = ir.progressView({ ...p, filesTotal: 0 }, 50);
  assert.equal(early.fraction, null);
  assert.equal(early.text, '3 files · 2 sessions · 2,500 events');
});

test('live updates: the toast text and the indicator state', () => {
  assert.equal(live.linesText(1), '+1 line');
  assert.equal(live.linesText(3), '+3 lines');
  const root = {
    root_id: 'r',
    label: 'p',
    location: '/p',
    watched: true,
    state: 'events' as const,
    folders: 3,
    lines: 0,
    last_change: null,
    last_error: null,
  };
  assert.equal(live.liveState(null), 'off');
  assert.equal(live.liveState({ paused: false, roots: [{ ...root, watched: false, state: 'off' }] }), 'off');
  assert.equal(live.liveState({ paused: false, roots: [root] }), 'live');
  assert.equal(live.liveState({ paused: true, roots: [root] }), 'paused');
});
