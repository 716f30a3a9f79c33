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

  it('finds a shortened name that keeps every character, and refuses what it cannot look up', () => {
    // Not a substring of any name, but every character is in 盘锦宇昌物业服务有限公司 only.
    expect(search(index, '宇昌物业服务公司')).toEqual(['S0'])
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

  it('matches only names with every character of the query, ranked exact, prefix, contained', () => {
    // Shares 学府 and 委员会 with a real name, but not its other characters: nothing.
    expect(search(index, '甲乙丙学府委员会')).toEqual([])
    // One character wrong (宇晶 for 宇昌): nothing, rather than something else.
    expect(search(index, '宇晶物业')).toEqual([])
    const ranked = buildNameIndex([
      hit('contains', '新宇昌物业'),
      hit('other', '宇物昌业'),
      hit('prefix', '宇昌物业服务'),
      hit('exact', '宇昌物业'),
    ])
    expect(search(ranked, '宇昌物业')).toEqual(['exact', 'prefix', 'contains'])
    expect(
      matchNames(
        '宇昌物业',
        ranked.shards.flatMap((s) => Object.values(s).flat())
      )
    ).toEqual(expect.arrayContaining([expect.arrayContaining(['other'])]))
  })
})
