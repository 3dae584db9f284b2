/**
 * The seam between the desktop shell and electron/service.ts (written beside this shell): the one
 * function the composition root calls to get a service over the workspace at `dbPath`.
 */
import type { ClosableService } from '../serviceTypes.js';

export async function openService(dbPath: string): Promise<ClosableService> {
  // TODO(lead): return the service of electron/service.ts opened on dbPath once it lands.
  throw new Error(`the contract service is not wired into the desktop app yet (workspace ${dbPath})`);
}
