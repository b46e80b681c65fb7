import { defineConfig } from 'vitest/config';

// One vitest run over every workspace; each project keeps its own config or these defaults.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'scripts/chaos', 'scripts/eval'],
  },
});
