/**
 * The seam between the desktop shell and electron/service.ts: the one function the composition
 * root calls to get a service over the workspace at `dbPath`. The OS dialogs behind `import/run`
 * live here, in the main process, so no path ever comes from the renderer.
 */
import { BrowserWindow, dialog } from 'electron';
import { Service } from '../service.js';
import { Workspace } from '../store/workspace.js';
import type { ClosableService } from '../serviceTypes.js';
import type { SwitchableService } from './workspaceDialogs.js';

async function pick(mode: 'folder' | 'files'): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: mode === 'folder' ? 'Import a folder' : 'Import files',
    properties: mode === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
  };
  const win = BrowserWindow.getFocusedWindow();
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}

export async function openService(dbPath: string): Promise<ClosableService & SwitchableService> {
  return new Service(await Workspace.open(dbPath), { pick });
}
