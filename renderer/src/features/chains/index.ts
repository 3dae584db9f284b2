/** The chains feature: its one entry point. */
export { ChainsView, type ChainsViewProps } from './ChainsView.js';
