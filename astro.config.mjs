// @ts-check
import cloudflare from '@astrojs/cloudflare'
import { defineConfig } from 'astro/config'

// The Node builder sets SITE_OUT_DIR to build into a fresh directory and swap it in atomically.
const outDir = process.env.SITE_OUT_DIR ?? './dist'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir,
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  // Pages are built as directories (/x/index.html); the static servers add the slash. 'always'
  // would also make the Worker redirect /api/v1/… paths.
  trailingSlash: 'ignore',
  // No inline <style> or <script>: the CSP (db/domain/site-headers.ts) allows only files from
  // the site itself, so small stylesheets and scripts must stay files too.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    // Pages render while others wait: with one at a time the render thread idled a third of a
    // 10,000-subject build waiting on file writes (issue 18; 4 measured best here). The builder
    // now writes each page itself (functions/node/kept-renderer.ts); a page still waits for its
    // QR image from a worker thread.
    concurrency: 4,
  },
  session: false,
  compressHTML: true,
  // prerenderEnvironment 'node': the build reads the embedded libSQL file, which workerd cannot.
  adapter: cloudflare({ prerenderEnvironment: 'node', imageService: 'passthrough' }),
  // In the builder's Astro process: keep the prerenderer to render the next build again without
  // bundling (functions/node/kept-renderer.ts). Absent elsewhere (npm run build, astro check).
  integrations: [globalThis[Symbol.for('property-credit.keep-renderer')]].filter(Boolean),
  vite: { build: { sourcemap: false, assetsInlineLimit: 0 } },
})
