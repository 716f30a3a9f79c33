import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addUser,
  createTestApp,
  logInAs,
  ORIGIN,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
let cookie: { Cookie: string }
beforeEach(async () => {
  t = await createTestApp()
  const { secret } = await addUser(t, 'admin1', 'admin', null)
  cookie = await logInAs(t, 'admin1', secret)
})
afterEach(() => t.cleanup())

const send = (body: BodyInit, headers: Record<string, string>) =>
  t.app.request(`${ORIGIN}/api/v1/users`, {
    method: 'POST',
    headers: { Origin: ORIGIN, ...cookie, ...headers },
    body,
  })
const user = JSON.stringify({
  username: 'editor9',
  password: 'Qh7#vLm2$Tz9wXk',
  role: 'editor',
  district: '211103',
})

describe('D2 malformed JSON and content type', () => {
  it('answers 400 for malformed JSON, a BOM, lone surrogates and deep nesting', async () => {
    const json = { 'Content-Type': 'application/json' }
    for (const body of [
      '{"username":',
      '\uFEFF' + user,
      '{"username":"\\uD800"}',
      '['.repeat(10_000) + ']'.repeat(10_000),
      'NaN',
    ]) {
      const res = await send(body, json)
      expect(res.status, body.slice(0, 20)).toBe(400)
    }
  })

  it('answers 415 for any media type but UTF-8 application/json', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=gbk',
    ])
      expect((await send(user, { 'Content-Type': type })).status, type).toBe(415)
    expect((await send(user, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(
      201
    )
  })
})

describe('D3 oversized bodies', () => {
  it('answers 413 for a 300 KB body, with or without Content-Length, and asserts the hono pin', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(300 * 1024) })
    expect(
      (
        await send(big, {
          'Content-Type': 'application/json',
          'Content-Length': String(big.length),
        })
      ).status
    ).toBe(413)
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big))
        controller.close()
      },
    })
    const chunked = await t.app.request(`${ORIGIN}/api/v1/users`, {
      method: 'POST',
      headers: { Origin: ORIGIN, ...cookie, 'Content-Type': 'application/json' },
      body: stream,
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: 'half',
    })
    expect(chunked.status).toBe(413)
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { version: string }>
    }
    const [major, minor, patch] = lock.packages['node_modules/hono']!.version.split('.').map(Number)
    expect(major! * 1e6 + minor! * 1e3 + patch!).toBeGreaterThanOrEqual(4_013_019)
  })
})

describe('F1 cross-site writes', () => {
  it('refuses a foreign Origin, a null Origin and Sec-Fetch-Site: cross-site with 403', async () => {
    const json = { 'Content-Type': 'application/json' }
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.cn'])
      expect((await send(user, { ...json, Origin: origin })).status, origin).toBe(403)
    expect((await send(user, { ...json, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect(
      (await send(user, { 'Content-Type': 'text/plain', Origin: 'https://evil.example' })).status
    ).toBe(403)
  })
})

describe('F2 CORS', () => {
  it('never reflects a foreign origin in Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://wuye.example.gov.cn.evil.cn']) {
      const res = await t.app.request(`${ORIGIN}/api/v1/auth/me`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      })
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull()
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    }
  })
})
