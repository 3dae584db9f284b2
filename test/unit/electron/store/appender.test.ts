import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { withAppender } from '../../../../electron/store/appender.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { tempDir } from '../../../helpers/paths.js';

// The garbage collector, on demand (the test runner does not expose it).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const tmp = tempDir();
after(tmp.cleanup);

test('an append that fails leaves nothing behind to abort a later transaction', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'appender.duckdb'));
  await ws.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY)`);
  await assert.rejects(
    ws.transaction((tx) =>
      withAppender(tx.connection, 't', (ap) => {
        for (const id of [1, 1]) {
          ap.appendInteger(id);
          ap.endRow();
        }
      }),
    ),
    /PRIMARY KEY|constraint/i,
  );
  // The failed appender is gone: collecting garbage in the middle of the next transaction (where
  // an appender left with rows used to be closed, aborting it) changes nothing.
  await ws.transaction(async (tx) => {
    await tx.exec(`INSERT INTO t VALUES (5)`);
    gc();
    await new Promise((r) => setTimeout(r, 20));
    gc();
    await tx.exec(`INSERT INTO t VALUES (6)`);
  });
  assert.deepEqual(await ws.all(`SELECT id FROM t ORDER BY id`), [{ id: 5 }, { id: 6 }]);
  ws.close();
});
