import { defineConfig } from 'vitest/config'

// `npm test`: everything that needs no browser. Browser journeys: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: [
      'db/**/*.test.ts',
      'functions/**/*.test.ts',
      'scripts/**/*.test.ts',
      'site/**/*.test.ts',
      // Cross-folder tests that need no browser (search relevance, a partial build's snapshot).
      'tests/*.test.ts',
    ],
    exclude: ['node_modules/**', 'dist/**', 'tests/e2e/**'],
  },
})
