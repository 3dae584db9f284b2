/**
 * The renderer compiles to dist/renderer-js (dist/renderer is the vite bundle). Tests import its
 * pure modules from there at run time, typed by their sources:
 *   const { rowWindow } = (await import(rendererJs('stores/virtualWindow.js'))) as typeof VW;
 */
export const rendererJs = (path: string): string =>
  new URL(`../../renderer-js/src/${path}`, import.meta.url).href;
