import { z } from 'zod'
import { wording } from './wording.ts'

/**
 * 统一社会信用代码 — GB 32100-2015.
 * 18 characters over a 31-character alphabet (no I, O, S, V, Z); the 18th is a check character
 * C18 = (31 − Σ Cᵢ·Wᵢ mod 31) mod 31 with Wᵢ = 3^(i−1) mod 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** GB 11714-1997 组织机构代码 weights, for positions 9–17 of a USCC. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * Normalise what people paste: full-width letters and digits (ＡＢ１２), surrounding and inner
 * spaces, zero-width characters and lowercase. Nothing else is changed, so a wrong code stays wrong.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B-\u200D\u2060\uFEFF\u3000]/g, '')
    .toUpperCase()
}

/** The check character for the first 17 characters, or null if any is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!)
    if (value < 0) return null
    sum += value * WEIGHTS[i]!
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

/** True when the (already normalised) code has the right shape and check character. */
export function isValidUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckChar(code.slice(0, 17)) === code[17]
}

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(body8[i]!) * ORG_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/** What is wrong with a (normalised) code, in the order a person should fix it; null if nothing. */
export function usccProblem(code: string): 'empty' | 'length' | 'characters' | 'check' | null {
  if (!code) return 'empty'
  if (code.length !== 18) return 'length'
  if (!SHAPE.test(code)) return 'characters'
  return isValidUscc(code) ? null : 'check'
}

/** The wording-guide message for each problem (db/domain/wording.ts). */
export function usccProblemMessage(
  problem: NonNullable<ReturnType<typeof usccProblem>>,
  label: string,
  code: string
): string {
  if (problem === 'empty') return wording.empty(label)
  if (problem === 'length') return wording.format(label, `应为18位，现在是${[...code].length}位`)
  if (problem === 'characters')
    return wording.format(label, '只能由数字和大写字母组成（不使用I、O、S、V、Z）')
  return wording.checkDigit(label)
}

/** A required USCC field that says which of its rules failed, naming the field. */
export const usccField = (label: string) =>
  z
    .string({ error: () => wording.empty(label) })
    .transform(normalizeUscc)
    .superRefine((code, ctx) => {
      const problem = usccProblem(code)
      if (problem)
        ctx.addIssue({ code: 'custom', message: usccProblemMessage(problem, label, code) })
    })

/** A USCC as accepted from people and stored: normalised, then shape and check character verified. */
export const Uscc = z
  .string()
  .transform(normalizeUscc)
  .refine(isValidUscc, { message: '统一社会信用代码格式不正确或校验位错误' })
export type Uscc = z.output<typeof Uscc>
