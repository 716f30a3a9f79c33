import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { PublicationStatus } from './publication.ts'

/** Progress of a 挂牌督办 item: under supervision → rectified → 销号 (closed out). */
export const SUPERVISION_PROGRESS = ['supervising', 'rectified', 'closed_out'] as const
export const SupervisionProgress = z.enum(SUPERVISION_PROGRESS)

/** 挂牌督办 — a project with serious or frequent complaints, listed with a deadline and a result. */
export const ListedSupervision = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  districtCode: z.string(),
  violationType: z.string().nullable(),
  problem: z.string().min(1),
  authorityName: z.string().min(1),
  listedOn: IsoDate,
  deadline: IsoDate,
  progress: SupervisionProgress,
  /** 查处结果, published when known (方案 六(四) 及时公布查处结果). */
  result: z.string().nullable(),
  closedOutOn: IsoDate.nullable(),
  status: PublicationStatus,
})
export type ListedSupervision = z.infer<typeof ListedSupervision>
