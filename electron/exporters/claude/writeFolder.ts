/**
 * Writes exported sessions as a `.claude/provenance` tree under a project folder chosen by the
 * CLI or a save dialog (never by the renderer), or packs the same files as a tar archive.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Workspace } from '../../store/workspace.js';
import { tarFiles } from '../tar.js';
import { loadExportSessions } from './loadSessions.js';
import { buildClaudeFiles, type ClaudeFilesOptions } from './sessionFiles.js';

export interface WriteFolderOptions extends ClaudeFilesOptions {
  /** Replace files that exist; default false (an existing session file is an error). */
  overwrite?: boolean;
}

/** Writes `<projectDir>/.claude/provenance/...`; returns the paths written, relative to projectDir. */
export async function writeClaudeFolder(
  ws: Workspace,
  sessionIds: readonly string[],
  projectDir: string,
  opts: WriteFolderOptions = {},
): Promise<string[]> {
  const files = buildClaudeFiles(await loadExportSessions(ws, sessionIds), opts);
  const root = join(projectDir, '.claude', 'provenance');
  if (!opts.overwrite) {
    for (const rel of files.keys()) {
      if (!rel.endsWith('.gitkeep') && existsSync(join(root, rel))) {
        throw Object.assign(new Error(`${join(root, rel)} exists (use --force to replace it)`), {
          userFacing: true,
        });
      }
    }
  }
  const written: string[] = [];
  for (const [rel, text] of files) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(join('.claude', 'provenance', rel));
  }
  return written;
}

/** The same files as a tar archive rooted at `.claude/provenance/`. */
export async function claudeFolderTar(
  ws: Workspace,
  sessionIds: readonly string[],
  opts: ClaudeFilesOptions = {},
): Promise<Uint8Array> {
  const files = buildClaudeFiles(await loadExportSessions(ws, sessionIds), opts);
  return tarFiles(new Map([...files].map(([rel, text]) => [`.claude/provenance/${rel}`, text])));
}
