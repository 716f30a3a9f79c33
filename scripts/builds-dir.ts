import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const DEFAULT_DATABASE = 'file:data/local.db'

/** A database's identity: a file's absolute path, or the remote URL without credentials. */
function databaseIdentity(root: string, databaseUrl: string): string {
  if (databaseUrl.startsWith('file:')) return `file:${resolve(root, databaseUrl.slice(5))}`
  const url = new URL(databaseUrl)
  return `${url.protocol}//${url.host}${url.pathname}`
}

/**
 * Where the Node server builds and keeps the live site: SITE_BUILDS_DIR, else data/builds for
 * the default database and data/builds-<hash> for any other, so two servers started from one
 * checkout with different databases never share (and swap) each other's live site.
 */
export function buildsDirFor(root: string, env: NodeJS.ProcessEnv): string {
  if (env.SITE_BUILDS_DIR) return resolve(root, env.SITE_BUILDS_DIR)
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE
  if (url === DEFAULT_DATABASE) return resolve(root, 'data/builds')
  const hash = createHash('sha256').update(databaseIdentity(root, url)).digest('hex').slice(0, 10)
  return resolve(root, `data/builds-${hash}`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claim a builds directory for this server and its database: refused (with what to do) when it
 * belongs to another database, or another live server process uses it. Returns the release
 * function for shutdown. A lock left by a process that no longer runs is taken over.
 */
export function claimBuildsDir(root: string, dir: string, databaseUrl: string): () => void {
  mkdirSync(dir, { recursive: true })
  const identity = databaseIdentity(root, databaseUrl)
  const owner = join(dir, '.database')
  const recorded = readText(owner)
  if (recorded !== null && recorded !== identity)
    throw new Error(
      `构建目录 ${dir} 属于另一个数据库（${recorded}），本服务使用的是 ${identity}；` +
        '两个实例共用一个构建目录会互相替换对方的网站。请为本实例设置另一个 SITE_BUILDS_DIR。'
    )
  const lock = join(dir, '.server.pid')
  const pid = Number(readText(lock))
  if (pid && pid !== process.pid && alive(pid))
    throw new Error(
      `另一个服务进程（PID ${pid}）正在使用构建目录 ${dir}。同一数据库只能由一个服务进程生成网站；` +
        '请先停止它，或为本实例设置另一个 SITE_BUILDS_DIR 和数据库。'
    )
  writeFileSync(owner, identity)
  writeFileSync(lock, String(process.pid))
  return () => rmSync(lock, { force: true })
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}
