import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertSubject, makeUscc } from '../tests/fixtures/builders.ts'
import { createTestDb } from '../tests/helpers/test-db.ts'
import { createSnapshotCache } from './snapshot-cache.ts'

let t: Awaited<ReturnType<typeof createTestDb>>
beforeEach(async () => {
  t = await createTestDb()
})
afterEach(() => t.cleanup())

const rename = (id: string, name: string) =>
  t.db.$client.execute({ sql: 'UPDATE subjects SET name = ? WHERE id = ?', args: [name, id] })

describe('the snapshot cache', () => {
  it('answers from the old snapshot while a stale one reloads, and waits after a write', async () => {
    const clock = { now: Date.parse('2026-11-27T02:00:00Z') }
    const cache = createSnapshotCache(t.db, () => clock.now)
    const subject = await insertSubject(t.db, { uscc: makeUscc(1), name: '盘锦甲物业有限公司' })
    const name = async () => (await cache.get('2026-11-27')).subjects[0]!.name
    expect(await name()).toBe('盘锦甲物业有限公司')

    // Changed behind the cache's back (another process), then the minute passes: the next read
    // is answered at once from what was loaded, and a later one sees the change.
    await rename(subject.id, '盘锦乙物业有限公司')
    clock.now += 61_000
    expect(await name()).toBe('盘锦甲物业有限公司')
    for (let i = 0; i < 100 && (await name()) !== '盘锦乙物业有限公司'; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(await name()).toBe('盘锦乙物业有限公司')

    // A write through the app drops everything: the very next read is fresh.
    await rename(subject.id, '盘锦丙物业有限公司')
    cache.invalidate()
    expect(await name()).toBe('盘锦丙物业有限公司')
  })
})
