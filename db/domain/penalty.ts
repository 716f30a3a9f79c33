import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'
import { PublicationStatus } from './publication.ts'
import { RuleVersionSchema, Severity } from './severity.ts'

/** 处罚类别 — 行政处罚法 (2021) 第九条, spelled as the admin API contract (issue 3) fixes them. */
export const PENALTY_CATEGORIES = [
  'warning',
  'circulated_criticism',
  'fine',
  'confiscation',
  'license_suspension',
  'qualification_downgrade',
  'license_revocation',
  'business_restriction',
  'suspension_of_business',
  'closure',
  'employment_restriction',
  'detention',
  'other',
] as const
export const PenaltyCategory = z.enum(PENALTY_CATEGORIES)
export type PenaltyCategory = z.infer<typeof PenaltyCategory>

/**
 * What a housing bureau can impose on the organisations this platform covers: everything but
 * 行政拘留, which only the public security organs impose, and only on natural persons (行政处罚法
 * 第十八条). The console offers these; a draft with 行政拘留 is refused on 处罚类别.
 */
export const BUREAU_PENALTY_CATEGORIES: readonly PenaltyCategory[] = PENALTY_CATEGORIES.filter(
  (c) => c !== 'detention'
)

/** 行政相对人类别 in the national 双公示 standard. */
export const PARTY_CATEGORIES = ['legal_person', 'natural_person', 'individual_business'] as const
export const PartyCategory = z.enum(PARTY_CATEGORIES)

/** A 撤回 (withdrawal) always carries its public reason (行政处罚法 §48). */
export const Withdrawal = z.object({ on: IsoDate, reason: z.string().min(1) })

/** 行政处罚 — a decision with the national 双公示 fields, as published. */
export const Penalty = z.object({
  id: z.number().int(),
  subjectId: z.string(),
  /** 行政相对人名称 / 类别 / 统一社会信用代码 / 法定代表人 */
  partyName: z.string().min(1),
  partyCategory: PartyCategory,
  partyUscc: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  /** 行政处罚决定书文号, unique per authority. */
  decisionNo: z.string().min(1),
  violationType: z.string(),
  facts: z.string().min(1),
  legalBasis: z.string().min(1),
  categories: z.array(PenaltyCategory).min(1),
  content: z.string().min(1),
  /** 罚款金额 and 没收金额 in 分 (the national standard reports 万元; converted on export). */
  fineFen: z.number().int().nonnegative().nullable(),
  confiscatedFen: z.number().int().nonnegative().nullable(),
  /** 暂扣或吊销证照名称及编号 */
  licenceAffected: z.string().nullable(),
  decisionDate: IsoDate,
  /** 处罚有效期 */
  validUntil: IsoDate.nullable(),
  authorityName: z.string().min(1),
  authorityUscc: z.string().nullable(),
  dataSourceName: z.string().min(1),
  dataSourceUscc: z.string().nullable(),
  remark: z.string().nullable(),
  severity: Severity,
  ruleVersion: RuleVersionSchema,
  /** 可申请信用修复日期 / 公示截止期 (null only for 轻微, which is never published). */
  repairableFrom: IsoDate.nullable(),
  publicUntil: IsoDate.nullable(),
  /** The day an approved 信用修复 ended its publicity early. */
  repairedOn: IsoDate.nullable(),
  districtCode: DivisionCode,
  projectId: z.number().int().nullable(),
  status: PublicationStatus,
  withdrawal: Withdrawal.nullable(),
})
export type Penalty = z.infer<typeof Penalty>
