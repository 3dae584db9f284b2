import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/index.js';
import { Service } from '../../service.js';
import { resolveWorkspacePath } from '../../store/paths.js';
import { Workspace } from '../../store/workspace.js';
import { DB_HELP, DB_OPTION, UserError, stringOpt, type Command, type Values } from '../command.js';

/** The built renderer, beside the compiled CLI (dist/renderer). */
export const RENDERER_DIR = fileURLToPath(new URL('../../../renderer/', import.meta.url));

export interface ServeOptions {
  db: string;
  port: number;
  allowRoots: string[];
  /** Folders watched from the start (`--watch`); also allowed roots. */
  watchRoots: string[];
  print: (text: string) => void;
}

export function serveOptions(values: Values, print: (t: string) => void): ServeOptions {
  const portText = stringOpt(values, 'port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port must be 0-65535 (got '${portText}')`);
  const roots = (values['allow-root'] as string[] | undefined) ?? [];
  for (const r of roots) if (!existsSync(r)) throw new UserError(`--allow-root ${r}: no such folder`);
  const watched = (values.watch as string[] | undefined) ?? [];
  for (const r of watched) if (!existsSync(r)) throw new UserError(`--watch ${r}: no such folder`);
  const watchRoots = watched.map((r) => resolve(r));
  return {
    db: resolveWorkspacePath(stringOpt(values, 'db')),
    port,
    allowRoots: [...new Set([...roots.map((r) => resolve(r)), ...watchRoots])],
    watchRoots,
    print,
  };
}

/** Runs the browser mode until SIGINT/SIGTERM, then closes the workspace cleanly. */
export async function serve(o: ServeOptions): Promise<void> {
  if (!existsSync(RENDERER_DIR))
    throw new UserError(`the renderer is not built (${RENDERER_DIR}); run 'npm run build'`);
  const ws = await Workspace.open(o.db);
  const service = new Service(ws, { allowRoots: o.allowRoots });
  let server;
  try {
    // Dropped files are uploaded as bytes: allow large bodies (the server stays loopback + token only).
    server = await startServer({
      service,
      staticDir: RENDERER_DIR,
      port: o.port,
      bodyLimit: 256 * 1024 * 1024,
    });
  } catch (e) {
    await service.close();
    throw new UserError((e as Error).message);
  }
  try {
    for (const r of o.watchRoots) {
      const root = await service.watchRoot(r);
      o.print(`watching ${root.location} (${root.folders} session folders)\n`);
    }
  } catch (e) {
    await server.close();
    await service.close();
    throw e;
  }
  o.print(`Provenance Explorer (browser mode) on workspace ${o.db}\n`);
  o.print(`open ${server.url}\n`);
  o.print('press Ctrl+C to stop\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server!
        .close()
        .then(() => service.close())
        .finally(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the app in a browser (127.0.0.1 only, with a random token in the printed URL).',
  usage: 'serve [--db PATH] [--port N] [--allow-root DIR]... [--watch DIR]...',
  options: {
    ...DB_OPTION,
    port: { type: 'string' },
    'allow-root': { type: 'string', multiple: true },
    watch: { type: 'string', multiple: true },
  },
  optionHelp: {
    port: 'port to listen on (default: a free one)',
    'allow-root':
      'a folder the browser may import from or watch (repeatable); nothing else on disk is reachable',
    watch: 'a project folder to import and keep in step while serving (repeatable; also allowed)',
    ...DB_HELP,
  },
  async run({ values, stdout }) {
    await serve(serveOptions(values, stdout));
  },
};
