import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonObject } from '../../../../shared/model/json.js';

/** Reading back what the tracker wrote, the way an importer would (test helper). */
export interface SessionFolder {
  folder: string;
  manifest: JsonObject & { session: JsonObject; agent_context: JsonObject; results: JsonObject };
  lines: JsonObject[];
  /** True when the last line was torn (not valid JSON). */
  tornLastLine: boolean;
  summary: string | null;
}

export function readSessionFolders(root: string): SessionFolder[] {
  const dir = join(root, 'sessions');
  return readdirSync(dir)
    .filter((f) => existsSync(join(dir, f, 'manifest.yaml')))
    .map((folder) => {
      const path = join(dir, folder);
      const { lines, torn } = readJsonl(join(path, 'actions.jsonl'));
      return {
        folder,
        manifest: parse(readFileSync(join(path, 'manifest.yaml'), 'utf8')) as SessionFolder['manifest'],
        lines,
        tornLastLine: torn,
        summary: existsSync(join(path, 'summary.md')) ? readFileSync(join(path, 'summary.md'), 'utf8') : null,
      };
    });
}

/** Parses JSON lines; only the last line may be torn (throws otherwise). */
export function readJsonl(path: string): { lines: JsonObject[]; torn: boolean } {
  if (!existsSync(path)) return { lines: [], torn: false };
  const raw = readFileSync(path, 'utf8').split('\n');
  const lines: JsonObject[] = [];
  let torn = false;
  raw.forEach((text, i) => {
    if (!text.trim()) return;
    try {
      lines.push(JSON.parse(text) as JsonObject);
    } catch (e) {
      if (i !== raw.length - 1) throw new Error(`${path}: line ${i + 1} is not JSON: ${String(e)}`);
      torn = true;
    }
  });
  return { lines, torn };
}

export interface JsonManifestFile {
  session: JsonObject;
  execution_trace: JsonObject[];
  tool_calls: JsonObject[];
  decisions: JsonObject[];
  transformations: JsonObject[];
  entity_links: JsonObject[];
}

export function readJsonManifest(root: string, sessionId: string): JsonManifestFile {
  return JSON.parse(readFileSync(join(root, `${sessionId}.json`), 'utf8')) as JsonManifestFile;
}

/** Naive timestamps in any of the forms DuckDB and Python print -> microseconds since the epoch. */
export function micros(ts: unknown): number {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$/.exec(String(ts));
  if (!m) throw new Error(`not a timestamp: ${String(ts)}`);
  return Date.parse(`${m[1]}T${m[2]}Z`) * 1000 + Number((m[3] ?? '').padEnd(6, '0'));
}
