import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidUscc, Uscc, USCC_ALPHABET, usccCheckChar } from './uscc.ts'

/** Valid codes by construction: GB 32100's shape, the check character computed independently. */
const alnum = fc.constantFrom(...USCC_ALPHABET)
const digit = fc.constantFrom(...'0123456789')
const validUscc = fc
  .tuple(
    fc.array(alnum, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(alnum, { minLength: 9, maxLength: 9 })
  )
  .map(([a, b, c]) => {
    const first17 = [...a, ...b, ...c].join('')
    // Independent of usccCheckChar: weights 3^i mod 31, written out.
    let sum = 0
    for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * (3 ** i % 31)
    return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31]!
  })
const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))

describe('D1 USCC (fast-check)', () => {
  it('accepts every generated valid code, stored as uppercase ASCII, also typed lowercase or full-width', () => {
    fc.assert(
      fc.property(validUscc, (code) => {
        expect(isValidUscc(code)).toBe(true)
        expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
        for (const typed of [
          code,
          code.toLowerCase(),
          toFullWidth(code),
          ` ${code.slice(0, 9)} ${code.slice(9)} `,
        ])
          expect(Uscc.parse(typed)).toBe(code)
      }),
      { numRuns: 500 }
    )
  })

  it('rejects every single-character substitution, including I O S V Z', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.nat(17),
        fc.constantFrom(...USCC_ALPHABET, ...'IOSVZ'),
        (code, at, ch) => {
          fc.pre(code[at] !== ch)
          const mutated = code.slice(0, at) + ch + code.slice(at + 1)
          expect(isValidUscc(mutated)).toBe(false)
          expect(Uscc.safeParse(mutated).success).toBe(false)
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('rejects 17 and 19 characters and adjacent transpositions that change the code', () => {
    fc.assert(
      // Positions 0–16 carry weights; a swap with the check character can coincide (1 in 31).
      fc.property(validUscc, fc.nat(15), alnum, (code, at, extra) => {
        expect(Uscc.safeParse(code.slice(0, 17)).success).toBe(false)
        expect(Uscc.safeParse(code + extra).success).toBe(false)
        const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2)
        if (swapped !== code) expect(isValidUscc(swapped)).toBe(false)
      }),
      { numRuns: 1000 }
    )
  })
})
