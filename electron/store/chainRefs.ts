/**
 * Resolves one side of a chain comparison: a workspace chain, or a session's decision sequence.
 * An unknown id is a user-facing 404, so the CLI prints it and HTTP answers Not Found.
 */
import type { ChainRef, ResolvedChain } from '../../shared/model/chainWorkspace.js';
import { getChain } from './chainRepository.js';
import { sessionDecisionChain } from './sessionDecisionChain.js';
import type { Workspace } from './workspace.js';

export class NotFoundError extends Error {
  readonly userFacing = true;
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export async function resolveChainRef(ws: Workspace, ref: ChainRef): Promise<ResolvedChain> {
  if (ref.kind === 'chain') {
    const stored = await getChain(ws, ref.id);
    if (!stored) throw new NotFoundError(`Chain ${ref.id} not found`);
    return { ref, label: stored.chain.name ?? ref.id, chain: stored.chain };
  }
  const chain = await sessionDecisionChain(ws, ref.id);
  if (!chain) throw new NotFoundError(`Session ${ref.id} not found`);
  return { ref, label: `session ${ref.id} (${chain.events.length} decisions)`, chain };
}
