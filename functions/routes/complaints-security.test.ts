import { solveChallenge, type Challenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/sha'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { complaints } from '../../db/schema/index.ts'
import { createTestApp, get, ORIGIN, post, type TestApp } from '../../tests/helpers/test-app.ts'

/**
 * Security matrix N (the public's channels, issue 17): posts without a valid proof of work
 * store nothing, a solution is used once, access codes cannot be guessed, and files that lie about
 * themselves are refused.
 */
let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

const body = (altcha: unknown) => ({
  districtCode: '211103',
  projectName: '兴隆家园',
  category: 'other',
  description: '楼道灯坏了一个月。',
  consent: true,
  altcha,
})
async function solved() {
  const challenge = (await (await get(t, '/api/v1/public/challenge')).json()) as Challenge
  const solution = (await solveChallenge({ challenge, deriveKey }))!
  return { challenge, solution }
}

describe('N public channels', { timeout: 120_000 }, () => {
  it('N1: 1,000 posts without a valid solution store nothing', async () => {
    const { challenge, solution } = await solved()
    const forgeries = [
      undefined,
      '',
      'not base64 at all',
      btoa('{}'),
      btoa(JSON.stringify({ challenge, solution: { ...solution, counter: solution.counter + 1 } })),
      btoa(JSON.stringify({ challenge: { ...challenge, signature: 'f'.repeat(64) }, solution })),
      btoa(
        JSON.stringify({
          challenge: { ...challenge, parameters: { ...challenge.parameters, expiresAt: 1 } },
          solution,
        })
      ),
    ]
    const statuses = new Map<number, number>()
    for (let i = 0; i < 1000; i++) {
      const res = await post(t, '/api/v1/public/complaints', body(forgeries[i % forgeries.length]))
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    }
    expect([...statuses.keys()].every((s) => s === 422 || s === 429)).toBe(true)
    expect(await t.db.select().from(complaints)).toHaveLength(0)
  })

  it('N2: a solved challenge is spent once; the replay is refused and stores nothing', async () => {
    const payload = btoa(JSON.stringify(await solved()))
    expect((await post(t, '/api/v1/public/complaints', body(payload))).status).toBe(201)
    const again = await post(t, '/api/v1/public/complaints', body(payload))
    expect(again.status).toBe(409)
    expect(await t.db.select().from(complaints)).toHaveLength(1)
  })

  it('N3: 10,000 wrong access codes find nothing and are throttled', async () => {
    const { receiptNo } = await (
      await post(t, '/api/v1/public/complaints', body(btoa(JSON.stringify(await solved()))))
    ).json()
    const counts = new Map<number, number>()
    for (let i = 0; i < 10_000; i++) {
      const code = i.toString(32).toUpperCase().padStart(16, '0')
      const res = await t.app.request(
        `${ORIGIN}/api/v1/public/submissions/${receiptNo}?code=${code}`
      )
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1)
    }
    expect(counts.get(200)).toBeUndefined()
    expect(counts.get(429)).toBeGreaterThanOrEqual(9_900)
    expect((counts.get(404) ?? 0) + (counts.get(429) ?? 0)).toBe(10_000)
  })

  it('N4: files that lie about their type, exceed the limits or are polyglots are refused', async () => {
    // prettier-ignore
    const head = [0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xc0, 0, 4, 8, 0, 0xff, 0xda, 0, 2, 1, 2]
    const jpeg = (...tail: number[]) => new Uint8Array([...head, 0xff, 0xd9, ...tail])
    const big = new Uint8Array(6 * 1024 * 1024)
    big.set(jpeg())
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
    const cases: [string, Blob[], RegExp][] = [
      ['HTML named .jpg', [new Blob(['<html><script>alert(1)</script>'])], /不是JPEG或PNG图片/],
      ['GIF', [new Blob(['GIF89a\x01\x00\x01\x00'])], /不是JPEG或PNG图片/],
      ['SVG', [new Blob(['<svg onload="alert(1)"/>'])], /不是JPEG或PNG图片/],
      ['JPEG with a ZIP after it', [new Blob([jpeg(...ascii('PK\x03\x04evil'))])], /夹带/],
      ['JPEG carrying script', [new Blob([jpeg(...ascii('<SCRIPT>x</script>'))])], /夹带/],
      ['four photos', [1, 2, 3, 4].map(() => new Blob([jpeg()])), /最多上传3张照片/],
      ['6 MB', [new Blob([big])], /超过5MB/],
    ]
    for (const [what, files, message] of cases) {
      const form = new FormData()
      for (const [k, v] of Object.entries(body(btoa(JSON.stringify(await solved())))))
        form.append(k, String(v))
      files.forEach((f, i) => form.append('photos', f, `IMG_${i}.jpg`))
      const res = await t.app.request(`${ORIGIN}/api/v1/public/complaints`, {
        method: 'POST',
        headers: { Origin: ORIGIN },
        body: form,
      })
      // A minute apart, as a person would: the per-address limit is not what refuses these.
      t.clock.now += 61_000
      expect(res.status, what).toBe(422)
      expect(JSON.stringify(await res.json()), what).toMatch(message)
    }
    expect(await t.db.select().from(complaints)).toHaveLength(0)
  })
})
