/** Import (panel, folder browser, drops, progress, report) and live updates (watched roots, toasts). */
export { DropZone } from './DropZone.js';
export { ImportPanel } from './ImportPanel.js';
export { LiveIndicator } from './LiveIndicator.js';
export { Toasts } from './Toasts.js';
export { startImport, useImportEvents } from './useImportEvents.js';
