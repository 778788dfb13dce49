import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Date computations must never depend on the machine's zone: the engine works in
    // Europe/Amsterdam explicitly, and a different TZ here proves it.
    env: { TZ: 'America/New_York' },
    // Integration tests start an embedded PostgreSQL (PGlite) per file, which takes seconds on a
    // busy 2-core machine (and several times longer when the machine is shared); unit tests
    // finish in milliseconds either way. These are ceilings against hangs, not speed targets.
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
