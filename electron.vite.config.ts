import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The first screen's code: React (its own chunk) and the entry chunk. They carry V8's explicit
 * compile hint (the `//# allFunctionsCalledOnLoad` comment, Chromium 136 and later), so V8
 * compiles their functions on a background thread while the page loads, instead of on the main
 * thread the first time each is called (about a tenth of the cold load, docs/performance.md).
 * Other chunks (i18next, the screens shown later) stay compiled lazily: most of their functions
 * are not called on load.
 */
const REACT_CHUNK = 'react';
function firstScreenCompileHints(): Plugin {
  return {
    name: 'kiosk:first-screen-compile-hints',
    enforce: 'post',
    // Last, after Vite's own changes to the chunks (the comment must be the file's first line).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && (chunk.isEntry || chunk.name === REACT_CHUNK)) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

// One build for both deployments: out/renderer is loaded by Electron over app:// and
// served as-is by web mode (npm run serve).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // index: the Electron shell. serve: web mode (`npm run serve`), plain Node with no Electron
      // import, built here so that it starts without compiling TypeScript first.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), serve: resolve('electron/web/serve-cli.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules or chunks: each preload is one self-contained
      // CJS file (they share no module with code in it, so rollup makes no common chunk).
      externalizeDeps: false,
      rollupOptions: {
        // index: the kiosk window's window.kiosk; print: the hidden print windows' window.printJob.
        input: { index: resolve('electron/preload/index.ts'), print: resolve('electron/preload/print.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), firstScreenCompileHints()],
    build: {
      // electron-vite leaves minification off by default; the kiosk ships minified code.
      // KIOSK_NO_MINIFY=1 builds readable code, for a CPU profile with real function names.
      minify: process.env.KIOSK_NO_MINIFY ? false : true,
      // Fonts and images stay files: the CSP allows font-src 'self', not data: URLs.
      assetsInlineLimit: 0,
      outDir: resolve('out/renderer'),
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        // React on its own, for the compile hint above (else it shares a chunk with i18next).
        output: { codeSplitting: { groups: [{ name: REACT_CHUNK, test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] } },
      },
    },
  },
});
