import { defineConfig } from 'vitest/config'

// Browser journeys against the real built site served by the Node server (npm run test:e2e).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Multi-page sweeps (axe on every template) take ~30 s alone; leave room on a busy 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // One browser and one server are shared; files run one after another on 2 cores.
    fileParallelism: false,
  },
})
