/**
 * The open workspace: path, schema version and row counts (`workspace/info`).
 * Invariant: `info` is the latest answer; a failed reload keeps the previous `info` and sets `error`.
 */
import { create } from 'zustand';
import type { WorkspaceInfo } from '../../../shared/ipc/contract.js';
import { api } from '../api/index.js';

interface WorkspaceStore {
  info: WorkspaceInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useWorkspaceStore = create<WorkspaceStore>((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await api.call('workspace/info'), error: null });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
