/**
 * The seam between the desktop shell and electron/service.ts: the one function the composition
 * root calls to get a service over the workspace at `dbPath`.
 */
import { Service } from '../service.js';
import { Workspace } from '../store/workspace.js';
import type { ClosableService } from '../serviceTypes.js';

export async function openService(dbPath: string): Promise<ClosableService> {
  return new Service(await Workspace.open(dbPath));
}
