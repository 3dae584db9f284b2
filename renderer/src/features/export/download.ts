/**
 * Saving in the renderer: a Blob and an `a[download]` click (the browser's or Electron's own save
 * flow), so no path is ever chosen here. PNGs are drawn from the SVG through an <img> and a canvas.
 */
import type { ExportedFile } from '../../../../shared/model/exports.js';

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileBlob(file: ExportedFile): Blob {
  if (file.encoding === 'text') return new Blob([file.content], { type: file.mime });
  const bin = atob(file.content);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: file.mime });
}

export function saveFile(file: ExportedFile): void {
  saveBlob(file.file_name, fileBlob(file));
}

/** `x.flowchart.mmd` -> `x.flowchart.svg`. */
export function renamed(fileName: string, ext: string): string {
  return fileName.replace(/\.[^.]+$/, '') + ext;
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** The SVG's intrinsic size: its viewBox, else width/height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const vb = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (vb) return { width: Number(vb[1]), height: Number(vb[2]) };
  const w = /width="([\d.]+)/.exec(svg);
  const h = /height="([\d.]+)/.exec(svg);
  return { width: Number(w?.[1] ?? 800), height: Number(h?.[1] ?? 600) };
}

/** The SVG drawn on a canvas at `scale` (1x, 2x), on the page's background colour. */
export async function svgToPng(svg: string, scale: number, background = '#ffffff'): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const sized = svg
    .replace(/<svg([^>]*?)\swidth="[^"]*"/, '<svg$1')
    .replace(/<svg/, `<svg width="${width}" height="${height}"`);
  const url = URL.createObjectURL(svgBlob(sized));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The source as a fenced Markdown block. */
export function markdownBlock(source: string): string {
  return '```mermaid\n' + source.replace(/\n$/, '') + '\n```\n';
}
