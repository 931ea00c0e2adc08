import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Property tests and real servers need more than the default 5 s on a 2-core machine.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
