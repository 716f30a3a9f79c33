/**
 * npm run build — build the site into ./dist (dist/client static files + dist/server Worker) and
 * its search index, from DATABASE_URL. This is the Cloudflare deploy build; the Node server
 * builds into fresh directories of its own (functions/node/site-builder.ts).
 *
 * Options (used by `npm run bench`): --out DIR (inside the project), --previous DIR (a finished
 * build to keep unchanged record pages from), --json (print the build report as JSON).
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildSite } from '../functions/node/build-site.ts'
import { ROOT } from './lib.ts'

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    previous: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const report = await buildSite(ROOT, resolve(ROOT, values.out!), process.env, {
  previous: values.previous ? resolve(ROOT, values.previous) : null,
  last: true,
})
if (values.json) console.log(JSON.stringify(report))
else
  console.log(
    `Built ${report.renderedRecords} record pages (${report.keptRecords} kept) and ${report.searchRecords} search records in ${report.totalMs} ms ` +
      `(load ${report.loadMs}, render ${report.renderMs}, keep ${report.keepMs}, scan ${report.scanMs}, index ${report.indexMs}, codes ${report.codesMs})`
  )
