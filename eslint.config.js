// @ts-check
import astro from 'eslint-plugin-astro'
import noUnsanitized from 'eslint-plugin-no-unsanitized'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = {
  group: ['node:*'],
  message: 'db/ and functions/ also run in workerd: no node:* imports (functions/node/ excepted).',
}
const noImport = (groups, message) => ({ group: groups, message })
const DOMAIN_LIBS = noImport(
  ['drizzle-orm', 'drizzle-orm/*', '@libsql/*', 'hono', 'hono/*', 'astro', 'astro/*'],
  'db/domain is pure: no storage, HTTP or rendering libraries.'
)

/** Folder boundaries (conventions B2): pages render, routes transport, db/domain decides, db/ stores. */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.astro/', 'db/migrations/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // Security matrix E5: no unsanitised DOM sinks (innerHTML, insertAdjacentHTML, document.write)
  // and no code from strings, in the console's scripts or anywhere else.
  noUnsanitized.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['db/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            DOMAIN_LIBS,
            noImport(['../*', '!../domain/*'], 'db/domain imports only db/domain.'),
          ],
        },
      ],
    },
  },
  {
    // Tests of the domain may also read the shared bad-input fixtures (security matrix §3).
    files: ['db/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            DOMAIN_LIBS,
            {
              regex: '^\\.\\./(?!domain/|\\.\\./tests/fixtures/)',
              message: 'db/domain tests import db/domain and tests/fixtures only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/schema/**', 'db/queries/**', 'db/client.ts', 'db/migrate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            noImport(['**/functions/*', '**/site/*', '**/scripts/*'], 'db/ may import only db/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['functions/**'],
    ignores: ['functions/node/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_BUILTINS,
            noImport(
              ['**/site/*', '**/scripts/*'],
              'functions/ may import db/ and functions/ only.'
            ),
            noImport(
              ['drizzle-orm', 'drizzle-orm/*'],
              'No SQL outside db/: use db/queries or a service.'
            ),
          ],
        },
      ],
    },
  },
  {
    // Scripts are tools an operator runs (start, import, backups, bench): never built on tests.
    files: ['scripts/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(['**/tests/*', '**/tests/**'], 'scripts/ must not depend on test folders.'),
          ],
        },
      ],
    },
  },
  {
    files: ['site/**'],
    ignores: ['site/lib/data.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['**/functions/*', '**/functions/**', '**/scripts/*'],
              'site/ renders; it never imports the API or scripts.'
            ),
            noImport(
              ['**/db/client*', '**/db/schema/*', 'drizzle-orm', 'drizzle-orm/*'],
              'Pages read data only through site/lib/data.ts.'
            ),
          ],
        },
      ],
    },
  },
  {
    // The Cloudflare catch-all is the one site file that mounts the API.
    files: ['site/pages/api/**'],
    rules: { 'no-restricted-imports': 'off' },
  }
)
