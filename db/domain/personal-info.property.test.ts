import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findPersonalInfo, normalise } from './personal-info.ts'

/**
 * The reference: the first, character-by-character normalisation (a table entry per character).
 * The shipped one records only the edits it makes, which is what made the build's scan fast; both
 * must give the same text and map every index to the same original position.
 */
function referenceNormalise(original: string, joinDigits: boolean) {
  const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/
  const SPACE = /[^\S\r\n]/
  const chars: { c: string; i: number; same: boolean }[] = []
  let i = 0
  for (const raw of original) {
    const c = raw.normalize('NFKC')
    if (!ZERO_WIDTH.test(raw) && !SPACE.test(c))
      for (const ch of c) chars.push({ c: ch, i, same: c === raw })
    i += raw.length
  }
  let text = ''
  const at: number[] = []
  chars.forEach(({ c, i: index, same }, k) => {
    if (joinDigits && /[-.·_/]/.test(c)) {
      const before = text.at(-1)
      const after = chars[k + 1]?.c
      if (before && after && /\d/.test(before) && /\d/.test(after)) return
    }
    text += c
    // One entry per UTF-16 unit, as regex match indices count; an unchanged astral character
    // (𠀋) keeps both its units' positions. The first implementation pushed one entry per code
    // point, which misplaced every finding after such a character — this test found it.
    for (let u = 0; u < c.length; u++) at.push(same ? index + u : index)
  })
  return { text, at }
}

/** Characters that matter to the detector, and its disguises. */
const piece = fc.constantFrom(
  ...'0123456789０１２３４５６７８９①⑨-.·_/ \t\n\u200B\u00AD\uFEFF@a.Xx号楼栋单元室，。（）张三物业𠀋'.split(
    ''
  ),
  '138',
  '0013',
  '8000',
  'wuye@example.cn',
  '3号楼2单元501室',
  '11010519491231002X'
)
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))

describe('personal-information detector (property-based)', () => {
  it('normalises exactly like the character-by-character reference, positions included', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, joinDigits) => {
        const fast = normalise(input, joinDigits)
        const ref = referenceNormalise(input, joinDigits)
        expect(fast.text).toBe(ref.text)
        for (let k = 0; k < ref.at.length; k++) expect(fast.at(k)).toBe(ref.at[k])
      }),
      { numRuns: 2000 }
    )
  })

  it('reports findings inside the text, never overlapping', () => {
    fc.assert(
      fc.property(text, (input) => {
        const found = findPersonalInfo(input)
        for (const [k, f] of found.entries()) {
          expect(f.start).toBeGreaterThanOrEqual(0)
          expect(f.end).toBeLessThanOrEqual(input.length + 1)
          if (k > 0) expect(f.start).toBeGreaterThanOrEqual(found[k - 1]!.end)
        }
      }),
      { numRuns: 1000 }
    )
  })
})
