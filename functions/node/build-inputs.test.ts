import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSeededTestDb } from '../../tests/helpers/test-db.ts'
import { prepareBuildInputs, prepareInputsWorker, type InputsJob } from './build-inputs.ts'

let t: Awaited<ReturnType<typeof createSeededTestDb>>
const dir = mkdtempSync(join(tmpdir(), 'build-inputs-'))
beforeAll(async () => {
  t = await createSeededTestDb(40, 3)
})
afterAll(() => {
  t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const job = (name: string, url = t.url): InputsJob => ({
  env: { DATABASE_URL: url },
  asOf: '2026-11-27',
  previous: null,
  snapshotFile: join(dir, `${name}.snapshot.json`),
  planFile: join(dir, `${name}.plan.json`),
})

describe("a build's inputs worker", () => {
  it('serves the next build of a small site, with the same inputs a new worker gives', async () => {
    const first = prepareBuildInputs(job('a'))
    const a = await first.ready
    const second = prepareBuildInputs(job('b'))
    const b = await second.ready
    expect(second.threadId).toBe(first.threadId)
    expect(b.manifest).toEqual(a.manifest)
    expect(b.reports).toEqual(a.reports)
    expect(readFileSync(join(dir, 'b.snapshot.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'a.snapshot.json'), 'utf8')
    )
    expect(b.heapBytes).toBeGreaterThan(0)
  })

  it('is ended after a build it failed, and the next build gets a new one', async () => {
    const failing = prepareBuildInputs(job('c', `file:${join(dir, 'missing', 'x.db')}`))
    await expect(failing.ready).rejects.toThrow()
    await expect(failing.snapshot).rejects.toThrow()
    await expect(failing.search).rejects.toThrow()
    // As the site builder does after a build: the next worker loads while nobody waits.
    prepareInputsWorker()
    const next = prepareBuildInputs(job('d'))
    await next.ready
    expect(next.threadId).not.toBe(failing.threadId)
  })
})
