import { describe, expect, it } from 'vitest'
import { publicityWindow, ruleVersionFor } from './severity.ts'

describe('ruleVersionFor', () => {
  it('applies NDRC Order 36 from 2026-04-01 and the 2023 rules before', () => {
    expect(ruleVersionFor('2026-03-31')).toBe('ndrc-2023')
    expect(ruleVersionFor('2026-04-01')).toBe('ndrc-2026')
  })
})

describe('publicityWindow', () => {
  it('never publishes 轻微 records', () => {
    expect(publicityWindow('2026-05-10', 'minor')).toBeNull()
  })

  it('publishes 一般 records from 3 months (repair) to 1 year (last public day)', () => {
    expect(publicityWindow('2026-05-10', 'general')).toEqual({
      repairableFrom: '2026-08-10',
      publicUntil: '2027-05-09',
    })
  })

  it('publishes 严重 records from 1 year to 3 years', () => {
    expect(publicityWindow('2026-05-10', 'serious')).toEqual({
      repairableFrom: '2027-05-10',
      publicUntil: '2029-05-09',
    })
  })

  it('clamps month ends instead of spilling into the next month', () => {
    expect(publicityWindow('2025-11-30', 'general')?.repairableFrom).toBe('2026-02-28')
  })
})
