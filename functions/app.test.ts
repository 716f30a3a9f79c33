import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, get, type TestApp } from '../tests/helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

describe('createApp', () => {
  it('answers the health probe', async () => {
    const res = await get(t, '/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers an unknown API route with the standard error body and a request id', async () => {
    const res = await get(t, '/api/v1/nope')
    expect(res.status).toBe(404)
    const body = (await res.json()) as {
      error: { code: string; message: string; requestId: string }
    }
    expect(body.error.code).toBe('NOT_FOUND')
    expect(body.error.message).toMatch(/不存在/)
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'))
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('sends every API answer unsniffed, unframed and sandboxed (J2)', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nope', '/api/v1/public/challenge']) {
      const res = await get(t, path)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; frame-ancestors 'none'; sandbox"
      )
    }
  })

  it('requires a login on every non-GET route but sign-in and the public channels', async () => {
    // The public's channels (issue 17) are open by design: a proof of work guards them instead.
    const open = new Set([
      '/api/v1/auth/login',
      '/api/v1/public/complaints',
      '/api/v1/public/objections',
      '/api/v1/public/repair-applications',
    ])
    const writes = t.app.routes.filter((r) => r.method === 'POST' && !open.has(r.path))
    expect(writes.length).toBeGreaterThan(8)
    for (const r of writes) {
      const path = r.path.replace(':id', '1').replace(':username', 'x')
      const res = await t.app.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
      expect(res.status, path).toBe(401)
    }
  })
})
