/**
 * Sends dropped or chosen files with `import/upload`, one call per dropped item (so no request
 * holds the whole drop), and shows the merged report in the Import panel. A drop over
 * MAX_DROP_BYTES is refused before anything is read; an item whose call fails becomes an error
 * line of the report while the other items still go.
 */
import { api } from '../../api/index.js';
import { failureReport, mergeReports, relabelUploads } from '../../stores/importReport.js';
import { useImportStore } from '../../stores/importStore.js';
import type { ImportReport } from '../../../../shared/model/imports.js';
import { dropProblem, encodeGroup, groupByItem, type PickedFile } from './dropEntries.js';

export async function uploadPicked(files: PickedFile[]): Promise<void> {
  const store = useImportStore.getState();
  const problem = dropProblem(files);
  if (problem) return store.refuse(problem);
  const groups = groupByItem(files);
  const what = groups.length === 1 ? groups[0]!.name : `${groups.length} dropped items`;
  const kind = store.kind;
  await store.run(what, async () => {
    const reports: ImportReport[] = [];
    for (const group of groups) {
      try {
        const items = await encodeGroup(group);
        const report = await api.call('import/upload', {
          name: group.name,
          items,
          ...(kind ? { kind } : {}),
        });
        reports.push(relabelUploads(report));
      } catch (e) {
        reports.push(failureReport(group.name, `${group.name}: ${(e as Error).message}`));
      }
    }
    return mergeReports(reports);
  });
}
