import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'player',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
