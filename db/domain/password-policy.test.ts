import { describe, expect, it } from 'vitest'
import { passwordProblems } from './password-policy.ts'

describe('A1 password policy', () => {
  it('refuses 11 characters and accepts 12 with three classes', () => {
    expect(passwordProblems('Hq7#vLm2$Tz', 'editor1')).not.toEqual([])
    expect(passwordProblems('Hq7#vLm2$Tzk', 'editor1')).toEqual([])
  })

  it('needs 3 of 4 character classes', () => {
    expect(passwordProblems('hqvlmtzkwxrbgd', 'editor1')).not.toEqual([])
    expect(passwordProblems('hqvlmtzk7wxrbd', 'editor1')).not.toEqual([])
    expect(passwordProblems('hqvlmtzk7wxrB', 'editor1')).toEqual([])
  })

  it('refuses breached-style passwords', () => {
    for (const weak of [
      'Passw0rd!2024',
      'a123456789!A',
      'Welcome@2026x',
      'Qwerty!98765a',
      'Aaaaaa#12345',
    ])
      expect(passwordProblems(weak, 'editor1'), weak).not.toEqual([])
  })

  it('accepts 64 characters and refuses 129', () => {
    const long = 'Hq7#vLm2$Tzk'.repeat(11)
    expect(passwordProblems(long.slice(0, 64), 'editor1')).toEqual([])
    expect(passwordProblems(long.slice(0, 129), 'editor1')).toContain('密码长度不能超过128位')
  })

  it('accepts Chinese characters as a class of their own', () => {
    expect(passwordProblems('盘锦物业Hq7vLmTz', 'editor1')).toEqual([])
  })

  it('refuses a password containing the username', () => {
    expect(passwordProblems('Zhangwei#2026Qx', 'zhangwei')).toContain('密码不能包含用户名')
  })
})
