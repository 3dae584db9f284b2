/**
 * The typed command registry: every keyboard shortcut (and desktop menu command) is a command
 * with an id, a title and its keys. The keymap, the `?` overlay and the menu events all read it.
 */
import type { AppCommand } from '../../../shared/ipc/contract.js';
import { startImport } from '../features/import/index.js';
import { clearSessionsView, moveSessionSelection, openSelectedSession } from '../features/sessions/index.js';
import {
  fitAll,
  leaveTimeline,
  moveTimelineSelection,
  panBy,
  ZOOM_STEP,
  zoomBy,
} from '../features/timeline/index.js';
import { useRouteStore } from '../stores/routeStore.js';
import { useImportStore } from '../stores/importStore.js';
import { useThemeStore } from '../stores/themeStore.js';
import { useUiStore } from '../stores/uiStore.js';
import type { Route } from '../stores/urlState.js';

export type CommandId =
  | 'next-item'
  | 'previous-item'
  | 'open-item'
  | 'focus-search'
  | 'escape'
  | 'show-keymap'
  | 'go-sessions'
  | 'go-tasks'
  | 'go-chains'
  | 'go-sql'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'pan-left'
  | 'pan-right'
  | 'toggle-theme'
  | 'open-import'
  | 'import-folder'
  | 'import-files';

export interface Command {
  id: CommandId;
  title: string;
  keys: readonly string[];
  run(): void;
}

const view = () => useRouteStore.getState().route.view;
const go = (route: Route) => useRouteStore.getState().navigate(route);
const lastList = () => useRouteStore.getState().lastList;
const inTimeline = (fn: () => void) => () => {
  if (view() === 'timeline') fn();
};

function escape(): void {
  const ui = useUiStore.getState();
  if (ui.keymapOpen) return ui.setKeymapOpen(false);
  if (useImportStore.getState().open) return useImportStore.getState().closePanel();
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) active.blur();
  if (view() === 'timeline') leaveTimeline();
  else if (view() === 'sessions') clearSessionsView();
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'next-item',
    title: 'Next item',
    keys: ['j', 'ArrowDown'],
    run: () => void (view() === 'timeline' ? moveTimelineSelection(1) : moveSessionSelection(1)),
  },
  {
    id: 'previous-item',
    title: 'Previous item',
    keys: ['k', 'ArrowUp'],
    run: () => void (view() === 'timeline' ? moveTimelineSelection(-1) : moveSessionSelection(-1)),
  },
  { id: 'open-item', title: 'Open the selected session', keys: ['Enter'], run: openSelectedSession },
  {
    id: 'focus-search',
    title: 'Focus the search',
    keys: ['/'],
    run: () => useUiStore.getState().requestSearchFocus(),
  },
  { id: 'escape', title: 'Close, clear the selection, go back', keys: ['Escape'], run: escape },
  {
    id: 'show-keymap',
    title: 'Show the keyboard shortcuts',
    keys: ['?'],
    run: () => useUiStore.getState().setKeymapOpen(!useUiStore.getState().keymapOpen),
  },
  {
    id: 'go-sessions',
    title: 'Go to Sessions',
    keys: ['g s'],
    run: () => go({ view: 'sessions', list: lastList() }),
  },
  { id: 'go-tasks', title: 'Go to Tasks', keys: ['g t'], run: () => go({ view: 'tasks' }) },
  { id: 'go-chains', title: 'Go to Chains', keys: ['g c'], run: () => go({ view: 'chains', chain: null }) },
  { id: 'go-sql', title: 'Go to SQL', keys: ['g q'], run: () => go({ view: 'sql' }) },
  {
    id: 'zoom-in',
    title: 'Timeline: zoom in',
    keys: ['+', '='],
    run: inTimeline(() => zoomBy(1 / ZOOM_STEP)),
  },
  { id: 'zoom-out', title: 'Timeline: zoom out', keys: ['-'], run: inTimeline(() => zoomBy(ZOOM_STEP)) },
  { id: 'zoom-fit', title: 'Timeline: fit the whole session', keys: ['0'], run: inTimeline(fitAll) },
  { id: 'pan-left', title: 'Timeline: pan earlier', keys: ['ArrowLeft'], run: inTimeline(() => panBy(-0.2)) },
  { id: 'pan-right', title: 'Timeline: pan later', keys: ['ArrowRight'], run: inTimeline(() => panBy(0.2)) },
  {
    id: 'toggle-theme',
    title: 'Switch light / dark theme',
    keys: ['t'],
    run: () => useThemeStore.getState().toggle(),
  },
  { id: 'open-import', title: 'Import folders or files…', keys: ['i'], run: () => void startImport() },
  { id: 'import-folder', title: 'Import a folder…', keys: [], run: () => void startImport('folder') },
  { id: 'import-files', title: 'Import files…', keys: [], run: () => void startImport('files') },
];

export function runCommand(id: CommandId): void {
  COMMANDS.find((c) => c.id === id)?.run();
}

/** Desktop menu items arrive as `app/command` events; those with a command here run it. */
export const MENU_COMMANDS: Partial<Record<AppCommand, CommandId>> = {
  'view-sessions': 'go-sessions',
  'view-tasks': 'go-tasks',
  'view-chains': 'go-chains',
  'view-sql': 'go-sql',
  'show-shortcuts': 'show-keymap',
  'import-folder': 'import-folder',
  'import-files': 'import-files',
};
