import { join } from 'node:path';
import type { JsonObject } from '../../shared/model/json.js';
import { serializeActionLine } from './actionLine.js';
import { minuteFolderName, type Instant } from './clock.js';
import { buildJsonManifest, serializeJsonManifest } from './jsonManifest.js';
import { buildManifest, manifestToJson, manifestToYaml, type ManifestContext } from './manifestYaml.js';
import { SessionFiles, claimSessionFolder, writeFileAtomic } from './sessionFiles.js';
import type { SessionState } from './sessionState.js';
import { renderSummary } from './summaryMd.js';
import type { ResolvedOptions, TrackerDiagnostic } from './trackerOptions.js';
import { errorText } from './trackerTypes.js';

/** The texts the bookkeeping row stores beside the files. */
export interface WrittenTexts {
  manifestJson: string;
  summaryMd: string | null;
}

/**
 * The file side of the tracker: one folder per session under `sessions/`, its action lines as
 * they happen, manifest.yaml at start and end, summary.md and `<uuid>.json` at the end. A failed
 * write is reported and never thrown; unwritten lines are kept and retried with the next one.
 */
export class SessionWriter {
  private readonly files = new Map<string, SessionFiles>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly ctx: ManifestContext,
    private readonly diagnose: (d: TrackerDiagnostic) => void,
  ) {}

  /** Claims the session's folder (null, reported, when it cannot be made). */
  claimFolder(start: Instant): string | null {
    try {
      return claimSessionFolder(this.options.sessionsDir, minuteFolderName(start));
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        message: `${this.options.sessionsDir}: cannot create a session folder: ${errorText(e)}`,
        error: e,
      });
      return null;
    }
  }

  open(s: SessionState): void {
    if (s.folder) this.files.set(s.id, new SessionFiles(join(this.options.sessionsDir, s.folder)));
  }

  appendLine(s: SessionState, line: JsonObject): void {
    const f = this.files.get(s.id);
    if (!f) return;
    f.appendLine(serializeActionLine(line));
    this.drain(f);
  }

  /** manifest.yaml (also at start, so a crashed session is importable); at the end the rest too. */
  write(s: SessionState): WrittenTexts {
    const manifest = buildManifest(s, this.ctx);
    const summaryMd = s.end
      ? renderSummary(
          {
            folder: s.folder ?? '',
            sessionId: s.id,
            agentType: s.agentType,
            query: s.query,
            durationMs: s.end.durationMs,
            success: s.end.success,
            sessionsDir: this.options.sessionsDirForText,
            systemName: this.options.systemName,
          },
          s.lines,
        )
      : null;
    const files = this.files.get(s.id);
    try {
      if (s.end) {
        const json = serializeJsonManifest(buildJsonManifest(s));
        writeFileAtomic(join(this.options.root, `${s.id}.json`), json);
      }
      if (files) {
        files.writeManifest(manifestToYaml(manifest));
        if (summaryMd !== null) files.writeSummary(summaryMd);
      }
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        sessionId: s.id,
        message: `session ${s.id}: ${errorText(e)}`,
        error: e,
      });
    }
    if (s.end && files) {
      this.drain(files);
      files.close();
      this.files.delete(s.id);
    }
    return { manifestJson: manifestToJson(manifest), summaryMd };
  }

  /** Retries unwritten lines of every open session. */
  drainAll(): void {
    for (const f of this.files.values()) this.drain(f);
  }

  closeAll(): void {
    for (const f of this.files.values()) {
      this.drain(f);
      f.close();
    }
    this.files.clear();
  }

  private drain(f: SessionFiles): void {
    try {
      f.drain();
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        message: `${f.actionsPath}: ${errorText(e)} (${f.pendingLines} lines kept)`,
        error: e,
      });
    }
  }
}
