/**
 * Helpers for the contract tests: the real sources of the Electron shell, parsed and type-checked
 * with the TypeScript compiler API, optionally with virtual files (to prove a check catches a
 * violation without writing a bad file into the tree).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers/paths.js';

export { repoRoot };

/** Every .ts file under `dir` (relative to the repository root), excluding build configs. */
export function tsFilesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('vite.config.ts'))
    .map((f) => join(repoRoot, dir, f));
}

export const shellSources = () => [...tsFilesUnder('electron/main'), ...tsFilesUnder('electron/preload')];

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/** A program over real files plus virtual ones (absolute path -> text, placed inside the repo). */
export function program(
  files: string[],
  virtual: Record<string, string> = {},
  overrides: ts.CompilerOptions = {},
): ts.Program {
  const merged = { ...options, ...overrides };
  const host = ts.createCompilerHost(merged);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => f in virtual || fileExists.call(host, f);
  host.readFile = (f) => virtual[f] ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) =>
    f in virtual
      ? ts.createSourceFile(f, virtual[f]!, lang, true)
      : getSourceFile.call(host, f, lang, ...rest);
  return ts.createProgram([...files, ...Object.keys(virtual)], merged, host);
}

/** Pure types only (no Node, no DOM): enough for shared/, and much faster to check. */
export const pureTypes: ts.CompilerOptions = { lib: ['lib.es2022.d.ts'], types: [] };

/** Parses without type-checking, for syntax-only checks. */
export function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
}

/** Calls `visit` on every node of the given files (from `prog` when given, else parsed). */
export function walk(
  files: (string | ts.SourceFile)[],
  visit: (node: ts.Node, file: ts.SourceFile) => void,
  prog?: ts.Program,
): void {
  for (const name of files) {
    const file = typeof name === 'string' ? (prog?.getSourceFile(name) ?? parse(name)) : name;
    const go = (node: ts.Node) => {
      visit(node, file);
      ts.forEachChild(node, go);
    };
    go(file);
  }
}

export function where(node: ts.Node, file: ts.SourceFile): string {
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${file.fileName.slice(repoRoot.length + 1)}:${line + 1}`;
}
