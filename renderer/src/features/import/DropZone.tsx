/**
 * Drag and drop of folders and files anywhere on the window: an overlay while something is
 * dragged over, then the dropped items are read (folders recursively) and uploaded. The entries
 * must be taken from the DataTransfer during the drop event itself: it is emptied afterwards.
 */
import { useEffect, useState } from 'react';
import { useImportStore } from '../../stores/importStore.js';
import { pickedFromInput, readEntry, type EntryLike, type PickedFile } from './dropEntries.js';
import { uploadPicked } from './uploadPicked.js';

const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));

type Dropped = { entry: EntryLike } | { file: File };

/** What was dropped, taken synchronously: an entry where the browser gives one, else the file. */
function takeDropped(data: DataTransfer): Dropped[] {
  const taken: Dropped[] = [];
  const items = [...data.items].filter((i) => i.kind === 'file');
  for (const item of items) {
    const entry = item.webkitGetAsEntry?.() as EntryLike | null | undefined;
    if (entry) taken.push({ entry });
    else {
      const file = item.getAsFile();
      if (file) taken.push({ file });
    }
  }
  // Some browsers give files but no items.
  if (items.length === 0) for (const file of data.files) taken.push({ file });
  return taken;
}

async function readDropped(taken: Dropped[]): Promise<PickedFile[]> {
  const files: PickedFile[] = [];
  for (const t of taken) files.push(...('entry' in t ? await readEntry(t.entry) : pickedFromInput([t.file])));
  return files;
}

export function DropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when the window is left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // without it the browser would open the file instead of dropping it here
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || !carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const taken = takeDropped(e.dataTransfer);
      void readDropped(taken)
        .then(uploadPicked)
        .catch((err: unknown) =>
          useImportStore.getState().refuse(`Could not read the dropped files: ${(err as Error).message}`),
        );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    over && (
      <div className="drop-overlay" data-testid="drop-overlay">
        <div className="drop-target">
          <b>Drop folders or files to import them</b>
          <span className="muted">
            .claude/provenance folders, DuckDB and task databases, chain JSON files
          </span>
        </div>
      </div>
    )
  );
}
