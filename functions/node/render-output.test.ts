import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  beginRenderOutput,
  closeRenderOutput,
  endRenderOutput,
  writeRendered,
} from './render-output.ts'

const bytes = (text: string) => new TextEncoder().encode(text)
const dir = mkdtempSync(join(tmpdir(), 'render-output-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const out = (file: string) => join(dir, file)

describe('the rendered files, written and scanned beside the render', () => {
  it('writes each file byte for byte and scans the text ones with the allowed contacts', async () => {
    beginRenderOutput(['0427-2823456'])
    const body = '<p>联系电话：0427-2823456</p><p>业主电话 138 0013 8000</p>'
    writeRendered('enterprises/1/index.html', out('enterprises/1/index.html'), bytes(body))
    writeRendered('data/subjects.csv', out('data/subjects.csv'), bytes('名称\n示例物业\n'))
    // Not text: written, and left to the builder's scan (which does not read it either).
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
    writeRendered('data/subjects.xlsx', out('data/subjects.xlsx'), xlsx.slice())
    const scanned = await endRenderOutput()
    expect(readFileSync(out('enterprises/1/index.html'), 'utf8')).toBe(body)
    expect(readFileSync(out('data/subjects.csv'), 'utf8')).toBe('名称\n示例物业\n')
    expect(new Uint8Array(readFileSync(out('data/subjects.xlsx')))).toEqual(xlsx)
    expect(scanned!.files.sort()).toEqual(['data/subjects.csv', 'enterprises/1/index.html'])
    expect(scanned!.findings).toEqual([
      { file: 'enterprises/1/index.html', kind: '手机号码', position: expect.any(Number) },
    ])
  })

  it('writes but scans nothing when the builder gave no contacts: it reads every file itself', async () => {
    beginRenderOutput(undefined)
    writeRendered('a/index.html', out('a/index.html'), bytes('<p>13800138000</p>'))
    expect(await endRenderOutput()).toBeNull()
    expect(readFileSync(out('a/index.html'), 'utf8')).toBe('<p>13800138000</p>')
  })

  it('starts each build afresh', async () => {
    beginRenderOutput([])
    writeRendered('a/index.html', out('a/index.html'), bytes('<p>13800138000</p>'))
    beginRenderOutput([])
    writeRendered('b/index.html', out('b/index.html'), bytes('<p>无</p>'))
    expect(await endRenderOutput()).toEqual({ files: ['b/index.html'], findings: [] })
  })

  it('writes at once what renders after a failed build was closed and before the next begins', async () => {
    beginRenderOutput([])
    writeRendered('left/z/index.html', out('left/z/index.html'), bytes('<p>一</p>'))
    // The build failed (its end never came); the next one starts.
    closeRenderOutput()
    writeRendered('robots.txt', out('robots.txt'), bytes('User-agent: *\n'))
    expect(readFileSync(out('robots.txt'), 'utf8')).toBe('User-agent: *\n')
    expect(await endRenderOutput()).toBeNull()
  })

  it('fails the build when a file cannot be written, and writes nothing after it', async () => {
    // A file where the page's directory should be: mkdir fails (root ignores permissions).
    writeRendered('blocked', out('blocked'), bytes('')) // outside a build: written at once
    beginRenderOutput([])
    writeRendered('blocked/y/index.html', out('blocked/y/index.html'), bytes('<p>一</p>'))
    writeRendered('c/index.html', out('c/index.html'), bytes('<p>二</p>'))
    await expect(endRenderOutput()).rejects.toThrow(/blocked\/y\/index\.html/)
    expect(() => readFileSync(out('c/index.html'))).toThrow()
  })
})
