import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { listAudit } from '../db/queries/audit.ts'
import { createUser } from '../functions/services/manage-users.ts'
import { createTestDb } from '../tests/helpers/test-db.ts'
import { backupDatabase, checkDatabase, importAuditExport, restoreDatabase } from './backup.ts'

const config = { PASSWORD_PEPPER: 'test-pepper-0123456789abcdefghijklmnop', ALLOWED_ORIGINS: '' }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

async function dbWithAudit() {
  const t = await createTestDb()
  cleanups.push(t.cleanup)
  const ctx = {
    db: t.db,
    config,
    nowMs: Date.now(),
    actor: { id: 0, username: 'setup', role: 'admin' as const, district: null },
    requestId: 'test',
    ip: null,
  }
  for (const username of ['editor-a', 'editor-b', 'reviewer-a']) {
    await createUser(ctx, {
      username,
      password: 'Qh7#vLm2$Tz9wXk',
      role: 'editor',
      district: '211103',
    })
  }
  return t
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'backup-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

describe('K9 backup and restore drill', () => {
  it('copies the live database consistently and restores it in place of a changed one', async () => {
    const { db } = await dbWithAudit()
    const dir = tempDir()
    const backup = join(dir, 'backup.db')
    const taken = await backupDatabase(db, backup)
    expect(taken).toMatchObject({ integrity: 'ok', auditBrokenAt: null })
    expect(taken.auditRows).toBeGreaterThanOrEqual(3)
    await expect(backupDatabase(db, backup)).rejects.toThrow(/exists/)

    // A later database (more audit rows) is replaced by the backup; the old file is kept.
    const target = join(dir, 'live.db')
    const { previous } = await restoreDatabase(backup, target)
    expect(previous).toBeNull()
    const restored = createDb({ DATABASE_URL: `file:${target}` })
    try {
      expect(await checkDatabase(restored)).toEqual(taken)
    } finally {
      restored.$close()
    }
    const again = await restoreDatabase(backup, target)
    expect(again.previous).toMatch(/live\.db\.before-restore-/)
  })
})

describe('H5 audit export re-imported into a fresh database', () => {
  it('loads the export and verifies the hash chain; a tampered export is refused whole', async () => {
    const { db } = await dbWithAudit()
    const rows = (await listAudit(db, {}, 1_000_000)).reverse()
    const ndjson = rows.map((r) => JSON.stringify(r)).join('\n') + '\n'

    const fresh = await createTestDb()
    cleanups.push(fresh.cleanup)
    expect(await importAuditExport(fresh.db, ndjson)).toEqual({ rows: rows.length, brokenAt: null })

    const tampered = ndjson.replace('"editor-b"', '"editor-x"')
    expect(tampered).not.toBe(ndjson)
    const other = await createTestDb()
    cleanups.push(other.cleanup)
    const result = await importAuditExport(other.db, tampered)
    expect(result.brokenAt).not.toBeNull()
    expect(await listAudit(other.db, {})).toEqual([])
  })
})
