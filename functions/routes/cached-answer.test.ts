import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
} from '../../tests/fixtures/builders.ts'
import { createTestApp, get, type TestApp } from '../../tests/helpers/test-app.ts'
import { acceptsGzip } from './cached-answer.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

describe('public reads serialised once per snapshot (issue 18)', () => {
  it('answers the same JSON gzipped or not, and nothing stale after a write', async () => {
    const company = await insertSubject(t.db, { uscc: makeUscc(1), name: '盘锦缓存物业有限公司' })
    const authority = await insertAuthority(t.db)
    await insertPenalty(t.db, company.id, authority)
    const path = `/api/v1/public/subjects/${company.id}`
    const plain = await get(t, path)
    const text = await plain.text()
    expect(plain.headers.get('content-type')).toBe('application/json')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(JSON.parse(text).creditFile.subject.name).toBe('盘锦缓存物业有限公司')
    for (let i = 0; i < 2; i++) {
      const zipped = await get(t, path, { 'Accept-Encoding': 'gzip, deflate, br' })
      expect(zipped.headers.get('content-encoding')).toBe('gzip')
      expect(zipped.headers.get('vary')).toMatch(/Accept-Encoding/)
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(text)
    }
    const refused = await get(t, path, { 'Accept-Encoding': 'gzip;q=0, identity' })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(await refused.text()).toBe(text)
    // A new snapshot starts with no answers: a change made outside the app (so no invalidation)
    // shows once the cached snapshot's minute is over and it has been reloaded.
    await t.db.$client.execute({
      sql: 'UPDATE subjects SET name = ? WHERE id = ?',
      args: ['盘锦缓存物业服务有限公司', company.id],
    })
    t.clock.now += 61_000
    const nameNow = async () => (await (await get(t, path)).json()).creditFile.subject.name
    for (let i = 0; i < 100 && (await nameNow()) !== '盘锦缓存物业服务有限公司'; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(await nameNow()).toBe('盘锦缓存物业服务有限公司')
  })

  it('reads Accept-Encoding as browsers and tools send it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true)
    expect(acceptsGzip('GZIP')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('x-gzip-like')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})
