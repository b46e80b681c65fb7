// Builds the viewer embed to one self-contained ES module, dist/embed.js (served by the relay at /embed.js).
import { defineConfig } from 'vite';

export default defineConfig({
  // Library code must not read process.env at runtime in a browser.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    lib: { entry: 'src/embed.ts', formats: ['es'], fileName: () => 'embed.js' },
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    reportCompressedSize: true,
    // Vite leaves whitespace in ES library output for downstream tree-shaking; this file ships as is, so
    // let rolldown minify it fully, in one chunk.
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
