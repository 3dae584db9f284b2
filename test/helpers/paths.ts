import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/..., compiled). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** `../shared` beside the clone: specs and the sample fixtures. */
export const sharedDir = process.env.PROVEX_SHARED ?? resolve(repoRoot, '../shared');
export const sharedFixtures = join(sharedDir, 'fixtures');
/** Our own fixtures, kept in the repository. */
export const ownFixtures = join(repoRoot, 'test', 'fixtures');
/** The compiled CLI entry point. */
export const cliPath = join(repoRoot, 'dist', 'electron', 'cli', 'index.js');

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'provex-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
