/**
 * The desktop app's composition root: secure window, app:// protocol, contract over IPC, menu,
 * workspace lifetime. Everything else lives in plain-Node modules (service, store, importers).
 */
import { join } from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { resolveWorkspacePath } from '../store/paths.js';
import type { ClosableService } from '../serviceTypes.js';
import type { SwitchableService } from './workspaceDialogs.js';
import { registerAppScheme, serveRenderer } from './appProtocol.js';
import { flagValue } from './argv.js';
import { denyPermissions, hardenContents } from './hardening.js';
import { forwardEvents, isTrustedSender, registerContract, sendEvent } from './ipc.js';
import { closeBeforeQuit, holdSingleInstance } from './lifecycle.js';
import { buildMenu } from './menu.js';
import { openService } from './openService.js';
import { newWorkspaceDialog, openWorkspaceDialog } from './workspaceDialogs.js';
import { createMainWindow } from './window.js';

// Built layout: dist/electron/main/index.js, dist/electron/preload/index.cjs, dist/renderer/.
const RENDERER_DIR = join(import.meta.dirname, '../../renderer');
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');

let win: BrowserWindow | null = null;

function showWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  await app.whenReady();
  denyPermissions(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  const dbPath = resolveWorkspacePath(flagValue(process.argv, '--db'));
  let service: ClosableService & SwitchableService;
  try {
    service = await openService(dbPath);
  } catch (e) {
    dialog.showErrorBox('Provenance Explorer cannot open its workspace', (e as Error).message);
    app.exit(1);
    return;
  }
  closeBeforeQuit(() => service.close());

  registerContract(service, (event) => isTrustedSender(event, win));
  forwardEvents(service, () => win?.webContents ?? null);
  Menu.setApplicationMenu(
    buildMenu((command) => {
      // Workspace files are chosen here, in the main process; everything else the renderer runs.
      if (command === 'open-workspace') void openWorkspaceDialog(service);
      else if (command === 'new-workspace') void newWorkspaceDialog(service);
      else if (win) sendEvent(win.webContents, 'app/command', { command });
    }),
  );

  const openWindow = () => {
    win = createMainWindow(PRELOAD);
    win.on('closed', () => (win = null));
  };
  openWindow();
  app.on('activate', () => {
    if (!win) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

app.enableSandbox(); // every renderer sandboxed, whatever a window's options say
registerAppScheme(); // before 'ready', as Electron requires
if (holdSingleInstance(showWindow)) {
  start().catch((e: unknown) => {
    console.error('provex: the desktop app failed to start:', e);
    app.exit(1);
  });
} else {
  app.quit();
}
