import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { PublicationStatus } from './publication.ts'
import { RuleVersionSchema, Severity } from './severity.ts'

/** 良好信用记录 categories. */
export const GOOD_RECORD_CATEGORIES = [
  'award',
  'commendation',
  'model_project',
  'standard_compliance',
] as const
/** 不良信用记录 categories (penalties have their own table). */
export const BAD_RECORD_CATEGORIES = [
  'circulated_criticism',
  'rectification_order',
  'interview',
  'verified_complaint',
] as const
export const CreditRecordCategory = z.enum([...GOOD_RECORD_CATEGORIES, ...BAD_RECORD_CATEGORIES])
export type CreditRecordCategory = z.infer<typeof CreditRecordCategory>

export const CREDIT_RECORD_KINDS = ['good', 'bad'] as const

/** 良好/不良信用记录 — awards, 通报批评, 责令限期改正, 约谈 … */
export const CreditRecord = z.object({
  id: z.number().int(),
  subjectId: z.string(),
  kind: z.enum(CREDIT_RECORD_KINDS),
  category: CreditRecordCategory,
  title: z.string().min(1),
  content: z.string().min(1),
  authorityName: z.string().min(1),
  decisionNo: z.string().nullable(),
  decisionDate: IsoDate,
  /** Bad records only: severity and the publicity window it implies. */
  severity: Severity.nullable(),
  ruleVersion: RuleVersionSchema.nullable(),
  repairableFrom: IsoDate.nullable(),
  publicUntil: IsoDate.nullable(),
  repairedOn: IsoDate.nullable(),
  projectId: z.number().int().nullable(),
  status: PublicationStatus,
})
export type CreditRecord = z.infer<typeof CreditRecord>
