import { describe, expect, it } from 'vitest'
import { findViolationType, VIOLATION_TYPES, violationTypesFor } from './violation-type.ts'

describe('violation types', () => {
  it('lists the seed plan items: 12 for companies, 7 for developers, 7 for committees', () => {
    expect(violationTypesFor('property_company')).toHaveLength(12)
    expect(violationTypesFor('developer')).toHaveLength(7)
    expect(violationTypesFor('owners_committee')).toHaveLength(7)
  })

  it('has unique codes and cites the provisions the plan names', () => {
    expect(new Set(VIOLATION_TYPES.map((v) => v.code)).size).toBe(VIOLATION_TYPES.length)
    expect(findViolationType('property_company.8')?.legalBasis).toBe(
      '《盘锦市物业管理条例》第二十三条'
    )
    expect(findViolationType('property_company.9')?.legalBasis).toBe(
      '《辽宁省物业管理条例》第六十七条'
    )
    expect(findViolationType('owners_committee.2')?.legalBasis).toBe(
      '《辽宁省物业管理条例》第三十七条'
    )
    expect(findViolationType('owners_committee.3')?.legalBasis).toBe(
      '《辽宁省物业管理条例》第三十九条'
    )
  })
})
