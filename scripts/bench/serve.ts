/**
 * The Node server for `npm run bench`, in a process of its own as production runs it, so that
 * the load generator does not share its event loop (before issue 18 autocannon ran inside the
 * server's process and every figure paid for both). Prints one JSON line when serving:
 * {base, firstBuildMs, accounts}; on each line "state" read from stdin, prints the builder's state
 * ("settled": once its background work is done).
 * DATABASE_URL and BUILD_DATE come from the environment; argv[2] is the builds directory.
 */
import { createDb, readDbConfig } from '../../db/client.ts'
import { startLocalServer } from '../local-server.ts'

const db = createDb(readDbConfig(process.env))
const app = await startLocalServer(db, process.env, process.argv[2]!)
console.log(
  JSON.stringify({ base: app.base, firstBuildMs: app.firstBuildMs, accounts: app.accounts })
)
process.stdin.setEncoding('utf8')
process.stdin.on('data', async (chunk: string) => {
  for (const line of chunk.split('\n')) {
    // "settled": wait for the work a build leaves behind (old builds removed, the next build's
    // kept pages linked), so that a load run measures reads, not that work.
    if (line.trim() === 'settled') await app.builder.settled()
    if (line.trim() === 'state' || line.trim() === 'settled')
      console.log(JSON.stringify(app.builder.state))
  }
})
process.on('SIGTERM', async () => {
  await app.close()
  db.$close()
  process.exit(0)
})
