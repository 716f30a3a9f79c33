import { z } from 'zod'
import { findPersonalInfo, personalInfoMessage } from './personal-info.ts'

/**
 * Characters that change how text looks without being seen: bidi overrides and isolates (which
 * can make a name read differently from what is stored, "Trojan Source"), zero-width spaces and
 * joiners, the BOM. No Chinese administrative text needs them (matrix D7).
 */
export const HIDDEN_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/

/**
 * A required, trimmed text field with Chinese messages: NFC-normalised (NFD 'é' and NFC 'é' are
 * one name; NFKC is for identifiers only, it would rewrite full-width punctuation), refusing
 * hidden control characters.
 */
export const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}字` })
    .refine((v) => !HIDDEN_CONTROLS.test(v), {
      message: `${label}含有不可见的控制字符（如文字方向控制符或零宽字符），请删除后重新输入`,
    })

/**
 * Text that will be published: besides `text`'s rules, it must not contain personal information
 * (ID, phone or bank card numbers, e-mail, door-level addresses), reported by position.
 */
export const publicText = (label: string, max: number) =>
  text(label, max).superRefine((value, ctx) => {
    for (const finding of findPersonalInfo(value)) {
      ctx.addIssue({
        code: 'custom',
        message: personalInfoMessage(label, value, finding),
        params: { code: 'personal_info', kind: finding.kind, start: finding.start },
      })
    }
  })
