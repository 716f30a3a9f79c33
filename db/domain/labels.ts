import type { CreditList } from './credit-list.ts'
import type { CreditRecordCategory } from './credit-record.ts'
import type { PenaltyCategory } from './penalty.ts'
import type { PublicationStatus } from './publication.ts'
import type { Severity } from './severity.ts'
import type { ListStatus } from './subject.ts'
import type { SubjectKind } from './subject-kind.ts'

/** The glossary in code: every enum value → the Chinese term that the API, pages and admin show. */
export const subjectKindLabel = {
  property_company: '物业服务企业',
  developer: '建设单位',
  owners_committee: '业主委员会',
} as const satisfies Record<SubjectKind, string>

export const creditListLabel = {
  red: '红名单',
  black: '黑名单',
} as const satisfies Record<CreditList, string>

export const listStatusLabel = {
  none: '未列入名单',
  red: '红名单',
  black: '黑名单',
} as const satisfies Record<ListStatus, string>

export const severityLabel = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
} as const satisfies Record<Severity, string>

export const publicationStatusLabel = {
  draft: '草稿',
  submitted: '待审核',
  published: '已公示',
  withdrawn: '已撤回',
} as const satisfies Record<PublicationStatus, string>

export const penaltyCategoryLabel = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  license_suspension: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  license_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  suspension_of_business: '责令停产停业',
  closure: '责令关闭',
  employment_restriction: '限制从业',
  detention: '行政拘留',
  other: '其他',
} as const satisfies Record<PenaltyCategory, string>

export const partyCategoryLabel = {
  legal_person: '法人及非法人组织',
  natural_person: '自然人',
  individual_business: '个体工商户',
} as const

export const creditRecordKindLabel = { good: '良好信用记录', bad: '不良信用记录' } as const

export const creditRecordCategoryLabel = {
  award: '表彰奖励',
  commendation: '通报表扬',
  model_project: '示范项目',
  standard_compliance: '标准化达标',
  circulated_criticism: '通报批评',
  rectification_order: '责令限期改正',
  interview: '约谈',
  verified_complaint: '投诉查实',
} as const satisfies Record<CreditRecordCategory, string>

export const supervisionProgressLabel = {
  supervising: '督办中',
  rectified: '已整改待销号',
  closed_out: '已销号',
} as const

export const districtKindLabel = {
  district: '区',
  county: '县',
  economic_zone: '经济区',
} as const
