import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Date computations must never depend on the machine's zone: the engine works in
    // Europe/Amsterdam explicitly, and a different TZ here proves it.
    env: { TZ: 'America/New_York' },
  },
});
