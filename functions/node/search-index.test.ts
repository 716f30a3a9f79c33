import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SearchRecord } from '../../site/lib/search-records.ts'
import { closeSearchService, indexRecords } from './search-index.ts'

const record = (id: number, text: string): SearchRecord => ({
  url: `/penalties/${id}/`,
  content: text,
  language: 'zh-cn',
  meta: { title: `行政处罚 盘住建罚〔2026〕${id}号` },
  filters: { 县区: ['兴隆台区'], 类别: ['行政处罚'] },
})
const records = [
  record(1, '未按规定公示物业服务收费标准，责令改正，罚款人民币五千元'),
  record(2, '擅自改变物业管理用房用途，没收违法所得'),
  record(3, '物业服务企业将全部物业服务业务一并委托他人，罚款人民币三万元'),
]

/** Every file of a directory tree with its bytes, by path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
  return Object.fromEntries(
    await Promise.all(
      files.map(async (f) => [f.slice(dir.length), (await readFile(f)).toString('base64')])
    )
  )
}

const work = await mkdtemp(join(tmpdir(), 'search-index-'))
afterAll(async () => {
  await closeSearchService()
  await rm(work, { recursive: true, force: true })
})

describe('the search index', () => {
  it('is the same, file for file, from a kept service as from a fresh one', async () => {
    await indexRecords(join(work, 'live', 'pagefind'), records, null)
    // The first keeps the service; the second is written by the service the first used, after
    // an index with other records was deleted from it.
    await indexRecords(join(work, 'other'), records.slice(1), null, { keepService: true })
    await indexRecords(join(work, 'kept'), records, null, { keepService: true })
    const fresh = await tree(join(work, 'live', 'pagefind'))
    expect(Object.keys(fresh).length).toBeGreaterThan(records.length)
    expect(await tree(join(work, 'kept'))).toEqual(fresh)
    expect(await tree(join(work, 'other'))).not.toEqual(fresh)
  })

  it('links the live index when the records did not change', async () => {
    await indexRecords(join(work, 'linked'), null, join(work, 'live'))
    expect(await tree(join(work, 'linked'))).toEqual(await tree(join(work, 'live', 'pagefind')))
  })
})
