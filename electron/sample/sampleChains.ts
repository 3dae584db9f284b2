import type { Workspace } from '../store/workspace.js';

/** Chains for the sample workspace; filled in once chains are stored in the workspace. */
export async function writeSampleChains(_ws: Workspace): Promise<void> {}
