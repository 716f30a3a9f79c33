import { describe, expect, it } from 'vitest'
import { EXACT_SHARDS, exactKey, exactShard } from './exact-lookup.ts'

describe('exactKey', () => {
  it('treats full-width, spaced and lowercase forms of a code alike', () => {
    expect(exactKey('９１３５０１００ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43')
    expect(exactKey(' 91350100 M000100Y43 ')).toBe('91350100M000100Y43')
  })

  it('treats every bracket form of a 文号 year alike', () => {
    const forms = [
      '兴住建罚决〔2026〕3号',
      '兴住建罚决[2026]3号',
      '兴住建罚决（2026）3号',
      '兴住建罚决【2026】3号',
    ]
    expect(new Set(forms.map(exactKey)).size).toBe(1)
  })
})

describe('exactShard', () => {
  it('spreads keys over every shard and is stable', () => {
    const shards = new Set(
      Array.from({ length: 2000 }, (_, i) => exactShard(`盘锦${i}物业服务有限公司`))
    )
    expect(shards.size).toBe(EXACT_SHARDS)
    expect(exactShard('盘锦华远物业服务有限公司')).toBe(exactShard('盘锦华远物业服务有限公司'))
  })
})
