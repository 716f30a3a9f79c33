import { z } from 'zod'
import { addDays, addMonths, type IsoDate } from './dates.ts'

/** 失信信息 severity (NDRC Order 36): 轻微 / 一般 / 严重. */
export const SEVERITIES = ['minor', 'general', 'serious'] as const
export const Severity = z.enum(SEVERITIES)
export type Severity = z.infer<typeof Severity>

/**
 * 公示期限 rule versions. Records keep the version they were published under.
 * - `ndrc-2023`: NDRC Order 58 (in force 2023-05-01)
 * - `ndrc-2026`: NDRC Order 36《信用修复管理办法》(in force 2026-04-01)
 * Periods are in months; `null` means "not published".
 */
export const PUBLICITY_RULES = {
  'ndrc-2023': {
    title: '国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》',
    inForceFrom: '2023-05-01',
    periods: { minor: null, general: { min: 3, max: 12 }, serious: { min: 12, max: 36 } },
  },
  'ndrc-2026': {
    title: '国家发展改革委令第36号《信用修复管理办法》',
    inForceFrom: '2026-04-01',
    periods: { minor: null, general: { min: 3, max: 12 }, serious: { min: 12, max: 36 } },
  },
} as const satisfies Record<
  string,
  {
    title: string
    inForceFrom: IsoDate
    periods: Record<Severity, { min: number; max: number } | null>
  }
>
export type RuleVersion = keyof typeof PUBLICITY_RULES
export const RULE_VERSIONS = Object.keys(PUBLICITY_RULES) as [RuleVersion, ...RuleVersion[]]
export const RuleVersionSchema = z.enum(RULE_VERSIONS)

/** The rule version in force on a decision date. */
export function ruleVersionFor(decisionDate: IsoDate): RuleVersion {
  return decisionDate >= PUBLICITY_RULES['ndrc-2026'].inForceFrom ? 'ndrc-2026' : 'ndrc-2023'
}

/** 公示期 dates for a record; null when the severity is not published at all (轻微). */
export type PublicityWindow = {
  /** 可申请信用修复日期: the first day credit repair may be applied for. */
  repairableFrom: IsoDate
  /** 公示截止日期: the last day the record is public (inclusive). */
  publicUntil: IsoDate
}

/** Periods run from the decision date; the record is public up to the day before the maximum. */
export function publicityWindow(
  decisionDate: IsoDate,
  severity: Severity,
  version: RuleVersion = ruleVersionFor(decisionDate)
): PublicityWindow | null {
  const period = PUBLICITY_RULES[version].periods[severity]
  if (!period) return null
  return {
    repairableFrom: addMonths(decisionDate, period.min),
    publicUntil: addDays(addMonths(decisionDate, period.max), -1),
  }
}
