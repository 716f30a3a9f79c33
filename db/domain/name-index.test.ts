import { describe, expect, it } from 'vitest'
import {
  bigrams,
  buildNameIndex,
  matchNames,
  nameKey,
  nameShard,
  queryPair,
  type NameHit,
} from './name-index.ts'

const hit = (id: string, name: string): NameHit => [
  id,
  name,
  '物业服务企业',
  '兴隆台区',
  '未列入名单',
  'A',
]

/** A query as the browser runs it: one shard, then the matches among that pair's postings. */
function search(index: ReturnType<typeof buildNameIndex>, query: string): string[] {
  const pair = queryPair(query, index.info)
  if (!pair) return []
  const shard = index.shards[nameShard(pair, index.info.shards)]!
  return matchNames(query, shard[pair] ?? []).map((h) => h[0])
}

describe('company-name index', () => {
  const names = [
    '盘锦宇昌物业服务有限公司',
    '盘锦宇昌物业管理有限公司',
    '盘锦德丰物业服务有限责任公司',
    '嘉润学府业主委员会',
  ]
  // Enough filler that 物业 / 公司 / 盘锦 become stop pairs.
  const filler = Array.from({ length: 450 }, (_, i) => hit(`F${i}`, `盘锦物业${i}服务有限公司`))
  const index = buildNameIndex([...names.map((n, i) => hit(`S${i}`, n)), ...filler])

  it('normalises width, case, spaces and punctuation', () => {
    expect(nameKey(' 盘锦（宇昌）物业 ａｂ ')).toBe('盘锦宇昌物业AB')
    expect(bigrams('宇昌物业')).toEqual(['宇昌', '昌物', '物业'])
    expect(bigrams('宇')).toEqual([])
  })

  it('stops pairs that most names share and finds names by any distinctive part', () => {
    expect(index.info.stop).toEqual(expect.arrayContaining(['物业', '公司', '盘锦']))
    expect(search(index, '宇昌物业')).toEqual(['S0', 'S1'])
    expect(search(index, '宇昌 管理')).toEqual(['S1'])
    expect(search(index, '德丰')).toEqual(['S2'])
    expect(search(index, '学府业主')).toEqual(['S3'])
  })

  it('tolerates a shortened name, and refuses what it cannot look up', () => {
    // Not a substring of any name, but most of its pairs are in 盘锦宇昌物业服务有限公司.
    expect(search(index, '宇昌物业服务公司')).toContain('S0')
    expect(queryPair('宇', index.info)).toBeNull()
    expect(queryPair('有限公司', index.info)).toBeNull()
    expect(search(index, '完全无关')).toEqual([])
  })

  it('spreads postings over a number of shards that grows with the data', () => {
    const small = buildNameIndex(names.map((n, i) => hit(`S${i}`, n)))
    expect(small.info.shards).toBe(16)
    // Names of four pseudo-random ideographs: few shared pairs, many postings.
    const cjk = (n: number) => String.fromCharCode(0x4e00 + (n % 20_000))
    const many = Array.from({ length: 20_000 }, (_, i) =>
      hit(`M${i}`, [1, 2, 3, 4].map((k) => cjk(i * 7919 * k + k)).join(''))
    )
    expect(buildNameIndex(many).info.shards).toBeGreaterThan(16)
  })
})
