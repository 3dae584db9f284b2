/**
 * The application menu. Items do not act in the main process: each sends an `app/command` event
 * and the renderer runs it (through the contract, so dialogs stay in the main process).
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract.js';

export function buildMenu(run: (command: AppCommand) => void, platform = process.platform): Menu {
  const item = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => run(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Import folder…', 'import-folder', 'CmdOrCtrl+I'),
        item('Import files…', 'import-files', 'CmdOrCtrl+Shift+I'),
        { type: 'separator' },
        item('Open workspace…', 'open-workspace', 'CmdOrCtrl+O'),
        item('New workspace…', 'new-workspace', 'CmdOrCtrl+N'),
        { type: 'separator' },
        item('Export…', 'export', 'CmdOrCtrl+E'),
        ...(platform === 'darwin' ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('Sessions', 'view-sessions', 'CmdOrCtrl+1'),
        item('Tasks', 'view-tasks', 'CmdOrCtrl+2'),
        item('Chains', 'view-chains', 'CmdOrCtrl+3'),
        item('SQL', 'view-sql', 'CmdOrCtrl+4'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [item('Keyboard shortcuts', 'show-shortcuts', 'CmdOrCtrl+/'), item('About', 'show-about')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
