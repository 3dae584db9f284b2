/**
 * File → Open workspace… / New workspace…: the main process asks for the file (no path comes from
 * the renderer) and switches the service to it; the service tells every view to reload.
 */
import { BrowserWindow, dialog } from 'electron';

export interface SwitchableService {
  switchWorkspace(path: string): Promise<unknown>;
}

const FILTERS = [{ name: 'DuckDB workspace', extensions: ['duckdb', 'db'] }];

export async function openWorkspaceDialog(service: SwitchableService): Promise<void> {
  const win = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    title: 'Open workspace',
    filters: FILTERS,
    properties: ['openFile'],
  };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (!r.canceled && r.filePaths[0]) await switchOrReport(service, r.filePaths[0]);
}

export async function newWorkspaceDialog(service: SwitchableService): Promise<void> {
  const win = BrowserWindow.getFocusedWindow();
  const options: Electron.SaveDialogOptions = {
    title: 'New workspace',
    filters: FILTERS,
    defaultPath: 'workspace.duckdb',
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (!r.canceled && r.filePath) await switchOrReport(service, r.filePath);
}

async function switchOrReport(service: SwitchableService, path: string): Promise<void> {
  try {
    await service.switchWorkspace(path);
  } catch (e) {
    dialog.showErrorBox('Provenance Explorer cannot open this workspace', (e as Error).message);
  }
}
