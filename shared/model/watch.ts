import type { SessionId } from './ids.js';

/**
 * The file tracker as the renderer sees it. A root is chosen by its id among the folders the
 * main process allows (the desktop app's dialog, `provex serve --allow-root / --watch`): no path
 * is ever sent to the main process.
 */

/** How a watched root is followed: OS file events, polling (no events available), or waiting for it to exist. */
export type WatchState = 'events' | 'polling' | 'missing' | 'off';

export interface WatchRoot {
  /** Stable id of the folder (a hash of its location). */
  root_id: string;
  /** The folder's name, for display. */
  label: string;
  /** Where it is, for display only. */
  location: string;
  watched: boolean;
  /** 'off' when not watched. */
  state: WatchState;
  /** Session folders seen under it. */
  folders: number;
  /** Action lines written to the workspace since watching started. */
  lines: number;
  /** When the watcher last wrote rows from it (ISO UTC), or null. */
  last_change: string | null;
  /** The last write that failed (the file is read whole again at its next change), or null. */
  last_error: string | null;
}

export interface WatchList {
  /** Every watched root is paused (changes are noticed, read when resumed). */
  paused: boolean;
  roots: WatchRoot[];
}

/** Lines appended to a watched session folder's actions.jsonl reached the workspace. */
export interface WatchAppended {
  root_id: string;
  /** The session folder's name (`YYYY-MM-DD-HH-MM`). */
  folder: string;
  session_ids: SessionId[];
  lines: number;
}

/** Files of a watched root were imported (a new or changed session folder or JSON manifest). */
export interface WatchImported {
  root_id: string;
  /** The session folder's name, or null for several folders or a whole root. */
  folder: string | null;
  /** Sources written (imported or replaced). */
  sources: number;
  sessions: number;
  events: number;
}
