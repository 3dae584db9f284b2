/** The renderer compiles to dist/renderer-js (dist/renderer is the vite bundle): import from there. */
export const rendererJs = (path: string): string =>
  new URL(`../../../../renderer-js/src/${path}`, import.meta.url).href;
