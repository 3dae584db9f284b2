/** The Export feature: a panel (and the button opening it) usable from every view. */
export { ExportButton, ExportPanel, type ExportPanelProps } from './ExportPanel.js';
export type { ExportTarget } from './exportTarget.js';
export { saveFile, saveBlob, fileBlob } from './download.js';
