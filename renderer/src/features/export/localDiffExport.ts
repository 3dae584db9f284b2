/**
 * A diff whose sides are not both workspace chains (a session's decision sequence on either side):
 * `export/diff` takes chain ids only, so the renderer makes the same file from the two resolved
 * sides (`chains/align` answers them) with the same pure generators and file naming the service
 * uses. Pure: no api, no DOM.
 */
import { diffFileStem, diffText } from '../../../../shared/export/exportText.js';
import type { ResolvedChain } from '../../../../shared/model/chainWorkspace.js';
import {
  FORMAT_FILES,
  exportFileName,
  type DiffExportFormat,
  type ExportedFile,
} from '../../../../shared/model/exports.js';

export function localDiffExport(a: ResolvedChain, b: ResolvedChain, format: DiffExportFormat): ExportedFile {
  // A session's decision chain has no name of its own: its key says which session it is.
  const key = (side: ResolvedChain) => (side.ref.kind === 'session' ? `session-${side.ref.id}` : side.ref.id);
  const nameless = (side: ResolvedChain) =>
    side.ref.kind === 'session' ? { ...side.chain, name: null } : side.chain;
  return {
    file_name: exportFileName(diffFileStem(nameless(a), key(a), nameless(b), key(b)), format),
    mime: FORMAT_FILES[format].mime,
    encoding: 'text',
    content: diffText(a.chain, b.chain, format),
  };
}
