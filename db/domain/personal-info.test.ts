import { describe, expect, it } from 'vitest'
import { findPersonalInfo, maskPersonName, maskPersonNames } from './personal-info.ts'

const kinds = (text: string) => findPersonalInfo(text).map((f) => f.kind)

// 11010519491231002X is the standard's own example; its check character is X.
const ID = '11010519491231002X'

describe('the personal-information detector', () => {
  it.each([
    ['id_number', `业主身份证号${ID}。`],
    ['id_number', `身份证号${ID.toLowerCase()}`],
    ['id_number_15', '身份证号110105491231002'],
    ['mobile', '联系电话13800138000'],
    ['mobile', '联系电话+8613800138000'],
    ['landline', '电话0427-2823456'],
    ['landline', '电话024-2345 6789'],
    ['bank_card', '账号6222 0202 0000 0000 006'],
    ['email', '邮箱zhangsan@example.com'],
    ['door_address', '住在3号楼2单元501室'],
    ['door_address', '住5栋1单元302'],
    ['door_address', '住7号楼1201室'],
    ['door_address', '住12-2-301'],
  ])('finds %s in plain form: %s', (kind, text) => {
    expect(kinds(text)).toEqual([kind])
  })

  it('sees through full-width digits, spaces, dashes and zero-width characters', () => {
    expect(kinds('电话１３８００１３８０００')).toEqual(['mobile'])
    expect(kinds('电话 138 0013 8000')).toEqual(['mobile'])
    expect(kinds('电话138-0013-8000')).toEqual(['mobile'])
    expect(kinds('电话1\u200b3\u200b8\u200c0013\u200d8000')).toEqual(['mobile'])
    expect(kinds(`身份证 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`)).toEqual([
      'id_number',
    ])
    expect(kinds('邮箱ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual(['email'])
    expect(kinds('住３号楼２单元５０１室')).toEqual(['door_address'])
  })

  it('reports positions in the original text, so the console can point at them', () => {
    const text = '经查，业主张某（电话１３８ ００１３ ８０００）反映'
    const [f] = findPersonalInfo(text)
    expect(text.slice(f!.start, f!.end)).toBe('１３８ ００１３ ８０００')
  })

  it('leaves ordinary regulatory text alone', () => {
    for (const text of [
      '盘锦市兴隆台区住房和城乡建设局于2026年11月20日作出兴住建罚决〔2026〕12号处罚决定，罚款人民币25000元。',
      '统一社会信用代码91211103MA0Y8T3J4K，该企业在3号楼外墙维修中未履行义务。',
      '违反了《物业管理条例》第三十五条、《辽宁省物业管理条例》第六十七条的规定。',
      '日期2026-11-27，共计12户业主投诉，涉及1200平方米。',
      // A USCC ending in a letter whose first 17 digits happen to pass the Luhn check.
      '处罚机关统一社会信用代码：91211103007310028P',
    ]) {
      expect(findPersonalInfo(text), text).toEqual([])
    }
  })

  it('rejects look-alikes that fail the check digit or the calendar', () => {
    expect(kinds('编号110105194912310021')).toEqual([]) // wrong check character
    expect(kinds('编号110105194913310024')).toEqual([]) // month 13
    expect(kinds('编号6222020200000000001')).toEqual([]) // fails Luhn
  })
})

describe('masking other natural persons’ names', () => {
  it('turns names into the 某 form, compound surnames included', () => {
    expect(maskPersonName('张三')).toBe('张某')
    expect(maskPersonName('欧阳明')).toBe('欧阳某')
    expect(maskPersonNames('业主张三、李四和欧阳明华投诉', ['张三', '李四', '欧阳明华'])).toBe(
      '业主张某、李某和欧阳某投诉'
    )
  })
})
