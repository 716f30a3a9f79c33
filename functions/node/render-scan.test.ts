import { describe, expect, it } from 'vitest'
import { beginRenderScan, endRenderScan, scanRendered } from './render-scan.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('the personal-information scan of rendered files', () => {
  it('scans each rendered text file in its worker, leaving the bytes as they were', async () => {
    beginRenderScan(['0427-2823456'])
    const body = '<p>联系电话：0427-2823456</p><p>业主电话 138 0013 8000</p>'
    const page = bytes(body)
    scanRendered('enterprises/1/index.html', page)
    expect(new TextDecoder().decode(page)).toBe(body)
    scanRendered('data/subjects.csv', bytes('名称\n示例物业\n'))
    // Not text: left to the builder (which does not read it either).
    scanRendered('data/subjects.xlsx', new Uint8Array([0x50, 0x4b]))
    const scanned = await endRenderScan()
    expect(scanned!.files.sort()).toEqual(['data/subjects.csv', 'enterprises/1/index.html'])
    expect(scanned!.findings).toEqual([
      { file: 'enterprises/1/index.html', kind: '手机号码', position: expect.any(Number) },
    ])
  })

  it('scans nothing when the builder gave no contacts, so that it reads every file itself', async () => {
    beginRenderScan(undefined)
    scanRendered('a/index.html', bytes('<p>13800138000</p>'))
    expect(await endRenderScan()).toBeNull()
  })

  it('starts each build afresh', async () => {
    beginRenderScan([])
    scanRendered('a/index.html', bytes('<p>13800138000</p>'))
    beginRenderScan([])
    scanRendered('b/index.html', bytes('<p>无</p>'))
    expect(await endRenderScan()).toEqual({ files: ['b/index.html'], findings: [] })
  })
})
