import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'
import { Grade } from './rating.ts'
import { SubjectKind } from './subject-kind.ts'
import { normalizeUscc, usccProblem, usccProblemMessage } from './uscc.ts'
import { wording } from './wording.ts'

/**
 * A subject's public id: its USCC, or for a subject without one (many 业主委员会) a stable local id
 * `L` + 6-digit division code + 5-digit sequence, which can never collide with an 18-char USCC.
 */
export const LOCAL_ID_PATTERN = /^L\d{11}$/
/** A subject named by its USCC or, lacking one, its platform number (L + 11 digits). */
export const subjectIdField = (label: string) =>
  z
    .string({ error: () => wording.empty(label) })
    .transform(normalizeUscc)
    .superRefine((code, ctx) => {
      if (LOCAL_ID_PATTERN.test(code)) return
      const problem = usccProblem(code)
      if (problem)
        ctx.addIssue({ code: 'custom', message: usccProblemMessage(problem, label, code) })
    })
export const SubjectId = subjectIdField('主体统一社会信用代码')
export type SubjectId = z.output<typeof SubjectId>

/** 物业服务企业 / 建设单位 / 业主委员会 with its public basic information (基本信息). */
export const Subject = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  kind: SubjectKind,
  name: z.string().min(1),
  districtCode: DivisionCode,
  /** 法定代表人 (organisations) — public on the national registry; null for 业主委员会. */
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  establishedOn: IsoDate.nullable(),
  registeredCapitalWan: z.number().nonnegative().nullable(),
  /** For 业主委员会: the estate it represents and when its term ends. */
  projectId: z.number().int().nullable(),
  termEndsOn: IsoDate.nullable(),
})
export type Subject = z.infer<typeof Subject>

/** The list status shown on subject lists: the strongest current entry wins (black over red). */
export const LIST_STATUSES = ['none', 'red', 'black'] as const
export const ListStatus = z.enum(LIST_STATUSES)
export type ListStatus = z.infer<typeof ListStatus>

/** A row of the subject directory (/enterprises/). */
export const SubjectSummary = Subject.pick({
  id: true,
  uscc: true,
  kind: true,
  name: true,
  districtCode: true,
}).extend({
  listStatus: ListStatus,
  /** 信用等级 of a property service company; null for other kinds. */
  grade: Grade.nullable(),
  penaltyCount: z.number().int().nonnegative(),
  projectCount: z.number().int().nonnegative(),
})
export type SubjectSummary = z.infer<typeof SubjectSummary>
