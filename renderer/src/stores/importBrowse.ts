/**
 * The folder browser's pure parts: `/`-separated locations relative to an allowed root, their
 * breadcrumbs, which entries may be chosen, and the cursor. The browser never builds an absolute
 * path: the main process resolves `root_id` + a relative entry and refuses anything outside.
 */
import type { BrowseEntry } from '../../../shared/model/importCalls.js';

/** `at` + `name`, `/`-separated ('' is the root itself). */
export function joinEntry(at: string, name: string): string {
  return at ? `${at}/${name}` : name;
}

/** The folder above `at` ('' stays ''). */
export function parentOf(at: string): string {
  const cut = at.lastIndexOf('/');
  return cut < 0 ? '' : at.slice(0, cut);
}

export interface Crumb {
  label: string;
  at: string;
}

/** The root, then each folder down to `at`. */
export function breadcrumbs(rootLabel: string, at: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: rootLabel, at: '' }];
  let path = '';
  for (const part of at.split('/').filter(Boolean)) {
    path = joinEntry(path, part);
    crumbs.push({ label: part, at: path });
  }
  return crumbs;
}

/**
 * An entry may be chosen when the importers recognise it, or when the user named a kind (a
 * markup text file is never recognised on its own; a folder can still be imported as chains).
 */
export function isChoosable(entry: BrowseEntry, kindOverride: boolean): boolean {
  return entry.importable !== null || kindOverride;
}

/** The cursor moved by `delta`, kept inside the list (null for an empty list). */
export function movedCursor(cursor: number | null, delta: number, length: number): number | null {
  if (length === 0) return null;
  if (cursor === null) return delta < 0 ? length - 1 : 0;
  return Math.max(0, Math.min(length - 1, cursor + delta));
}

/** The selection with `entry` toggled (a new Set: selections are replaced, never mutated). */
export function toggled(selection: ReadonlySet<string>, entry: string): Set<string> {
  const next = new Set(selection);
  if (next.has(entry)) next.delete(entry);
  else next.add(entry);
  return next;
}

/** "project", "project and crucible", "3 entries". */
export function describeSelection(entries: readonly string[]): string {
  const names = entries.map((e) => e.slice(e.lastIndexOf('/') + 1));
  if (names.length <= 2) return names.join(' and ');
  return `${names.length} entries`;
}
