import { defineConfig } from 'vite';

// A sandboxed preload cannot import modules: bundle index.ts and shared/ipc into one CommonJS
// file, with 'electron' left as the only require. `.cjs` because package.json says "type": "module".
// Build: npx vite build --config electron/preload/vite.config.ts  ->  dist/electron/preload/index.cjs
// (Paths are relative to `root`; no node:path here, the preload lint rule bans Node imports.)
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  build: {
    outDir: '../../dist/electron/preload',
    emptyOutDir: true,
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'index.ts',
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
