/** The chain diff feature: its one entry point. */
export { ChainDiffView, type ChainDiffViewProps } from './ChainDiffView.js';
