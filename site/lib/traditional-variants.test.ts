import { describe, expect, it } from 'vitest'
import { simplify } from '../../db/domain/name-index.ts'
import { traditionalToSimplified } from './traditional-variants.ts'

describe('L4 traditional queries find simplified text', () => {
  it('maps the traditional forms of the searchable characters, and nothing else', () => {
    const t2s = traditionalToSimplified(['盘锦泰华物业服务有限公司'])
    expect(simplify('盤錦泰華物業服務有限公司', t2s)).toBe('盘锦泰华物业服务有限公司')
    // Hong Kong and Taiwan forms, and domain words no record holds yet.
    expect(simplify('處罰決定書 黑名單 業主委員會', t2s)).toBe('处罚决定书 黑名单 业主委员会')
    // Simplified text, USCCs and document numbers pass through unchanged.
    expect(simplify('盘锦 91211103MA0XXXXX1X 兴住建罚决〔2026〕3号', t2s)).toBe(
      '盘锦 91211103MA0XXXXX1X 兴住建罚决〔2026〕3号'
    )
    expect(Object.values(t2s).every((s) => [...s].length === 1)).toBe(true)
    // Small enough to travel inside the search page.
    expect(JSON.stringify(t2s).length).toBeLessThan(8_000)
  })
})
