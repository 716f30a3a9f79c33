import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'
import { Grade } from './rating.ts'
import { SubjectKind } from './subject-kind.ts'
import { isValidUscc, normalizeUscc } from './uscc.ts'

/**
 * A subject's public id: its USCC, or for a subject without one (many 业主委员会) a stable local id
 * `L` + 6-digit division code + 5-digit sequence, which can never collide with an 18-char USCC.
 */
export const LOCAL_ID_PATTERN = /^L\d{11}$/
export const SubjectId = z
  .string()
  .transform(normalizeUscc)
  .refine((v) => isValidUscc(v) || LOCAL_ID_PATTERN.test(v), {
    message: '主体编号应为有效的统一社会信用代码或本平台编号',
  })
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
