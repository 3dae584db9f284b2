import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  compareSessions,
  findEntityProvenance,
  getAgentStatistics,
  getDecisionPatterns,
  getRecentSessions,
  getSessionHierarchy,
  getSessionTrace,
  getToolCallStatistics,
  utcCutoff,
} from '../../../../electron/store/provenanceQueries.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { runDemoAgent, type DemoRun } from '../../../../electron/tracker/demo.js';
import { ProvenanceTracker } from '../../../../electron/tracker/tracker.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir('provex-queries-');
let ws: Workspace;
let first: DemoRun;
let second: DemoRun;

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  // In-process use: the tracker writes through the app's open workspace.
  const tracker = new ProvenanceTracker({ workspace: ws, projectRoot: join(tmp.dir, 'project') });
  first = await runDemoAgent(tracker);
  second = await runDemoAgent(tracker);
  await tracker.close();
  assert.equal(ws.isClosed, false, 'the tracker leaves a passed-in workspace open');
});
after(() => {
  ws.close();
  tmp.cleanup();
});

test('get_session_trace returns everything the tracker wrote for one session', async () => {
  const trace = await getSessionTrace(ws, first.sessionIds[2]!);
  assert.ok(!('error' in trace));
  assert.equal(trace.session.agent_type, 'ChemistryAgent');
  assert.equal(trace.session.depth, 2);
  assert.equal(trace.session.parent_session_id, first.sessionIds[1]);
  assert.match(trace.session.start_time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  assert.equal(trace.session.project, 'project');
  assert.match(trace.session.folder ?? '', /^\d{4}-\d\d-\d\d-\d\d-\d\d(-\d+)?$/);
  assert.match(trace.session.summary_md ?? '', /^# Agent Execution Summary/);
  assert.deepEqual(
    trace.events.map((e) => e.event_name),
    ['agent_start', 'api.pubchem_compound_lookup', 'api.chebi_entity_lookup', 'log_warning', 'agent_end'],
  );
  assert.deepEqual(
    trace.events.map((e) => e.sequence_number),
    [1, 2, 3, 4, 5],
  );
  assert.equal(trace.tool_calls.length, 2);
  assert.equal(trace.session.cache_hits, 1);
  assert.deepEqual(trace.tool_calls.find((c) => c.cache_hit)?.output_data, { cid: 66204, formula: 'Cl3Nd' });
  assert.equal(trace.entity_links.length, 1);
  assert.equal(trace.entity_links[0]!.event_id, trace.events[3]!.event_id);
  assert.deepEqual(await getSessionTrace(ws, 'nope'), { error: 'Session nope not found' });
});

test('get_agent_statistics counts executions and outcomes per agent type', async () => {
  const all = await getAgentStatistics(ws);
  assert.deepEqual(all.map((s) => [s.agent_type, s.executions, s.successful, s.failed]).sort(), [
    ['ChemistryAgent', 2, 2, 0],
    ['MediaFormulationAgent', 2, 2, 0],
    ['PathwayAnalysisAgent', 2, 2, 0],
  ]);
  const one = await getAgentStatistics(ws, { agentType: 'MediaFormulationAgent' });
  assert.equal(one.length, 1);
  assert.ok(one[0]!.min_duration_ms! <= one[0]!.max_duration_ms!);
  assert.equal(typeof one[0]!.avg_duration_ms, 'number');
  // The window is in UTC: a reference time 8 days later leaves nothing inside 7 days.
  const later = new Date(Date.now() + 8 * 86_400_000).toISOString();
  assert.deepEqual(await getAgentStatistics(ws, { now: later }), []);
});

test('find_entity_provenance lists the sessions linked to an entity, newest link first', async () => {
  const rows = await findEntityProvenance(ws, 'ingredients', 'CHEBI:33372');
  assert.deepEqual(
    rows.map((r) => r.session_id),
    [second.sessionIds[2], first.sessionIds[2]],
  );
  assert.equal(rows[0]!.link_type, 'used');
  assert.deepEqual(await findEntityProvenance(ws, 'ingredients', 'none'), []);
});

test('get_tool_call_statistics aggregates calls, cache hits and failures per tool', async () => {
  const stats = await getToolCallStatistics(ws);
  const byName = Object.fromEntries(stats.map((s) => [s.tool_name, s]));
  assert.equal(stats.length, 4);
  assert.deepEqual(
    { ...byName.pubchem_compound_lookup, avg_duration_ms: null },
    {
      tool_type: 'api',
      tool_name: 'pubchem_compound_lookup',
      call_count: 2,
      avg_duration_ms: null,
      cache_hits: 2,
      cache_misses: 0,
      successful: 2,
      failed: 0,
    },
  );
  assert.equal(byName.chebi_entity_lookup!.failed, 2);
  assert.equal(byName.pubchem_compound_lookup!.avg_duration_ms, 2);
});

test('get_decision_patterns counts branches per agent and decision type', async () => {
  assert.deepEqual(await getDecisionPatterns(ws), [
    { agent_type: 'MediaFormulationAgent', decision_type: 'strategy', branch_taken: 'add_NdCl3', count: 2 },
  ]);
  assert.deepEqual(await getDecisionPatterns(ws, { agentType: 'ChemistryAgent' }), []);
});

test('get_session_hierarchy walks the tree from a root', async () => {
  const tree = await getSessionHierarchy(ws, first.rootSessionId);
  assert.deepEqual(
    tree.map((n) => [n.session_id, n.level, n.depth]),
    first.sessionIds.map((id, i) => [id, i, i]),
  );
  assert.equal(tree[1]!.parent_session_id, first.rootSessionId);
});

test('get_recent_sessions is newest first, optionally per agent type', async () => {
  const recent = await getRecentSessions(ws, { limit: 2 });
  assert.deepEqual(
    recent.map((r) => r.session_id),
    [second.sessionIds[2], second.sessionIds[1]],
  );
  const roots = await getRecentSessions(ws, { agentType: 'MediaFormulationAgent' });
  assert.deepEqual(
    roots.map((r) => r.session_id),
    [second.rootSessionId, first.rootSessionId],
  );
  assert.equal(roots[0]!.success, true);
  assert.match(roots[0]!.end_time ?? '', /Z$/);
});

test('compare_sessions puts two runs side by side', async () => {
  const c = await compareSessions(ws, first.rootSessionId, second.rootSessionId);
  assert.ok(!('error' in c));
  assert.equal(c.inputs_differ, false);
  assert.equal(c.agent_types_match, true);
  assert.equal(c.both_successful, true);
  assert.equal(c.event_count_diff, 0);
  assert.equal(c.tool_call_count_diff, 0);
  assert.equal(c.decision_count_diff, 0);
  assert.equal(c.session_1.session_id, first.rootSessionId);
  const d = await compareSessions(ws, first.rootSessionId, first.sessionIds[1]!);
  assert.ok(!('error' in d));
  assert.equal(d.inputs_differ, true);
  assert.equal(d.agent_types_match, false);
  assert.deepEqual(await compareSessions(ws, first.rootSessionId, 'nope'), {
    error: 'One or both sessions not found',
  });
});

test('the cutoff is naive UTC, whatever the local zone', () => {
  assert.equal(utcCutoff({ now: '2026-01-13T16:05:12.000Z', days: 1 }), '2026-01-12T16:05:12.000');
});
