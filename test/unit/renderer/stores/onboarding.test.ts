import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALL_KEYS } from '../../../../shared/ipc/contract.js';
import type * as OB from '../../../../renderer/src/stores/onboarding.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const ob = (await import(rendererJs('stores/onboarding.js'))) as typeof OB;

test('a first-start action is offered only when its call exists in the contract', () => {
  assert.equal(ob.hasCall(ob.OPEN_SAMPLE_KEY, ['workspace/info', 'workspace/openSample']), true);
  assert.equal(ob.hasCall(ob.OPEN_SAMPLE_KEY, ['workspace/info']), false);
  // Against the real contract: exactly when the key is listed.
  assert.equal(ob.hasCall(ob.OPEN_SAMPLE_KEY), (CALL_KEYS as string[]).includes(ob.OPEN_SAMPLE_KEY));
  assert.equal(ob.hasCall('workspace/info'), true);
});

test('an empty workspace has no sessions, events, tasks or chains', () => {
  const info = {
    path: '/w',
    schema_version: 1,
    read_only: false,
    counts: { sessions: 0, events: 0, tasks: 0, chains: 0 },
  };
  assert.equal(ob.isEmptyWorkspace(info), true);
  assert.equal(ob.isEmptyWorkspace({ ...info, counts: { ...info.counts, chains: 1 } }), false);
});
