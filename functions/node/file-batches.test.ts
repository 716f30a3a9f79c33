import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { removeTree } from './file-batches.ts'

describe('removeTree', () => {
  const root = mkdtempSync(join(tmpdir(), 'remove-tree-'))
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('deletes a nested tree of files and directories, and the directory itself', async () => {
    const build = join(root, 'build-1')
    for (const d of ['client/enterprises/a', 'client/enterprises/b/c', 'server', 'empty'])
      mkdirSync(join(build, d), { recursive: true })
    for (const f of [
      'client/index.html',
      'client/enterprises/a/index.html',
      'client/enterprises/b/c/x.br',
    ])
      writeFileSync(join(build, f), 'x')
    await removeTree(build)
    expect(existsSync(build)).toBe(false)
    expect(existsSync(root)).toBe(true)
  })

  it('deletes a deep chain of directories, never a parent before its child', async () => {
    const build = join(root, 'build-2')
    const deep = join(build, ...'abcdefghijkl'.split(''))
    mkdirSync(deep, { recursive: true })
    writeFileSync(join(deep, 'x'), 'x')
    for (let i = 0; i < 20; i++) mkdirSync(join(build, `d${i}`, 'e', 'f'), { recursive: true })
    await removeTree(build)
    expect(existsSync(build)).toBe(false)
  })

  it('does nothing for a directory that is not there', async () => {
    await expect(removeTree(join(root, 'gone'))).resolves.toBeUndefined()
  })
})
