import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  allowedContacts,
  isScannedFile,
  scanOutputForPersonalInfo,
  scanText,
} from './personal-info-scan.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function site(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'scan-'))
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), body)
  }
  return dir
}

describe('the build output scan for personal information', () => {
  it('finds a phone number in page text and an ID number in a data file, by file and kind', async () => {
    site({
      'penalties/1/index.html': '<p>业主张某（电话<b>138</b> 0013 8000）反映</p>',
      'data/penalties.csv': '文号,备注\n兴住建罚决〔2026〕1号,11010519491231002X\n',
      'index.html': '<footer>联系电话：0427-2823456（示例）</footer>',
      'pagefind/fragment/x.pf_fragment': '13800138000',
    })
    const { findings } = await scanOutputForPersonalInfo(
      dir,
      allowedContacts(['0427-2823456（示例）'])
    )
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['data/penalties.csv', '居民身份证号码'],
      ['penalties/1/index.html', '手机号码'],
    ])
  })

  it('does not join numbers across table cells, tags or CSV rows', async () => {
    site({
      'a/index.html': '<td>0427</td><td>2823456</td>',
      'b.csv': 'x,0\n91211103MA0Y8T3J4K,1\n',
    })
    expect(await scanOutputForPersonalInfo(dir)).toEqual({ findings: [], read: 2 })
  })
})

describe('files scanned as they were rendered', () => {
  it('reads only the files not already scanned, and reports both', async () => {
    site({
      'enterprises/1/index.html': '<p>电话 13800138000</p>',
      'feeds/changes.xml': '<item>身份证 11010519491231002X</item>',
      'robots.txt': 'Sitemap: /sitemap.xml 13900139000',
    })
    const { findings, read } = await scanOutputForPersonalInfo(dir, [], {
      // What render-output.ts found in the credit file; the file itself is not read again.
      files: ['enterprises/1/index.html', 'feeds/changes.xml'],
      findings: [{ file: 'enterprises/1/index.html', kind: '手机号码', position: 9 }],
    })
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['enterprises/1/index.html', '手机号码'],
      ['robots.txt', '手机号码'],
    ])
    expect(read).toBe(1)
  })

  it('scans a file the way the builder would have read it', () => {
    const html = '<p>业主张某（电话<b>138</b> 0013 8000）反映</p>'
    expect(scanText('penalties/1/index.html', html, [])).toEqual([
      { file: 'penalties/1/index.html', kind: '手机号码', position: expect.any(Number) },
    ])
    expect(isScannedFile('enterprises/1/index.html')).toBe(true)
    expect(isScannedFile('pagefind/fragment/x.pf_fragment')).toBe(false)
    expect(isScannedFile('_astro/site.css')).toBe(false)
    expect(isScannedFile('data/penalties.xlsx')).toBe(false)
  })
})
