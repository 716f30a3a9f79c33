import { z } from 'zod'

/** The three kinds of subject the seed plan regulates (物业服务企业 / 建设单位 / 业主委员会). */
export const SUBJECT_KINDS = ['property_company', 'developer', 'owners_committee'] as const
export const SubjectKind = z.enum(SUBJECT_KINDS)
export type SubjectKind = z.infer<typeof SubjectKind>
