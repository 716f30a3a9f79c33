import { orgCodeCheckChar, usccCheckChar } from '../db/domain/uscc.ts'

/**
 * A valid synthetic USCC (9 = 市场监管, 1 = 企业) with both check characters right, numbered:
 * for fixtures, the load runs of the security scan and the benchmark. Never a real company's.
 */
export function makeUscc(n: number, division = '211103'): string {
  const body = String(n).padStart(8, '0')
  const first17 = `91${division}${body}${orgCodeCheckChar(body)}`
  return first17 + usccCheckChar(first17)
}
