import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { PublicationStatus } from './publication.ts'

/** 典型案例 — the four sections the seed plan requires: 基本情况、违法事实、处罚依据、处理结果. */
export const TypicalCase = z.object({
  id: z.number().int(),
  title: z.string().min(1),
  subjectId: z.string(),
  subjectName: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  penaltyId: z.number().int().nullable(),
  districtCode: z.string(),
  authorityName: z.string().min(1),
  publishedOn: IsoDate,
  background: z.string().min(1),
  violationFacts: z.string().min(1),
  legalBasis: z.string().min(1),
  outcome: z.string().min(1),
  status: PublicationStatus,
})
export type TypicalCase = z.infer<typeof TypicalCase>
