import { mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type {
  BrowseResult,
  ImportProgressEvent,
  ImportRequest,
  ImportRoots,
  ImportUpload,
} from '../shared/model/importCalls.js';
import { zeroCounts, type ImportReport } from '../shared/model/imports.js';
import { detectKind } from './importers/detectKind.js';
import { watchRootId } from './watcher/workspaceWatch.js';
import { importPaths } from './importers/importPaths.js';
import { userDataDir } from './store/paths.js';
import type { Workspace } from './store/workspace.js';

/** Picks paths in an OS dialog (the desktop app injects Electron's); empty when cancelled. */
export type PathPicker = (mode: 'folder' | 'files') => Promise<string[]>;

export interface ImportServiceOptions {
  allowRoots: readonly string[];
  pick?: PathPicker;
  uploadsDir?: string;
  onProgress: (p: ImportProgressEvent) => void;
  /** After an import: which folders were imported and whether they are uploaded copies (the service watches project roots). */
  onImported: (paths: string[], report: ImportReport, uploaded: boolean) => Promise<void>;
}

const userError = (message: string, status = 400) =>
  Object.assign(new Error(message), { userFacing: true, status });

/**
 * The import calls of the contract. Paths never come from the renderer: the browser mode names an
 * allowed root by id plus entries relative to it (checked to stay inside, symlinks resolved), the
 * desktop app asks the OS dialog, and dropped files are uploaded as bytes.
 */
export class ImportService {
  private nextId = 1;
  /** Allowed roots by the id the file tracker knows them by, so import and watch name a folder alike. */
  private readonly roots: Map<string, string>;

  constructor(private readonly o: ImportServiceOptions) {
    this.roots = new Map(o.allowRoots.map((r) => [watchRootId(r), realpathSync(resolve(r))]));
  }

  listRoots(): ImportRoots {
    return {
      roots: [...this.roots].map(([id, r]) => ({ root_id: id, label: `${basename(r)} (${dirname(r)})` })),
      dialogs: Boolean(this.o.pick),
    };
  }

  browse(rootId: string, at: string): BrowseResult {
    const dir = this.inside(rootId, at);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      throw userError(`cannot list ${at || '/'}: ${(e as Error).message}`);
    }
    const entries = names
      .filter((n) => !n.startsWith('.') || n === '.claude')
      .map((name) => {
        const full = join(dir, name);
        let isDir = false;
        try {
          isDir = statSync(full).isDirectory();
        } catch {
          /* a dangling link: listed as a file */
        }
        const d = detectKind(full);
        return {
          name,
          kind: isDir ? ('folder' as const) : ('file' as const),
          importable: 'kind' in d ? d.kind : null,
        };
      });
    return { root_id: rootId, at: normalise(at), entries };
  }

  async run(ws: Workspace, req: ImportRequest): Promise<ImportReport> {
    let paths: string[];
    if ('dialog' in req) {
      if (!this.o.pick)
        throw userError('open dialogs exist in the desktop app only; choose a folder of an allowed root');
      paths = await this.o.pick(req.dialog);
      if (!paths.length) return { sources: [], totals: zeroCounts(), errors: [] };
    } else {
      if (!req.entries.length) throw userError('choose at least one entry to import');
      paths = req.entries.map((e) => this.inside(req.root_id, e));
    }
    return this.importNow(ws, paths, req.kind, false);
  }

  async upload(ws: Workspace, up: ImportUpload): Promise<ImportReport> {
    if (!up.items.length) throw userError('nothing was dropped');
    const base = join(
      this.o.uploadsDir ?? join(userDataDir(), 'uploads'),
      `${Date.now()}-${safeName(up.name)}`,
    );
    for (const f of up.items) {
      const parts = f.relative.split('/').filter((p) => p && p !== '.' && p !== '..');
      if (!parts.length) throw userError(`bad file name in the upload: ${f.relative}`);
      const target = join(base, ...parts);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, Buffer.from(f.base64, 'base64'));
    }
    // One dropped folder or file: import it itself, not the upload folder around it.
    const firsts = new Set(up.items.map((f) => f.relative.split('/').filter(Boolean)[0]));
    const top = firsts.size === 1 ? join(base, [...firsts][0]!) : base;
    return this.importNow(ws, [top], up.kind, true);
  }

  private async importNow(
    ws: Workspace,
    paths: string[],
    kind: ImportRequest['kind'],
    uploaded: boolean,
  ): Promise<ImportReport> {
    const id = this.nextId++;
    const report = await importPaths(ws, paths, {
      ...(kind ? { kind } : {}),
      onProgress: (p) => this.o.onProgress({ ...p, import_id: id, done: false }),
    });
    this.o.onProgress({
      import_id: id,
      done: true,
      filesDone: report.sources.length,
      filesTotal: report.sources.length,
      sessionsDone: report.totals.sessions,
      eventsDone: report.totals.events,
      currentPath: '',
    });
    await this.o.onImported(paths, report, uploaded);
    return report;
  }

  /** An allowed root's entry; refused when it leaves the root (`..`, absolute, or a symlink out). */
  private inside(rootId: string, rel: string): string {
    const root = this.roots.get(rootId);
    if (root === undefined) throw userError(`no allowed root ${rootId}`, 404);
    const full = resolve(root, normalise(rel));
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      throw userError(`${rel}: no such entry in ${basename(root)}`, 404);
    }
    if (real !== root && !real.startsWith(root + sep))
      throw userError(`${rel}: outside the allowed folder`, 403);
    return real;
  }
}

function normalise(rel: string): string {
  return rel.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'dropped';
}
