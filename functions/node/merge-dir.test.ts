import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mergeDir } from './merge-dir.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function tree(root: string, files: string[]) {
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true })
    writeFileSync(join(root, f), f)
  }
}
const list = (root: string) =>
  (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort()

describe('mergeDir', () => {
  it('joins kept pages and rendered ones, whichever side is larger at each level', () => {
    dir = mkdtempSync(join(tmpdir(), 'merge-'))
    const kept = join(dir, 'kept')
    const site = join(dir, 'site')
    const keptFiles = ['enterprises/A1/index.html', 'enterprises/A2/index.html']
    keptFiles.push('enterprises/A3/index.html', 'enterprises/f/d/1/index.html')
    keptFiles.push('penalties/7/index.html', 'penalties/7/index.html.br')
    const rendered = ['index.html', 'enterprises/index.html', 'enterprises/B1/index.html']
    rendered.push('enterprises/f/d/2/index.html', 'data/penalties.csv')
    tree(kept, keptFiles)
    tree(site, rendered)
    return mergeDir(kept, site).then(() => {
      expect(list(site)).toEqual([...keptFiles, ...rendered].sort())
      expect(readFileSync(join(site, 'penalties/7/index.html'), 'utf8')).toBe(
        'penalties/7/index.html'
      )
      expect(readdirSync(dir)).toEqual(['site'])
    })
  })

  it('refuses a page that is both kept and rendered', async () => {
    dir = mkdtempSync(join(tmpdir(), 'merge-'))
    tree(join(dir, 'kept'), ['penalties/7/index.html'])
    tree(join(dir, 'site'), ['penalties/7/index.html'])
    await expect(mergeDir(join(dir, 'kept'), join(dir, 'site'))).rejects.toThrow(/both/)
  })
})
