import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { provex } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);

test('track demo lands nested sessions in the workspace and in .claude/provenance, and both agree', () => {
  const r = provex(['track', 'demo', '--db', 'ws.duckdb'], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /recorded 3 sessions/);

  const ls = provex(['sessions', 'ls', '--db', 'ws.duckdb', '--json'], tmp.dir);
  const rows = JSON.parse(ls.stdout) as {
    session_id: string;
    depth: number;
    event_count: number;
    parent_session_id: string | null;
    project: string;
  }[];
  assert.equal(rows.length, 3);
  assert.deepEqual(rows.map((s) => s.depth).sort(), [0, 1, 2]);
  const root = rows.find((s) => s.depth === 0)!;
  assert.equal(root.parent_session_id, null);
  assert.ok(rows.every((s) => s.project === tmp.dir.split('/').pop()));

  // jq -r .type .claude/provenance/sessions/*/actions.jsonl | sort | uniq -c  ==  the workspace's events by type
  const sessionsDir = join(tmp.dir, '.claude', 'provenance', 'sessions');
  const folders = readdirSync(sessionsDir);
  assert.equal(folders.length, 3, 'every session has a folder of its own');
  const fileTypes = new Map<string, number>();
  for (const f of folders) {
    for (const line of readFileSync(join(sessionsDir, f, 'actions.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)) {
      const t = (JSON.parse(line) as { type: string }).type;
      fileTypes.set(t, (fileTypes.get(t) ?? 0) + 1);
    }
  }
  const q = provex(
    [
      'query',
      `SELECT CASE event_type WHEN 'lifecycle' THEN 'execute' WHEN 'log' THEN 'read' WHEN 'tool_call' THEN 'query'
         WHEN 'transformation' THEN 'analyze' ELSE event_type END AS type, COUNT(*) AS n FROM provenance_events GROUP BY 1 ORDER BY 1`,
      '--db',
      'ws.duckdb',
      '--format',
      'json',
    ],
    tmp.dir,
  );
  const dbTypes = new Map(
    (JSON.parse(q.stdout) as { type: string; n: number }[]).map((x) => [x.type, Number(x.n)]),
  );
  assert.deepEqual([...fileTypes].sort(), [...dbTypes].sort());
  const total = [...dbTypes.values()].reduce((a, b) => a + b, 0);
  assert.equal(
    total,
    rows.reduce((a, s) => a + s.event_count, 0),
  );
});
