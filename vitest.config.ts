import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Opening a store runs SQLCipher's key derivation (256,000 PBKDF2 rounds) on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
