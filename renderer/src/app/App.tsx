/** The app shell: header, navigation, the routed view, the keymap overlay; subscriptions to events. */
import { useEffect } from 'react';
import { asSessionId } from '../../../shared/model/ids.js';
import { api } from '../api/index.js';
import { KeymapOverlay } from '../components/KeymapOverlay.js';
import { ShellHeader, ShellNav, type NavItem } from '../components/ShellChrome.js';
import { FirstStart } from '../features/onboarding/index.js';
import {
  DropZone,
  ImportPanel,
  LiveIndicator,
  Toasts,
  startImport,
  useImportEvents,
} from '../features/import/index.js';
import { ChainsView } from '../features/chains/index.js';
import { ChainDiffView } from '../features/diff/index.js';
import { SessionsView } from '../features/sessions/index.js';
import { SqlConsole } from '../features/sql/index.js';
import { TasksView } from '../features/tasks/index.js';
import { TimelineView } from '../features/timeline/index.js';
import { useRouteStore } from '../stores/routeStore.js';
import { useSessionsStore } from '../stores/sessionsStore.js';
import { useSessionStatsStore } from '../stores/sessionStatsStore.js';
import { useThemeStore } from '../stores/themeStore.js';
import { useTimelineStore } from '../stores/timelineStore.js';
import { useUiStore } from '../stores/uiStore.js';
import { formatHash, sectionOf, timelineRoute } from '../stores/urlState.js';
import { isEmptyWorkspace } from '../stores/onboarding.js';
import { useWorkspaceStore } from '../stores/workspaceStore.js';
import { COMMANDS, MENU_COMMANDS, runCommand } from './commands.js';
import { useKeymap } from './useKeymap.js';

function useStoreEvents(): void {
  useEffect(() => {
    void useWorkspaceStore.getState().load();
    const offChanged = api.on('store/changed', () => {
      void useWorkspaceStore.getState().load();
      useSessionsStore.getState().refresh();
      void useSessionStatsStore.getState().loadOptions();
      useTimelineStore.getState().refresh();
    });
    const offCommand = api.on('app/command', ({ command }) => {
      const id = MENU_COMMANDS[command];
      if (id) runCommand(id);
    });
    return () => {
      offChanged();
      offCommand();
    };
  }, []);
}

function CurrentView() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  switch (route.view) {
    case 'sessions':
      return <SessionsView list={route.list} />;
    case 'timeline':
      return <TimelineView state={route.timeline} />;
    case 'tasks':
      return (
        <TasksView
          onOpenSession={(id) => useRouteStore.getState().navigate(timelineRoute(asSessionId(id)))}
        />
      );
    case 'chains':
      return (
        <ChainsView
          chainId={route.chain}
          onOpenChain={(id) => navigate({ view: 'chains', chain: id })}
          onOpenDiff={(a, b) => navigate({ view: 'diff', a, b })}
        />
      );
    case 'diff':
      return (
        <ChainDiffView
          a={route.a}
          b={route.b}
          onCompare={(a, b) => navigate({ view: 'diff', a, b }, { replace: true })}
        />
      );
    case 'sql':
      return <SqlConsole />;
  }
}

export function App() {
  useKeymap();
  useStoreEvents();
  useImportEvents();
  const route = useRouteStore((s) => s.route);
  const lastList = useRouteStore((s) => s.lastList);
  const info = useWorkspaceStore((s) => s.info);
  const infoError = useWorkspaceStore((s) => s.error);
  const theme = useThemeStore((s) => s.theme);
  const toggleTheme = useThemeStore((s) => s.toggle);
  const keymapOpen = useUiStore((s) => s.keymapOpen);
  const setKeymapOpen = useUiStore((s) => s.setKeymapOpen);

  const nav: NavItem[] = [
    {
      id: 'sessions',
      label: 'Sessions',
      href: formatHash({ view: 'sessions', list: lastList }),
      keys: 'g s',
    },
    { id: 'tasks', label: 'Tasks', href: '#/tasks', keys: 'g t' },
    { id: 'chains', label: 'Chains', href: '#/chains', keys: 'g c' },
    { id: 'sql', label: 'SQL', href: '#/sql', keys: 'g q' },
  ];
  let main;
  if (info === null) main = <p className="panel-center muted">{infoError ?? 'Opening the workspace…'}</p>;
  else if (isEmptyWorkspace(info))
    main = <FirstStart path={info.path} onImport={() => void startImport('folder')} />;
  else main = <CurrentView />;
  return (
    <div className="shell">
      <ShellHeader
        path={info?.path ?? null}
        theme={theme}
        onToggleTheme={toggleTheme}
        onShowKeys={() => setKeymapOpen(true)}
        actions={
          <>
            <button type="button" onClick={() => void startImport()} title="Import folders or files (i)">
              Import…
            </button>
            <LiveIndicator />
          </>
        }
      />
      <ShellNav items={nav} active={sectionOf(route)} />
      <main className="shell-main">{main}</main>
      <ImportPanel />
      <DropZone />
      <Toasts />
      {keymapOpen && (
        <KeymapOverlay
          entries={COMMANDS.filter((c) => c.keys.length > 0)}
          onClose={() => setKeymapOpen(false)}
        />
      )}
    </div>
  );
}
