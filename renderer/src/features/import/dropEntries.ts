/**
 * Reading what the user dropped or chose, for `import/upload`: folders are walked through the
 * File System Entry API (`DataTransferItem.webkitGetAsEntry()`), files are read as bytes and sent
 * base64-encoded, one call per dropped item. Written against the small structural interfaces
 * below (not the DOM's own types) so the walk and the encoding run in Node tests with fakes.
 */

/** The part of a File/Blob this module uses. */
export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FileEntryLike {
  readonly isFile: true;
  readonly isDirectory: false;
  readonly name: string;
  file(ok: (file: BlobLike) => void, fail?: (error: unknown) => void): void;
}

export interface DirectoryEntryLike {
  readonly isFile: false;
  readonly isDirectory: true;
  readonly name: string;
  createReader(): {
    readEntries(ok: (entries: EntryLike[]) => void, fail?: (error: unknown) => void): void;
  };
}

export type EntryLike = FileEntryLike | DirectoryEntryLike;

/** One file to upload: its `/`-separated name relative to the drop (the dropped item's name first). */
export interface PickedFile {
  relative: string;
  blob: BlobLike;
}

/** Folders never worth uploading: version control and package caches (often huge, never provenance). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules', '__pycache__', '.venv']);

/** The largest drop accepted (bytes, before base64): the browser holds it in memory to send it. */
export const MAX_DROP_BYTES = 200 * 1000 * 1000;

function readAllEntries(dir: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const all: EntryLike[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

function fileOf(entry: FileEntryLike): Promise<BlobLike> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under an entry (itself when a file), named relative to the entry's parent. */
export async function readEntry(entry: EntryLike, prefix = ''): Promise<PickedFile[]> {
  const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) return [{ relative, blob: await fileOf(entry) }];
  const children = await readAllEntries(entry);
  const files: PickedFile[] = [];
  for (const child of children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (child.isDirectory && SKIPPED_FOLDERS.has(child.name)) continue;
    files.push(...(await readEntry(child, relative)));
  }
  return files;
}

/** Files from an `<input type=file>` (with `webkitdirectory`, each knows its path in the folder). */
export function pickedFromInput(
  files: readonly (BlobLike & { name: string; webkitRelativePath?: string })[],
): PickedFile[] {
  return files
    .map((f) => ({ relative: f.webkitRelativePath || f.name, blob: f }))
    .filter((f) => !f.relative.split('/').some((part) => SKIPPED_FOLDERS.has(part)));
}

export interface UploadGroup {
  /** The dropped item: a folder or a file name. */
  name: string;
  files: PickedFile[];
  bytes: number;
}

/** One group per dropped item (the first part of each relative name), in drop order. */
export function groupByItem(files: readonly PickedFile[]): UploadGroup[] {
  const groups = new Map<string, UploadGroup>();
  for (const f of files) {
    const name = f.relative.split('/')[0]!;
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, files: [], bytes: 0 }));
    g.files.push(f);
    g.bytes += f.blob.size;
  }
  return [...groups.values()];
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1000 * 1000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / (1000 * 1000)).toFixed(1)} MB`;
}

/** Why a drop is refused before anything is read, or null when it may be sent. */
export function dropProblem(files: readonly PickedFile[], limit = MAX_DROP_BYTES): string | null {
  if (files.length === 0) return 'Nothing to import: the drop held no files (empty folders only?).';
  const total = files.reduce((n, f) => n + f.blob.size, 0);
  if (total > limit)
    return (
      `This drop is ${formatBytes(total)}, more than the ${formatBytes(limit)} a drop may send. ` +
      'Import the folder in place instead (the desktop app\u2019s Import a folder\u2026, or ' +
      '`provex import PATH` / `provex serve --allow-root DIR`).'
    );
  return null;
}

const BASE64_CHUNK = 0x8000;

/** Bytes as base64, in chunks (String.fromCharCode over a whole file would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
  return btoa(binary);
}

/** The upload call's items for one group. */
export async function encodeGroup(group: UploadGroup): Promise<{ relative: string; base64: string }[]> {
  const items: { relative: string; base64: string }[] = [];
  for (const f of group.files)
    items.push({ relative: f.relative, base64: bytesToBase64(new Uint8Array(await f.blob.arrayBuffer())) });
  return items;
}
