/**
 * The first-start action "Open the sample workspace" ("Import a folder…" opens the Import panel). A call is made only
 * when its key exists in the contract (checked at run time against CALL_KEYS), else the store says
 * it is not available yet. Invariant: one action at a time (`busy`); `message` describes the last one.
 */
import { create } from 'zustand';
import { api } from '../api/index.js';
import { OPEN_SAMPLE_KEY, hasCall } from './onboarding.js';
import { useWorkspaceStore } from './workspaceStore.js';

interface OnboardingStore {
  busy: boolean;
  message: string | null;
  openSample(): Promise<void>;
}

/** Calls a key the contract may not declare yet (the lead adds it later). */
const callUntyped = (key: string) =>
  (api.call as unknown as (k: string, args?: unknown) => Promise<unknown>)(key, undefined);

async function run(set: (p: Partial<OnboardingStore>) => void, key: string, what: string, done: string) {
  if (!hasCall(key)) {
    set({ message: `${what} is not available yet in this version.` });
    return;
  }
  set({ busy: true, message: null });
  try {
    await callUntyped(key);
    set({ message: done });
    await useWorkspaceStore.getState().load();
  } catch (e) {
    set({ message: `${what} failed: ${(e as Error).message}` });
  } finally {
    set({ busy: false });
  }
}

export const useOnboardingStore = create<OnboardingStore>((set, get) => ({
  busy: false,
  message: null,
  async openSample() {
    if (get().busy) return;
    await run(set, OPEN_SAMPLE_KEY, 'Opening the sample workspace', 'The sample workspace is open.');
  },
}));
