import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { complaintPhotos, complaints } from '../../db/schema/index.ts'
import { jpegWithGps } from '../../tests/fixtures/gps-photo.ts'
import { createTestApp, get, post, type TestApp } from '../../tests/helpers/test-app.ts'
import { solvedAltcha } from '../../scripts/solve-altcha.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

const solved = () => solvedAltcha(() => get(t, '/api/v1/public/challenge'))

const complaint = (over: Record<string, unknown> = {}) => ({
  districtCode: '211103',
  projectName: '兴隆家园',
  category: 'property_company.4',
  description: '电梯停运三天，报修无人处理。',
  contactName: '王女士',
  contactPhone: '139 1234 6608',
  consent: true,
  ...over,
})

describe('投诉举报 from the public (issue 17)', { timeout: 30_000 }, () => {
  it('takes a solved complaint, answers a receipt and an access code, and shows its status', async () => {
    const res = await post(t, '/api/v1/public/complaints', complaint({ altcha: await solved() }))
    expect(res.status).toBe(201)
    const { receiptNo, accessCode } = await res.json()
    expect(receiptNo).toMatch(/^TS\d{8}-\d{6}$/)
    expect(accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
    const track = await get(
      t,
      `/api/v1/public/submissions/${receiptNo}?code=${accessCode.toLowerCase()}`
    )
    expect(await track.json()).toMatchObject({ status: 'submitted', statusLabel: '已提交' })
    // A wrong code and an unknown number answer alike.
    const wrong = await get(t, `/api/v1/public/submissions/${receiptNo}?code=AAAA-AAAA-AAAA-AAAA`)
    const unknown = await get(t, `/api/v1/public/submissions/TS20261127-000000?code=${accessCode}`)
    expect(wrong.status).toBe(404)
    expect(unknown.status).toBe(404)
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message)
  })

  it('stores nothing without a valid solution, and refuses a replayed one', async () => {
    for (const altcha of [undefined, 'bm90IGpzb24=', btoa('{"challenge":{},"solution":{}}')]) {
      const res = await post(t, '/api/v1/public/complaints', complaint({ altcha }))
      expect(res.status).toBe(422)
    }
    const payload = await solved()
    expect(
      (await post(t, '/api/v1/public/complaints', complaint({ altcha: payload }))).status
    ).toBe(201)
    const replay = await post(t, '/api/v1/public/complaints', complaint({ altcha: payload }))
    expect(replay.status).toBe(409)
    expect(await t.db.select().from(complaints)).toHaveLength(1)
  })

  it('seals the contact: the database file never holds the name or phone in clear', async () => {
    await post(t, '/api/v1/public/complaints', complaint({ altcha: await solved() }))
    const [row] = await t.db.select().from(complaints)
    expect(row!.contactSealed).toMatch(/^v1\./)
    t.db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    const raw = readFileSync(t.url.slice('file:'.length)).toString('utf8')
    expect(raw).not.toContain('13912346608')
    expect(raw).not.toContain('王女士')
  })

  it('keeps a photo’s pixels and drops its GPS, its comment and the bytes after its end', async () => {
    const form = new FormData()
    for (const [k, v] of Object.entries(complaint({ altcha: await solved() })))
      form.append(k, String(v))
    form.append('photos', new Blob([jpegWithGps()], { type: 'image/jpeg' }), 'IMG_0001.jpg')
    // A file that only claims to be a photo.
    const fake = new FormData()
    for (const [k, v] of Object.entries(complaint({ altcha: await solved() })))
      fake.append(k, String(v))
    fake.append('photos', new Blob(['<html>not a photo</html>'], { type: 'image/jpeg' }), 'a.jpg')
    const send = (body: FormData) =>
      t.app.request('http://localhost/api/v1/public/complaints', {
        method: 'POST',
        headers: { Origin: 'http://localhost' },
        body,
      })
    const refused = await send(fake)
    expect(refused.status).toBe(422)
    expect(JSON.stringify(await refused.json())).toContain('不是JPEG或PNG图片')
    expect((await send(form)).status).toBe(201)
    const [photo] = await t.db.select().from(complaintPhotos)
    const stored = Buffer.from(photo!.bytes).toString('latin1')
    expect(stored).not.toMatch(/GPS|Exif|Room 1203/)
    expect(stored.slice(-2)).toBe('\xff\xd9')
    expect(photo!.mediaType).toBe('image/jpeg')
  })
})
