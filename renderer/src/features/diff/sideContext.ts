/**
 * The two sides of the diff are two instances of the one side store; each picker reads its own
 * instance from this context, so one component serves both sides.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ChainSideState, ChainSideStore } from '../../stores/chainSideStore.js';

export const ChainSideContext = createContext<ChainSideStore | null>(null);

export function useChainSideStore(): ChainSideStore {
  const store = useContext(ChainSideContext);
  if (!store) throw new Error('useChainSide outside a ChainSideContext provider');
  return store;
}

export function useChainSide<T>(select: (s: ChainSideState) => T): T {
  return useStore(useChainSideStore(), select);
}
