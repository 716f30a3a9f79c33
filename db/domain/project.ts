import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'

/** 物业项目(小区) — an estate; `managements` says which company managed it since when. */
export const ProjectManagement = z.object({
  companyId: z.string(),
  companyName: z.string(),
  since: IsoDate,
  until: IsoDate.nullable(),
})
export type ProjectManagement = z.infer<typeof ProjectManagement>

export const Project = z.object({
  id: z.number().int(),
  name: z.string().min(1),
  districtCode: DivisionCode,
  /** Estate-level address (road and number), never a flat. */
  address: z.string(),
  households: z.number().int().nonnegative().nullable(),
  developerId: z.string().nullable(),
  developerName: z.string().nullable(),
  completedOn: IsoDate.nullable(),
  managements: z.array(ProjectManagement),
})
export type Project = z.infer<typeof Project>
