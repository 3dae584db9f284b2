/**
 * A minimal POSIX ustar writer: regular files and their folders, for downloading an exported
 * folder as one file where no path may cross the contract (the browser mode). Names over 100
 * bytes use the 155-byte prefix field; longer ones are refused.
 */
const BLOCK = 512;

function header(name: string, size: number, type: '0' | '5', mtime: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const enc = new TextEncoder();
  let nameBytes = enc.encode(name);
  let prefix = new Uint8Array(0);
  if (nameBytes.length > 100) {
    const cut = name.lastIndexOf('/', name.length - 1 - (name.endsWith('/') ? 1 : 0));
    prefix = enc.encode(name.slice(0, cut));
    nameBytes = enc.encode(name.slice(cut + 1));
    if (cut < 0 || prefix.length > 155 || nameBytes.length > 100)
      throw new Error(`path too long for tar: ${name}`);
  }
  const put = (text: string | Uint8Array, at: number): void => {
    h.set(typeof text === 'string' ? enc.encode(text) : text, at);
  };
  const octal = (n: number, width: number): string => n.toString(8).padStart(width - 1, '0') + '\0';
  put(nameBytes, 0);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(mtime, 12), 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\0' + '00', 257);
  put(prefix, 345);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

/** A tar archive of `files` (path -> text), with every parent folder as its own entry. */
export function tarFiles(
  files: ReadonlyMap<string, string>,
  mtime = Math.floor(Date.now() / 1000),
): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const dirs = new Set<string>();
  for (const path of [...files.keys()].sort()) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/') + '/';
      if (!dirs.has(dir)) {
        dirs.add(dir);
        parts.push(header(dir, 0, '5', mtime));
      }
    }
    const data = enc.encode(files.get(path)!);
    parts.push(header(path, data.length, '0', mtime), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
