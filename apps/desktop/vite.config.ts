// The console and prompter renderer: one React app, served by the relay at /console and /prompter/:show
// and loaded from there by the Electron windows.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/renderer',
  base: '/console/',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
