import { describe, expect, it } from 'vitest'
import { beginRenderScan, endRenderScan, scanRendered } from './render-scan.ts'

const page = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })

describe('the personal-information scan of rendered files', () => {
  it('scans each rendered text file in its worker and hands back the same response', async () => {
    beginRenderScan(['0427-2823456'])
    const body = '<p>联系电话：0427-2823456</p><p>业主电话 138 0013 8000</p>'
    const out = await scanRendered('enterprises/1/index.html', page(body))
    expect(out.status).toBe(200)
    expect(out.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(await out.text()).toBe(body)
    await scanRendered('data/subjects.csv', new Response('名称\n示例物业\n'))
    // Not text: left to the builder (which does not read it either), and passed on untouched.
    const xlsx = new Response(new Uint8Array([0x50, 0x4b]))
    expect(await scanRendered('data/subjects.xlsx', xlsx)).toBe(xlsx)
    const scanned = await endRenderScan()
    expect(scanned!.files.sort()).toEqual(['data/subjects.csv', 'enterprises/1/index.html'])
    expect(scanned!.findings).toEqual([
      { file: 'enterprises/1/index.html', kind: '手机号码', position: expect.any(Number) },
    ])
  })

  it('scans nothing when the builder gave no contacts, so that it reads every file itself', async () => {
    beginRenderScan(undefined)
    const response = page('<p>13800138000</p>')
    expect(await scanRendered('a/index.html', response)).toBe(response)
    expect(await endRenderScan()).toBeNull()
  })

  it('starts each build afresh', async () => {
    beginRenderScan([])
    await scanRendered('a/index.html', page('<p>13800138000</p>'))
    beginRenderScan([])
    await scanRendered('b/index.html', page('<p>无</p>'))
    expect(await endRenderScan()).toEqual({ files: ['b/index.html'], findings: [] })
  })
})
