import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildsDirFor, claimBuildsDir } from './builds-dir.ts'

const root = '/srv/wuye-credit'
let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the builds directory', () => {
  it('is tied to the database unless SITE_BUILDS_DIR says otherwise', () => {
    dir = mkdtempSync(join(tmpdir(), 'builds-'))
    expect(buildsDirFor(root, {})).toBe('/srv/wuye-credit/data/builds')
    const a = buildsDirFor(root, { DATABASE_URL: 'file:data/a.db' })
    const b = buildsDirFor(root, { DATABASE_URL: 'file:data/b.db' })
    expect(a).toMatch(/^\/srv\/wuye-credit\/data\/builds-[0-9a-f]{10}$/)
    expect(b).not.toBe(a)
    expect(buildsDirFor(root, { DATABASE_URL: 'file:/srv/wuye-credit/data/a.db' })).toBe(a)
    expect(buildsDirFor(root, { DATABASE_URL: 'file:data/a.db', SITE_BUILDS_DIR: 'x' })).toBe(
      '/srv/wuye-credit/x'
    )
  })

  it('refuses a second database, and a second live server, in one directory', () => {
    dir = mkdtempSync(join(tmpdir(), 'builds-'))
    const release = claimBuildsDir(root, dir, 'file:data/a.db')
    // The same server again (a restart in the same process) is fine.
    claimBuildsDir(root, dir, 'file:data/a.db')()
    release()
    expect(() => claimBuildsDir(root, dir, 'file:data/b.db')).toThrow(/属于另一个数据库/)
    // A live process (this test runner's parent) holding the lock.
    writeFileSync(join(dir, '.server.pid'), String(process.ppid))
    expect(() => claimBuildsDir(root, dir, 'file:data/a.db')).toThrow(/正在使用构建目录/)
    // A lock left by a process that has gone is taken over.
    writeFileSync(join(dir, '.server.pid'), '999999999')
    expect(() => claimBuildsDir(root, dir, 'file:data/a.db')).not.toThrow()
  })
})
