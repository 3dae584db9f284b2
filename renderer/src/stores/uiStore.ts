/** Transient UI state shared by the shell and the views: the keymap overlay, the focus-search signal. */
import { create } from 'zustand';

interface UiStore {
  keymapOpen: boolean;
  /** Bumped to ask the current view to focus its search field. */
  focusSearchSignal: number;
  setKeymapOpen(open: boolean): void;
  requestSearchFocus(): void;
}

export const useUiStore = create<UiStore>((set) => ({
  keymapOpen: false,
  focusSearchSignal: 0,
  setKeymapOpen: (keymapOpen) => set({ keymapOpen }),
  requestSearchFocus: () => set((s) => ({ focusSearchSignal: s.focusSearchSignal + 1 })),
}));
