/** Which first-start actions the backend offers yet: a call exists when its key is in the contract. Pure. */
import { CALL_KEYS, type WorkspaceInfo } from '../../../shared/ipc/contract.js';

export const OPEN_SAMPLE_KEY = 'workspace/openSample';

export function hasCall(key: string, keys: readonly string[] = CALL_KEYS): boolean {
  return keys.includes(key);
}

/** A workspace with nothing in it yet: the first-start screen offers the sample and an import. */
export function isEmptyWorkspace(info: WorkspaceInfo): boolean {
  return Object.values(info.counts).every((n) => n === 0);
}
