/**
 * npm run build — build the site into ./dist (dist/client static files + dist/server Worker) and
 * its Pagefind index, from DATABASE_URL. This is the Cloudflare deploy build; the Node server
 * builds into fresh directories of its own (functions/node/site-builder.ts).
 */
import { resolve } from 'node:path'
import { buildSite } from '../functions/node/build-site.ts'
import { ROOT } from './lib.ts'

const report = await buildSite(ROOT, resolve(ROOT, 'dist'))
console.log(
  `Built ${report.pages} indexed pages: render ${report.renderMs} ms, index ${report.indexMs} ms`
)
