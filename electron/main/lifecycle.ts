/** App lifecycle pieces that need care: one instance, and the workspace closed before exit. */
import { app } from 'electron';

/**
 * Holds the single-instance lock; a second launch focuses the running window instead.
 * Returns false when another instance already runs (this one should quit).
 */
export function holdSingleInstance(focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', focus);
  return true;
}

/**
 * Closes the workspace after the windows are gone and before the process exits: quitting is
 * postponed once (`will-quit`), the close awaited, then the quit resumed.
 */
export function closeBeforeQuit(close: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    close()
      .catch((e: unknown) => console.error('provex: closing the workspace failed:', e))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
