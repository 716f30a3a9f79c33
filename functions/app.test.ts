import { describe, expect, it } from 'vitest'
import { createApp } from './app.ts'

describe('createApp', () => {
  it('answers the health probe', async () => {
    const res = await createApp().request('/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers an unknown API route with the standard error body', async () => {
    const res = await createApp().request('/api/v1/nope')
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('NOT_FOUND')
    expect(body.error.message).toMatch(/不存在/)
  })
})
