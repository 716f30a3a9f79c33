import { z } from 'zod'
import { dateField } from './fields.ts'
import { formatChineseDate, IsoDate } from './dates.ts'
import type { Issue } from './errors.ts'
import { publicText } from './public-text.ts'
import repairData from './rules/repair.json' with { type: 'json' }

/**
 * 信用修复 (NDRC Order 36): after the minimum publicity period, a party that has performed the
 * penalty, corrected the wrongdoing and made a public credit commitment may have a record taken
 * out of public view early. It is free of charge. The materials checklist is data
 * (db/domain/rules/repair.json).
 */
export const REPAIR_MATERIALS = z
  .object({
    materials: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  })
  .parse(repairData).materials

/** POST …/{id}/repair — an application received by the bureau, with what came with it. */
export const RepairRequestInput = z
  .object({
    receivedOn: dateField('申请受理日期'),
    materials: z
      .array(z.enum(REPAIR_MATERIALS.map((m) => m.id) as [string, ...string[]]))
      .max(REPAIR_MATERIALS.length),
    /** The public line of the change log (经审核，准予信用修复 …). */
    reason: publicText('修复说明', 1000),
  })
  .strict()
export type RepairRequestInput = z.infer<typeof RepairRequestInput>

/** Required materials not yet received, as issues on `materials`. */
export function missingMaterials(received: string[]): Issue[] {
  return REPAIR_MATERIALS.filter((m) => m.required && !received.includes(m.id)).map((m) => ({
    field: 'materials',
    code: 'missing',
    message: `缺少申请材料：${m.label}`,
  }))
}

/** Repair is refused before the minimum period has run (可申请信用修复日期). */
export function repairNotYetMessage(repairableFrom: IsoDate | null, today: IsoDate): string | null {
  if (repairableFrom === null) return '该记录不适用信用修复'
  if (today < repairableFrom)
    return `最短公示期限未满，${formatChineseDate(repairableFrom)}起方可申请信用修复`
  return null
}
