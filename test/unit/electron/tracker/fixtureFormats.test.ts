import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { JsonObject } from '../../../../shared/model/json.js';
import { serializeActionLine, toActionLine } from '../../../../electron/tracker/actionLine.js';
import { serializeJsonManifest } from '../../../../electron/tracker/jsonManifest.js';
import { PyFloat, toPyYaml } from '../../../../electron/tracker/pyYaml.js';
import type { EntityLinkRecord, TrackedEvent } from '../../../../electron/tracker/records.js';
import { renderSummary } from '../../../../electron/tracker/summaryMd.js';
import { MICROGROW_TOOL_MAP } from '../../../../electron/tracker/toolMap.js';
import { sharedFixtures } from '../../../helpers/paths.js';

const prov = join(sharedFixtures, 'claude-provenance', 'project', '.claude', 'provenance');
const read = (...p: string[]): string => readFileSync(join(prov, ...p), 'utf8');
const lines = (folder: string): JsonObject[] =>
  read('sessions', folder, 'actions.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JsonObject);

const sessions = [
  { folder: '2026-01-13-16-05', uuid: '79443331-9357-4ae6-8378-b0e622fae3c8' },
  { folder: '2026-01-11-07-08', uuid: 'ef048ecd-95a3-4a4e-a065-431a6d18368e' },
];

for (const { folder, uuid } of sessions) {
  test(`summary.md of ${folder} is reproduced byte for byte from its actions`, () => {
    const json = JSON.parse(read(`${uuid}.json`)) as { session: Record<string, unknown> };
    const s = json.session;
    const md = renderSummary(
      {
        folder,
        sessionId: String(s.session_id),
        agentType: String(s.agent_type),
        query: String(s.query),
        durationMs: Number(s.duration_ms),
        success: s.success === true,
        sessionsDir: '.claude/provenance/sessions',
        systemName: 'MicroGrowAgents Provenance System v1.0',
      },
      lines(folder),
    );
    assert.equal(md, read('sessions', folder, 'summary.md'));
  });

  test(`<uuid>.json of ${folder} is re-serialized byte for byte (indent 2, ASCII, no newline)`, () => {
    const text = read(`${uuid}.json`);
    assert.equal(serializeJsonManifest(JSON.parse(text) as JsonObject), text);
  });

  test(`manifest.yaml of ${folder} is re-emitted byte for byte in PyYAML style`, () => {
    const text = read('sessions', folder, 'manifest.yaml');
    const m = parse(text) as { session: Record<string, unknown> };
    m.session.duration_minutes = new PyFloat(Number(m.session.duration_minutes));
    assert.equal(toPyYaml(m), text);
  });
}

test('action lines are rebuilt from the JSON manifest trace, links included from the link time on', () => {
  const json = JSON.parse(read('79443331-9357-4ae6-8378-b0e622fae3c8.json')) as {
    execution_trace: TrackedEvent[];
    entity_links: EntityLinkRecord[];
  };
  const expected = read('sessions', '2026-01-13-16-05', 'actions.jsonl').split('\n').filter(Boolean);
  json.execution_trace.forEach((e, i) => {
    const d = e.details as { duration_ms?: number | null };
    const event: TrackedEvent = {
      ...e,
      duration_ms: d.duration_ms ?? null,
      related_event_id: null,
      status: 'success',
      error_message: null,
      files_affected: [],
    };
    const links = json.entity_links.filter((l) => l.timestamp < e.timestamp);
    const line = serializeActionLine(toActionLine(event, links, MICROGROW_TOOL_MAP));
    // The one deliberate difference (§12.12): an event that was not timed says null, not 0.
    const want =
      d.duration_ms === undefined
        ? expected[i]!.replace('"duration_ms": 0,', '"duration_ms": null,')
        : expected[i];
    assert.equal(line, `${want}\n`, `line ${i + 1}`);
  });
});

test('a failed tool call line says failure and carries the error message', () => {
  const event: TrackedEvent = {
    event_id: 'e',
    session_id: 's',
    event_type: 'tool_call',
    event_name: 'api.kegg_pathway_lookup',
    timestamp: '2026-01-13T16:05:13',
    sequence_number: 3,
    details: { call_id: 'c', cache_hit: false, duration_ms: 5 },
    duration_ms: 5,
    related_event_id: null,
    status: 'failure',
    error_message: 'HTTPError 503: Service Unavailable',
    files_affected: [],
  };
  const line = toActionLine(event, [], MICROGROW_TOOL_MAP);
  assert.equal(line.status, 'failure');
  assert.deepEqual(line.error, { message: 'HTTPError 503: Service Unavailable' });
  assert.equal(line.tool, 'KEGGPathwayAPI');
  assert.equal(line.timestamp, '2026-01-13T16:05:13Z');
});
