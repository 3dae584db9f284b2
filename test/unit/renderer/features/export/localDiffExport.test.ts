import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type * as LocalDiff from '../../../../../renderer/src/features/export/localDiffExport.js';
import { ExportService } from '../../../../../electron/exportService.js';
import { saveChain } from '../../../../../electron/store/chainRepository.js';
import { Workspace } from '../../../../../electron/store/workspace.js';
import type { ResolvedChain } from '../../../../../shared/model/chainWorkspace.js';
import { asChainId, asSessionId } from '../../../../../shared/model/ids.js';
import { chainB, golden } from '../../../../helpers/crucible.js';
import { tempDir } from '../../../../helpers/paths.js';
import { rendererJs } from '../../../../helpers/rendererModule.js';

const { localDiffExport } = (await import(
  rendererJs('features/export/localDiffExport.js')
)) as typeof LocalDiff;
const tmp = tempDir('provex-local-diff-');
after(tmp.cleanup);

test('two chains: the same file as export/diff answers, for every diff format', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  try {
    const [a, b] = [await saveChain(ws, golden()), await saveChain(ws, chainB())];
    const side = (id: string, chain = id === a ? golden() : chainB()): ResolvedChain => ({
      ref: { kind: 'chain', id: asChainId(id) },
      label: chain.name ?? id,
      chain,
    });
    for (const format of ['mermaid-flowchart', 'html', 'json'] as const) {
      assert.deepEqual(
        localDiffExport(side(a), side(b), format),
        await new ExportService(ws).diff({ a, b, format }),
        format,
      );
    }
  } finally {
    ws.close();
  }
});

test("a session's decisions on a side: named by the session, compared like a chain", () => {
  const session: ResolvedChain = {
    ref: { kind: 'session', id: asSessionId('s-1') },
    label: 'session s-1 (4 decisions)',
    chain: { ...chainB(), name: 'Agent: a very long query' },
  };
  const chain: ResolvedChain = { ref: { kind: 'chain', id: asChainId('c1') }, label: 'x', chain: golden() };
  const file = localDiffExport(chain, session, 'mermaid-flowchart');
  assert.equal(file.file_name, 'diff-State-Manager-Implementation-vs-session-s-1.flowchart.mmd');
  assert.equal(file.mime, 'text/vnd.mermaid');
  assert.equal(file.encoding, 'text');
  assert.match(file.content, /^flowchart TD\n/);
  assert.match(file.content, /:::added/);
  assert.equal(
    JSON.parse(localDiffExport(session, chain, 'json').content).summary,
    JSON.parse(localDiffExport(chain, session, 'json').content).summary.replace(
      /(\d+) added, (\d+) removed/,
      '$2 added, $1 removed',
    ),
  );
});
