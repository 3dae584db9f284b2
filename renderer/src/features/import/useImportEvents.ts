/** Subscribes the import and live-update stores to their events (once, in the shell). */
import { useEffect } from 'react';
import { api } from '../../api/index.js';
import { useImportStore } from '../../stores/importStore.js';
import { useLiveStore } from '../../stores/liveStore.js';

export function useImportEvents(): void {
  useEffect(() => {
    void useLiveStore.getState().load();
    const offs = [
      api.on('import/progress', (p) => useImportStore.getState().progressed(p)),
      api.on('watch/appended', (e) => void useLiveStore.getState().appended(e)),
      api.on('watch/imported', (e) => useLiveStore.getState().imported(e)),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}

/**
 * Opens the Import panel; with a mode, and where OS dialogs exist (the desktop app), goes on to
 * the dialog at once (File ▸ Import a folder…). In the browser the panel is where to choose.
 */
export async function startImport(mode?: 'folder' | 'files'): Promise<void> {
  const store = useImportStore.getState();
  await store.openPanel();
  if (mode && useImportStore.getState().roots?.dialogs) await store.importWithDialog(mode);
}
