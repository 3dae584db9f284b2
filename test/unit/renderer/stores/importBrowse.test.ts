import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as IB from '../../../../renderer/src/stores/importBrowse.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const ib = (await import(rendererJs('stores/importBrowse.js'))) as typeof IB;

test('locations are relative and `/`-separated; breadcrumbs lead from the root down', () => {
  assert.equal(ib.joinEntry('', 'project'), 'project');
  assert.equal(ib.joinEntry('project/.claude', 'provenance'), 'project/.claude/provenance');
  assert.equal(ib.parentOf('project/.claude/provenance'), 'project/.claude');
  assert.equal(ib.parentOf('project'), '');
  assert.equal(ib.parentOf(''), '');
  assert.deepEqual(ib.breadcrumbs('allowed', 'project/.claude'), [
    { label: 'allowed', at: '' },
    { label: 'project', at: 'project' },
    { label: '.claude', at: 'project/.claude' },
  ]);
  assert.deepEqual(ib.breadcrumbs('allowed', ''), [{ label: 'allowed', at: '' }]);
});

test('importable entries may be chosen; any entry once a kind is named', () => {
  const notes = { name: 'notes.txt', kind: 'file' as const, importable: null };
  const chain = { name: 'c.json', kind: 'file' as const, importable: 'chains' as const };
  assert.equal(ib.isChoosable(chain, false), true);
  assert.equal(ib.isChoosable(notes, false), false);
  assert.equal(ib.isChoosable(notes, true), true);
});

test('the cursor stays in the list; the selection is a new set each time', () => {
  assert.equal(ib.movedCursor(null, 1, 3), 0);
  assert.equal(ib.movedCursor(null, -1, 3), 2);
  assert.equal(ib.movedCursor(2, 1, 3), 2);
  assert.equal(ib.movedCursor(0, -1, 3), 0);
  assert.equal(ib.movedCursor(1, 1, 0), null);
  const a = new Set(['x']);
  const b = ib.toggled(a, 'y');
  assert.deepEqual([...b], ['x', 'y']);
  assert.deepEqual([...a], ['x'], 'not mutated');
  assert.deepEqual([...ib.toggled(b, 'x')], ['y']);
  assert.equal(ib.describeSelection(['a/project']), 'project');
  assert.equal(ib.describeSelection(['project', 'crucible']), 'project and crucible');
  assert.equal(ib.describeSelection(['a', 'b', 'c']), '3 entries');
});
