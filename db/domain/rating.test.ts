import { describe, expect, it } from 'vitest'
import type { CreditListEntry } from './credit-list.ts'
import type { CreditRecord } from './credit-record.ts'
import type { ListedSupervision } from './listed-supervision.ts'
import type { Penalty } from './penalty.ts'
import { rateCompany } from './rating.ts'

// Only the fields the rating reads; the rest of each record does not change a grade.
const good = (id: number, decisionDate: string) =>
  ({ id, kind: 'good', category: 'award', title: `表彰${id}`, decisionDate }) as CreditRecord
const bad = (severity: 'general' | 'serious', publicUntil: string) =>
  ({
    id: 9,
    kind: 'bad',
    category: 'interview',
    title: '约谈',
    severity,
    publicUntil,
  }) as unknown as CreditRecord
const penalty = (id: number, severity: 'general' | 'serious', publicUntil: string) =>
  ({ id, decisionNo: `兴住建罚决〔2026〕${id}号`, severity, publicUntil }) as Penalty
const list = (l: 'red' | 'black', validUntil: string) =>
  ({ list: l, decisionNo: `盘住建${l}〔2026〕1号`, validUntil }) as CreditListEntry
const supervision = (progress: ListedSupervision['progress']) =>
  ({ projectName: '瑞宇花园', progress }) as ListedSupervision

describe('the credit rating of a property service company', () => {
  it('explains a mixed record item by item, with points, source and the day each stops counting', () => {
    const rating = rateCompany({
      asOf: '2026-11-27',
      records: [
        good(1, '2026-03-01'),
        good(2, '2025-10-01'), // counted until 2026-09-30: no longer
        bad('general', '2027-02-28'),
      ],
      penalties: [penalty(3, 'general', '2027-05-09')],
      listEntries: [list('red', '2027-06-30')],
      supervisions: [supervision('supervising'), supervision('closed_out')],
    })
    expect(rating.items.map((i) => [i.label, i.points, i.source, i.until])).toEqual([
      ['良好信用记录：表彰奖励', 5, '表彰1', '2027-02-28'],
      ['不良信用记录（一般）', -5, '约谈', '2027-02-28'],
      ['列入红名单', 10, '盘住建red〔2026〕1号', '2027-06-30'],
      ['行政处罚（一般失信）', -10, '兴住建罚决〔2026〕3号', '2027-05-09'],
      ['挂牌督办未销号', -5, '瑞宇花园', null],
    ])
    // 80 + 5 − 5 + 10 − 10 − 5 = 75 → A
    expect(rating).toMatchObject({ score: 75, grade: 'A', override: null })
  })

  it('caps good records and grades a clean company with awards AAA', () => {
    const rating = rateCompany({
      asOf: '2026-11-27',
      records: [1, 2, 3, 4, 5].map((n) => good(n, '2026-06-01')),
      penalties: [],
      listEntries: [],
      supervisions: [],
    })
    expect(rating.items.map((i) => i.points)).toEqual([5, 5, 5, 5, 0])
    expect(rating).toMatchObject({ score: 100, grade: 'AAA' })
  })

  it('makes a black-listed company C whatever its score, and says why', () => {
    const rating = rateCompany({
      asOf: '2026-11-27',
      records: [good(1, '2026-06-01')],
      penalties: [],
      listEntries: [list('black', '2028-01-01')],
      supervisions: [],
    })
    expect(rating).toMatchObject({ score: 85, grade: 'C' })
    expect(rating.override).toContain('列入黑名单')
  })

  it('grades by the score bands: 95 AAA, 85 AA, 75 A, 60 B, below C', () => {
    const withPenalties = (n: number) =>
      rateCompany({
        asOf: '2026-11-27',
        records: [],
        penalties: Array.from({ length: n }, (_, i) => penalty(i, 'general', '2027-01-01')),
        listEntries: [],
        supervisions: [],
      }).grade
    expect([0, 1, 2, 3].map(withPenalties)).toEqual(['A', 'B', 'B', 'C'])
  })
})
