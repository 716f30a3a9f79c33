import { describe, expect, it } from 'vitest'
import { isValidUscc, normalizeUscc, Uscc, USCC_ALPHABET, usccCheckChar } from './uscc.ts'

const EXAMPLE = '91350100M000100Y43' // GB 32100-2015's worked example

describe('isValidUscc', () => {
  it('accepts the standard worked example', () => {
    expect(isValidUscc(EXAMPLE)).toBe(true)
    expect(usccCheckChar(EXAMPLE.slice(0, 17))).toBe('3')
  })

  it('rejects every single-character change of a valid code', () => {
    let tried = 0
    for (let i = 0; i < 18; i++) {
      for (const ch of USCC_ALPHABET + 'IOSVZ') {
        if (ch === EXAMPLE[i]) continue
        const mutated = EXAMPLE.slice(0, i) + ch + EXAMPLE.slice(i + 1)
        expect(isValidUscc(mutated), mutated).toBe(false)
        tried++
      }
    }
    expect(tried).toBe(18 * 35)
  })

  it('rejects codes of the wrong length, lowercase and letters outside the alphabet', () => {
    for (const bad of [
      EXAMPLE.slice(0, 17),
      EXAMPLE + '0',
      EXAMPLE.toLowerCase(),
      '91350100M000100Y4Z',
      '',
    ])
      expect(isValidUscc(bad), bad).toBe(false)
  })

  it('rejects adjacent transpositions that change the code', () => {
    for (let i = 0; i < 17; i++) {
      if (EXAMPLE[i] === EXAMPLE[i + 1]) continue
      const swapped = EXAMPLE.slice(0, i) + EXAMPLE[i + 1] + EXAMPLE[i] + EXAMPLE.slice(i + 2)
      expect(isValidUscc(swapped), swapped).toBe(false)
    }
  })
})

describe('Uscc schema', () => {
  it('normalises full-width, spaced and lowercase input to the canonical code', () => {
    expect(Uscc.parse('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(EXAMPLE)
    expect(Uscc.parse(' 91350100 m000100y43 ')).toBe(EXAMPLE)
    expect(normalizeUscc('9135\u200b0100M000100Y43')).toBe(EXAMPLE)
  })

  it('refuses a wrong check character with a Chinese message', () => {
    const result = Uscc.safeParse('91350100M000100Y44')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('统一社会信用代码格式不正确或校验位错误')
  })
})
