import type { ImportKind, ImportProgress } from './imports.js';

/** A folder the user may import from without a dialog (browser mode: `provex serve --allow-root`). */
export interface ImportRoot {
  /** The same stable id the file tracker uses for the folder (`watch/*`). */
  root_id: string;
  /** What to show: the folder's name and where it is. */
  label: string;
}

export interface ImportRoots {
  roots: ImportRoot[];
  /** The desktop app shows OS dialogs (`import/run` with `dialog`). */
  dialogs: boolean;
}

/** One entry of a folder inside an allowed root. */
export interface BrowseEntry {
  name: string;
  kind: 'folder' | 'file';
  /** What `provex import` would make of it, when it can be imported on its own. */
  importable: ImportKind | null;
}

export interface BrowseResult {
  root_id: string;
  /** `/`-separated, relative to the root ('' for the root itself). */
  at: string;
  entries: BrowseEntry[];
}

/**
 * What to import: entries of an allowed root (relative, `/`-separated; never outside it), or what
 * the user picks in an OS dialog (desktop app only). No absolute path ever crosses the contract.
 */
export type ImportRequest =
  | { root_id: string; entries: string[]; kind?: ImportKind }
  | { dialog: 'folder' | 'files'; kind?: ImportKind };

/** Dropped files, read by the renderer: uploaded, stored under the user-data folder, then imported. */
export interface ImportUpload {
  /** The dropped item's name (a folder or a file); the upload keeps it as the folder name. */
  name: string;
  /** Every dropped file: its name relative to the dropped item and its bytes. */
  items: { relative: string; base64: string }[];
  kind?: ImportKind;
}

export type ImportProgressEvent = ImportProgress & { import_id: number; done: boolean };
