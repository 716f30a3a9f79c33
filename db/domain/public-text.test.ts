import { describe, expect, it } from 'vitest'
import { ImportSubjectRow } from './import-columns.ts'
import { publicText, text } from './public-text.ts'

describe('D7 Unicode edge cases in text fields', () => {
  const name = text('主体名称', 100)

  it('refuses bidi controls and zero-width characters anywhere in a name', () => {
    for (const hidden of [
      '\u202E',
      '\u202A',
      '\u2066',
      '\u2069',
      '\u200B',
      '\u200D',
      '\u2060',
      '\uFEFF',
    ])
      expect(
        name.safeParse(`盘锦${hidden}物业服务有限公司`).success,
        hidden.codePointAt(0)!.toString(16)
      ).toBe(false)
    const result = name.safeParse('盘锦\u202E司公限有务服业物')
    expect(result.error!.issues[0]!.message).toContain('不可见的控制字符')
  })

  it('normalises prose to NFC, keeps full-width punctuation, and round-trips Ext-B characters', () => {
    expect(name.parse('Cafe\u0301物业')).toBe('Café物业')
    expect(text('违法事实', 500).parse('经查，该企业（某物业）：停水；')).toBe(
      '经查，该企业（某物业）：停水；'
    )
    expect(name.parse('𠀀𠀁物业服务有限公司')).toBe('𠀀𠀁物业服务有限公司')
    expect(publicText('标题', 100).parse('＜script＞不是标签＜/script＞')).toBe(
      '＜script＞不是标签＜/script＞'
    )
  })

  it('applies to subjects entered through the draft form and bulk import alike', () => {
    const row = { uscc: '91350100M000100Y43', kind: '物业服务企业', districtCode: '211103' }
    expect(
      ImportSubjectRow.safeParse({ ...row, name: '盘锦\u2066物业\u2069服务有限公司' }).success
    ).toBe(false)
    expect(ImportSubjectRow.parse({ ...row, name: ' 盘锦物业服务有限公司 ' }).name).toBe(
      '盘锦物业服务有限公司'
    )
  })
})
