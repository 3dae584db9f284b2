/**
 * The Export panel, usable from any view: pick a format of the current subject, preview diagrams
 * (rendered by Mermaid, shown as an image), copy the source or a Markdown block, save `.mmd`, SVG,
 * PNG 1x / 2x; other formats are downloaded as the service returns them.
 */
import { useEffect, useState } from 'react';
import type { ExportedFile, ExportFormat } from '../../../../shared/model/exports.js';
import {
  fileBlob,
  markdownBlock,
  renamed,
  saveBlob,
  saveFile,
  svgBlob,
  svgSize,
  svgToPng,
} from './download.js';
import { loadExport, formatsOf, type ExportTarget } from './exportTarget.js';
import { renderMermaid } from './mermaidRender.js';

export interface ExportPanelProps {
  target: ExportTarget;
  onClose(): void;
}

type Preview =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; svg: string | null };

export function ExportPanel({ target, onClose }: ExportPanelProps) {
  const formats = formatsOf(target);
  const [format, setFormat] = useState<ExportFormat>(formats[0]!);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const [note, setNote] = useState('');
  const [imgUrl, setImgUrl] = useState<string | null>(null);
  const isDiagram = format.startsWith('mermaid-');
  // Views re-render often and pass a new target object each time: load again only when it changes.
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    let live = true;
    setPreview({ status: 'loading' });
    setFile(null);
    setNote('');
    void (async () => {
      try {
        const f = await loadExport(target, format);
        if (!live) return;
        setFile(f);
        const dark = document.documentElement.dataset.theme === 'dark';
        const svg =
          f.encoding === 'text' && format.startsWith('mermaid-')
            ? await renderMermaid(f.content, dark)
            : null;
        if (live) setPreview({ status: 'ready', svg });
      } catch (e) {
        if (live) setPreview({ status: 'error', message: (e as Error).message });
      }
    })();
    return () => {
      live = false;
    };
  }, [targetKey, format]);

  const svg = preview.status === 'ready' ? preview.svg : null;
  useEffect(() => {
    if (!svg) return setImgUrl(null);
    const url = URL.createObjectURL(svgBlob(svg));
    setImgUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [svg]);

  const copy = async (text: string, what: string) => {
    await navigator.clipboard.writeText(text);
    setNote(`${what} copied`);
  };
  const png = async (scale: number) => {
    if (!svg || !file) return;
    saveBlob(renamed(file.file_name, scale === 1 ? '.png' : `@${scale}x.png`), await svgToPng(svg, scale));
  };

  return (
    <div className="export-backdrop" role="presentation" onClick={onClose}>
      <section
        className="export-panel"
        role="dialog"
        aria-label="Export"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="export-head">
          <h2>Export</h2>
          <label>
            Format{' '}
            <select
              aria-label="Export format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
            >
              {formats.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={onClose} aria-label="Close export">
            ×
          </button>
        </header>
        <div className="export-actions">
          {file && isDiagram && file.encoding === 'text' && (
            <>
              <button type="button" onClick={() => void copy(file.content, 'Source')}>
                Copy source
              </button>
              <button type="button" onClick={() => void copy(markdownBlock(file.content), 'Markdown block')}>
                Copy as Markdown
              </button>
              <button type="button" onClick={() => saveFile(file)}>
                Save .mmd
              </button>
              <button
                type="button"
                disabled={!svg}
                onClick={() => svg && saveBlob(renamed(file.file_name, '.svg'), svgBlob(svg))}
              >
                Save SVG
              </button>
              <button type="button" disabled={!svg} onClick={() => void png(1)}>
                Save PNG
              </button>
              <button type="button" disabled={!svg} onClick={() => void png(2)}>
                Save PNG 2x
              </button>
            </>
          )}
          {file && !isDiagram && (
            <>
              <button type="button" onClick={() => saveBlob(file.file_name, fileBlob(file))}>
                Download {file.file_name}
              </button>
              {file.encoding === 'text' && (
                <button type="button" onClick={() => void copy(file.content, 'Text')}>
                  Copy text
                </button>
              )}
            </>
          )}
          <span className="muted" role="status">
            {note}
          </span>
        </div>
        <div className="export-body" data-testid="export-preview">
          {preview.status === 'loading' && <p className="muted">Preparing…</p>}
          {preview.status === 'error' && (
            <p className="fail" role="alert">
              {preview.message}
            </p>
          )}
          {preview.status === 'ready' && imgUrl && (
            <img
              className="export-diagram"
              src={imgUrl}
              alt={`${format} diagram`}
              // Mermaid's SVG says width="100%": drawn at its own size instead, scrolled when larger.
              style={svg ? { width: svgSize(svg).width } : undefined}
            />
          )}
          {preview.status === 'ready' && !svg && file?.encoding === 'text' && (
            <pre className="export-text">
              {file.content.length > 200_000 ? file.content.slice(0, 200_000) + '\n…' : file.content}
            </pre>
          )}
          {preview.status === 'ready' && file?.encoding === 'base64' && (
            <p className="muted">{file.file_name} is ready to download.</p>
          )}
        </div>
      </section>
    </div>
  );
}

/** A toolbar button that opens the Export panel for `target`. */
export function ExportButton({ target, label = 'Export…' }: { target: ExportTarget; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && <ExportPanel target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
