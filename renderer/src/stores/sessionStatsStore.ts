/**
 * The summary above the sessions list (`sessions/stats` of the current filter) and the options of
 * the filter menus (projects, agent types: from the unfiltered workspace).
 * Invariant: `stats` answers `key`; answers for an older key are dropped.
 */
import { create } from 'zustand';
import type { Project, SessionFilter, SessionStats } from '../../../shared/model/sessions.js';
import { api } from '../api/index.js';
import { filterKey, statsFilter } from './sessionQuery.js';

interface SessionStatsStore {
  key: string;
  stats: SessionStats | null;
  projects: Project[];
  agents: string[];
  error: string | null;
  load(filter: SessionFilter): Promise<void>;
  loadOptions(): Promise<void>;
}

export const useSessionStatsStore = create<SessionStatsStore>((set, get) => ({
  key: '',
  stats: null,
  projects: [],
  agents: [],
  error: null,
  async load(filter) {
    const f = statsFilter(filter);
    const key = filterKey(f);
    set({ key });
    try {
      const stats = await api.call('sessions/stats', f);
      if (get().key === key) set({ stats, error: null });
    } catch (e) {
      if (get().key === key) set({ error: (e as Error).message });
    }
  },
  async loadOptions() {
    try {
      const projects = await api.call('projects/list');
      const all = await api.call('sessions/stats', {});
      set({ projects, agents: all.by_agent.map((g) => g.key).sort() });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
