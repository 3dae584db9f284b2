/**
 * The Import panel: whether it is open, the folder browser over the allowed roots (browser mode),
 * the kind override, and the one import that runs at a time with its progress and report.
 * Invariants: `phase` is 'running' for at most one import (`run` refuses a second); browse answers
 * older than the latest request are dropped (`browseGen`); `selection` holds entries of `rootId`
 * only (cleared when the root changes) and is replaced, never mutated.
 */
import { create } from 'zustand';
import type { BrowseEntry, ImportProgressEvent, ImportRoots } from '../../../shared/model/importCalls.js';
import type { ImportKind, ImportReport } from '../../../shared/model/imports.js';
import { api } from '../api/index.js';
import { isChoosable, joinEntry, movedCursor, parentOf, toggled } from './importBrowse.js';
import { useLiveStore } from './liveStore.js';

type Phase = 'idle' | 'running' | 'done';

interface ImportStore {
  open: boolean;
  roots: ImportRoots | null;
  rootsError: string | null;
  rootId: string | null;
  at: string;
  entries: BrowseEntry[];
  browseError: string | null;
  browseGen: number;
  cursor: number | null;
  selection: ReadonlySet<string>;
  kind: ImportKind | null;
  phase: Phase;
  /** What the running or last import was ("project", "2 dropped items"). */
  what: string;
  progress: ImportProgressEvent | null;
  startedAt: number;
  report: ImportReport | null;
  /** Why the last import could not start or failed as a whole. */
  error: string | null;
  openPanel(): Promise<void>;
  closePanel(): void;
  browse(rootId: string, at: string): Promise<void>;
  moveCursor(delta: number): void;
  setCursor(index: number): void;
  /** Enter on the cursor: opens a folder, toggles a file. */
  activate(): void;
  up(): void;
  toggle(entry: string): void;
  setKind(kind: ImportKind | null): void;
  importSelected(): Promise<void>;
  importWithDialog(mode: 'folder' | 'files'): Promise<void>;
  /** Runs an import made elsewhere (the drop zone's uploads); opens the panel to show it. */
  run(what: string, work: () => Promise<ImportReport>): Promise<void>;
  refuse(message: string): void;
  progressed(event: ImportProgressEvent): void;
  dismissResult(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useImportStore = create<ImportStore>((set, get) => ({
  open: false,
  roots: null,
  rootsError: null,
  rootId: null,
  at: '',
  entries: [],
  browseError: null,
  browseGen: 0,
  cursor: null,
  selection: new Set(),
  kind: null,
  phase: 'idle',
  what: '',
  progress: null,
  startedAt: 0,
  report: null,
  error: null,

  async openPanel() {
    set({ open: true });
    if (get().roots !== null) return;
    try {
      const roots = await api.call('import/roots');
      set({ roots, rootsError: null });
      const first = roots.roots[0];
      if (!roots.dialogs && first && get().rootId === null) await get().browse(first.root_id, '');
    } catch (e) {
      set({ rootsError: message(e) });
    }
  },
  closePanel() {
    set({ open: false });
  },

  async browse(rootId, at) {
    const gen = get().browseGen + 1;
    const rootChanged = rootId !== get().rootId;
    set({ browseGen: gen, rootId, at, browseError: null, ...(rootChanged ? { selection: new Set() } : {}) });
    try {
      const r = await api.call('import/browse', { root_id: rootId, at });
      if (get().browseGen !== gen) return;
      set({ at: r.at, entries: r.entries, cursor: r.entries.length ? 0 : null });
    } catch (e) {
      if (get().browseGen === gen) set({ entries: [], cursor: null, browseError: message(e) });
    }
  },
  moveCursor(delta) {
    set((s) => ({ cursor: movedCursor(s.cursor, delta, s.entries.length) }));
  },
  setCursor(index) {
    set({ cursor: index });
  },
  activate() {
    const { cursor, entries, rootId, at, kind } = get();
    const entry = cursor === null ? undefined : entries[cursor];
    if (!entry || rootId === null) return;
    if (entry.kind === 'folder') void get().browse(rootId, joinEntry(at, entry.name));
    else if (isChoosable(entry, kind !== null)) get().toggle(joinEntry(at, entry.name));
  },
  up() {
    const { rootId, at } = get();
    if (rootId !== null && at !== '') void get().browse(rootId, parentOf(at));
  },
  toggle(entry) {
    set((s) => ({ selection: toggled(s.selection, entry) }));
  },
  setKind(kind) {
    set({ kind });
  },

  async importSelected() {
    const { rootId, selection, kind } = get();
    if (rootId === null || selection.size === 0) return;
    const entries = [...selection].sort();
    const names = entries.map((e) => e.slice(e.lastIndexOf('/') + 1));
    await get().run(names.length <= 2 ? names.join(' and ') : `${names.length} entries`, () =>
      api.call('import/run', { root_id: rootId, entries, ...(kind ? { kind } : {}) }),
    );
    if (get().report && !get().error) set({ selection: new Set() });
  },
  async importWithDialog(mode) {
    const kind = get().kind;
    await get().run(mode === 'folder' ? 'the chosen folder' : 'the chosen files', () =>
      api.call('import/run', { dialog: mode, ...(kind ? { kind } : {}) }),
    );
  },

  async run(what, work) {
    if (get().phase === 'running') return get().refuse('An import is running: wait for it to finish.');
    set({
      open: true,
      phase: 'running',
      what,
      progress: null,
      startedAt: Date.now(),
      report: null,
      error: null,
    });
    try {
      set({ report: await work(), phase: 'done' });
    } catch (e) {
      set({ error: `Importing ${what} failed: ${message(e)}`, phase: 'done' });
    }
    // An imported project folder is watched from now on.
    void useLiveStore.getState().load();
  },
  refuse(text) {
    set({ open: true, error: text, ...(get().phase === 'running' ? {} : { phase: 'done', report: null }) });
  },
  progressed(event) {
    if (get().phase !== 'running') return;
    const previous = get().progress;
    // A new import id restarts the rate (a drop of several items is several imports).
    if (previous && previous.import_id !== event.import_id) set({ startedAt: Date.now() });
    set({ progress: event });
  },
  dismissResult() {
    if (get().phase !== 'running') set({ phase: 'idle', report: null, error: null, progress: null });
  },
}));
