import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callDeployHook } from './deploy-hook.ts'

const received: string[] = []
const server = createServer((req, res) => {
  received.push(`${req.method} ${req.url}`)
  res.statusCode = req.url === '/fail' ? 500 : 200
  res.end()
})
let base = ''
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server.close())

describe('the deploy hook a publish and the daily cron call on Cloudflare', () => {
  it('POSTs to the configured hook and reports failure without the URL', async () => {
    expect(await callDeployHook({ DEPLOY_HOOK_URL: `${base}/hook/secret-token` }, 'daily')).toBe(
      true
    )
    expect(received).toEqual(['POST /hook/secret-token'])
    expect(await callDeployHook({ DEPLOY_HOOK_URL: `${base}/fail` }, 'publish')).toBe(false)
    expect(await callDeployHook({}, 'daily')).toBe(false)
  })
})
