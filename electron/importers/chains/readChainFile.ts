/**
 * Reading one chain file or one markup file from disk, with errors that name the file and, for JSON
 * syntax, the line and column (the shared reader knows only the text).
 */
import { readFileSync } from 'node:fs';
import type { Chain } from '../../../shared/model/chains.js';
import { readChain } from '../../../shared/chains/chainReader.js';
import { JsonSyntaxError } from '../../../shared/chains/keptJson.js';

export class ChainFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${path}${line !== undefined ? `:${line}` : ''}: ${detail}`);
    this.name = 'ChainFileError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text; a file that is not UTF-8 (a binary, a Latin-1 export) is refused. */
export function readUtf8(path: string, bytes: Uint8Array = readFileSync(path)): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ChainFileError(path, 'not UTF-8 text');
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Reads a chain file (§3.3); throws ChainFileError naming the file and the field or line. */
export function chainFromText(path: string, text: string): Chain {
  if (text.trim() === '') throw new ChainFileError(path, 'empty file');
  try {
    return readChain(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineAndColumn(text, e.offset);
      const what = e.message.replace(/ at offset \d+$/, '');
      throw new ChainFileError(path, `invalid JSON: ${what} (line ${line}, column ${column})`, line);
    }
    throw new ChainFileError(path, (e as Error).message);
  }
}
