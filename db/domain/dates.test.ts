import { describe, expect, it } from 'vitest'
import { addDays, addMonths, formatChineseDate, todayInShanghai } from './dates.ts'

describe('todayInShanghai', () => {
  it('uses the Asia/Shanghai calendar, not UTC', () => {
    expect(todayInShanghai(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31')
    expect(todayInShanghai(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01')
  })
})

describe('date arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('adds months clamping to the last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-01-15', 36)).toBe('2029-01-15')
  })
  it('formats dates the way Chinese official documents do', () => {
    expect(formatChineseDate('2026-04-01')).toBe('2026年4月1日')
  })
})
