import { describe, expect, it } from 'vitest'
import { listStatusOf } from './credit-file.ts'

describe('listStatusOf', () => {
  it('shows black over red, and none without entries', () => {
    expect(listStatusOf([])).toBe('none')
    expect(listStatusOf([{ list: 'red' }])).toBe('red')
    expect(listStatusOf([{ list: 'red' }, { list: 'black' }])).toBe('black')
  })
})
