import { z } from 'zod'
import { addDays, addMonths, IsoDate } from './dates.ts'
import periodData from './rules/publicity-periods.json' with { type: 'json' }

/** 失信信息 severity (NDRC Order 36): 轻微 / 一般 / 严重. */
export const SEVERITIES = ['minor', 'general', 'serious'] as const
export const Severity = z.enum(SEVERITIES)
export type Severity = z.infer<typeof Severity>

const Period = z.object({ min: z.number().int().positive(), max: z.number().int().positive() })
const PublicityRules = z.object({
  versions: z.record(
    z.string(),
    z.object({
      title: z.string(),
      inForceFrom: IsoDate,
      periods: z.object({
        minor: Period.nullable(),
        general: Period.nullable(),
        serious: Period.nullable(),
      }),
    })
  ),
})

/**
 * 公示期限 rule versions, as data in db/domain/rules/publicity-periods.json (a bureau corrects
 * the file, not the code). Records keep the version they were published under.
 * - `ndrc-2023`: NDRC Order 58 (in force 2023-05-01)
 * - `ndrc-2026`: NDRC Order 36《信用修复管理办法》(in force 2026-04-01)
 * Periods are in months; `null` means "not published".
 */
export const PUBLICITY_RULES = PublicityRules.parse(periodData).versions as Record<
  keyof typeof periodData.versions,
  z.infer<typeof PublicityRules>['versions'][string]
>
export type RuleVersion = keyof typeof PUBLICITY_RULES
export const RULE_VERSIONS = Object.keys(PUBLICITY_RULES) as [RuleVersion, ...RuleVersion[]]
export const RuleVersionSchema = z.enum(RULE_VERSIONS)

/** The rule version in force on a decision date. */
export function ruleVersionFor(decisionDate: IsoDate): RuleVersion {
  // The newest version in force on that day; decisions older than every version take the oldest.
  const byDate = RULE_VERSIONS.toSorted((a, b) =>
    PUBLICITY_RULES[a].inForceFrom.localeCompare(PUBLICITY_RULES[b].inForceFrom)
  )
  return byDate.findLast((v) => PUBLICITY_RULES[v].inForceFrom <= decisionDate) ?? byDate[0]!
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

/**
 * The last public day of a decision whose publicity period has already ended on `today`, or
 * null when it can still be published (or is never published: 轻微). Approving such a record
 * would announce a publication that no public page carries (issue 15): drafts, submissions and
 * approvals refuse it, naming this date.
 */
export function publicityEndedOn(
  decisionDate: IsoDate,
  severity: Severity,
  today: IsoDate,
  version: RuleVersion = ruleVersionFor(decisionDate)
): IsoDate | null {
  const window = publicityWindow(decisionDate, severity, version)
  return window && window.publicUntil < today ? window.publicUntil : null
}

/** The field error for such a decision: on its date, with the end date and what to do. */
export function publicityEndedMessage(label: string, endedOn: IsoDate): string {
  return (
    `按该${label}的失信程度和决定日期，公示期已于${endedOn}届满，依法不再公示。` +
    '请核对决定日期；期满的决定无需录入本平台。'
  )
}
