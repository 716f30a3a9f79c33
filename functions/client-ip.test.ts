import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clientIp } from './client-ip.ts'

const app = new Hono().get('/', (c) => c.text(clientIp(c) ?? 'none'))
const forged = { 'CF-Connecting-IP': '6.6.6.6', 'X-Forwarded-For': '7.7.7.7' }

describe('clientIp', () => {
  it('believes only the address the Node server resolved, whatever the client sent', async () => {
    const res = await app.request('/', { headers: forged }, { clientAddress: '203.0.113.7' })
    expect(await res.text()).toBe('203.0.113.7')
  })

  it('reads the edge header on Cloudflare, where no binding is passed', async () => {
    expect(await (await app.request('/', { headers: forged })).text()).toBe('6.6.6.6')
    expect(await (await app.request('/')).text()).toBe('none')
  })
})
