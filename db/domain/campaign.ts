import { z } from 'zod'
import { IsoDate } from './dates.ts'
import campaignData from './rules/campaign.json' with { type: 'json' }

/**
 * 专项整治 — the seed plan's five phases with their dates, and the reporting deadlines of its
 * sections 四 and 五, as data (db/domain/rules/campaign.json), checked when the module loads:
 * phases in order, back to back, inside the campaign year.
 */
const Phase = z.object({
  key: z.enum(['mobilise', 'self_inspection', 'inspection', 'review', 'accountability']),
  name: z.string().min(1),
  from: IsoDate,
  to: IsoDate,
  summary: z.string().min(1),
})
export type CampaignPhase = z.infer<typeof Phase>

export const CampaignRules = z
  .object({
    _about: z.string().optional(),
    name: z.string().min(1),
    year: z.number().int().min(2020).max(2100),
    phases: z.array(Phase).length(5),
    monthlyReturnDay: z.number().int().min(1).max(28),
    quarterlySummaryDay: z.number().int().min(1).max(28),
    observationDeadline: IsoDate,
  })
  .strict()
  .superRefine((c, ctx) => {
    c.phases.forEach((p, i) => {
      if (p.from > p.to)
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'to'], message: '结束日期早于开始日期' })
      const next = c.phases[i + 1]
      if (next && next.from <= p.to)
        ctx.addIssue({ code: 'custom', path: ['phases', i + 1, 'from'], message: '与上一步骤重叠' })
    })
  })
export type CampaignRules = z.infer<typeof CampaignRules>

export const CAMPAIGN: CampaignRules = CampaignRules.parse(campaignData)

export const campaignStart = (c: CampaignRules = CAMPAIGN) => c.phases[0]!.from
export const campaignEnd = (c: CampaignRules = CAMPAIGN) => c.phases.at(-1)!.to

/** The phase a date falls in, or null before and after the campaign. */
export function currentPhase(today: IsoDate, c: CampaignRules = CAMPAIGN): CampaignPhase | null {
  return c.phases.find((p) => p.from <= today && today <= p.to) ?? null
}

/** 'YYYY-MM' */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
/** 'YYYY-Qn' */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, { message: '季度格式应为 YYYY-Q1…Q4' })

/** 每月25日前 报送当月排查整治情况统计表. */
export const monthlyReturnDue = (month: string, c: CampaignRules = CAMPAIGN): IsoDate =>
  `${month}-${String(c.monthlyReturnDay).padStart(2, '0')}`

/** 每季度首月5日前 报送上季度工作总结: Q4 of 2026 is due on 2027-01-05. */
export function quarterlySummaryDue(quarter: string, c: CampaignRules = CAMPAIGN): IsoDate {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))]
  const nextYear = q === 4 ? year + 1 : year
  const month = q === 4 ? 1 : q * 3 + 1
  return `${nextYear}-${String(month).padStart(2, '0')}-${String(c.quarterlySummaryDay).padStart(2, '0')}`
}

/** The month (YYYY-MM) and quarter (YYYY-Qn) a date is in. */
export const monthOf = (date: IsoDate) => date.slice(0, 7)
export const quarterOf = (date: IsoDate) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`

/** First and last day of a month. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}

// —— 台账 (ledger) ——

/** How an item was found: the plan's 自查、现场巡查、随机抽查、投诉处理. */
export const LEDGER_SOURCES = [
  'self_inspection',
  'inspection',
  'random_check',
  'complaint',
] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]
export const ledgerSourceLabel = {
  self_inspection: '企业自查',
  inspection: '现场巡查',
  random_check: '随机抽查',
  complaint: '投诉处理',
} as const satisfies Record<LedgerSource, string>

/** open → rectifying → rectified → closed_out (销号); or escalated to enforcement. */
export const LEDGER_STATUSES = [
  'open',
  'rectifying',
  'rectified',
  'closed_out',
  'escalated',
] as const
export type LedgerStatus = (typeof LEDGER_STATUSES)[number]
export const ledgerStatusLabel = {
  open: '待整改',
  rectifying: '整改中',
  rectified: '已整改待销号',
  closed_out: '已销号',
  escalated: '已转处罚或惩戒',
} as const satisfies Record<LedgerStatus, string>

/** What an item may be escalated to, by the record that carries it. */
export const ESCALATIONS = ['penalty', 'black_list', 'supervision'] as const
export type Escalation = (typeof ESCALATIONS)[number]
export const escalationLabel = {
  penalty: '行政处罚',
  black_list: '列入黑名单',
  supervision: '挂牌督办',
} as const satisfies Record<Escalation, string>

/** An item still being worked on whose deadline has passed. */
export function isOverdue(item: { status: LedgerStatus; deadline: IsoDate }, today: IsoDate) {
  return (item.status === 'open' || item.status === 'rectifying') && item.deadline < today
}

/** The figures a district reports each month (排查整治情况统计表), in the order of the form. */
export const RETURN_FIGURES = [
  ['itemsFound', '排查发现问题（个）'],
  ['itemsRectified', '已完成整改（个）'],
  ['itemsClosedOut', '已销号（个）'],
  ['itemsOverdue', '逾期未整改（个）'],
  ['itemsEscalated', '转处罚或惩戒（个）'],
  ['penalties', '行政处罚（件）'],
  ['finesYuan', '罚没金额（元）'],
  ['blackListEntries', '列入黑名单（家）'],
  ['redListEntries', '列入红名单（家）'],
] as const
export type ReturnFigureKey = (typeof RETURN_FIGURES)[number][0]
export type ReturnFigures = Record<ReturnFigureKey, number>

/** 季度工作总结: the four sections the plan names. */
export const SUMMARY_SECTIONS = [
  ['work', '工作开展情况'],
  ['results', '取得成效'],
  ['problems', '存在问题'],
  ['proposals', '措施建议'],
] as const
