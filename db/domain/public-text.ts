import { z } from 'zod'
import { findPersonalInfo, personalInfoMessage } from './personal-info.ts'

/** A required, trimmed text field with Chinese messages. */
export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` })

/**
 * Text that will be published: besides `text`'s rules, it must not contain personal information
 * (ID, phone or bank card numbers, e-mail, door-level addresses), reported by position.
 */
export const publicText = (label: string, max: number) =>
  text(label, max).superRefine((value, ctx) => {
    for (const finding of findPersonalInfo(value)) {
      ctx.addIssue({
        code: 'custom',
        message: personalInfoMessage(label, finding),
        params: { code: 'personal_info', kind: finding.kind, start: finding.start },
      })
    }
  })
