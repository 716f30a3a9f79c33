import { describe, expect, it } from 'vitest'
import { ApiError } from './api.ts'
import { pageFailureText } from './page-failure.ts'

describe('pageFailureText', () => {
  it('says a missing record may be another district’s, and what to do', () => {
    expect(pageFailureText(new ApiError(404, 'NOT_FOUND', '行政处罚 7 不存在'))).toBe(
      '行政处罚 7 不存在，或不在您的辖区内。请回到工作台或列表，从那里重新打开。'
    )
  })
  it('stays silent where the console already moves the person on', () => {
    for (const code of ['UNAUTHORIZED', 'TOTP_ENROLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED'])
      expect(pageFailureText(new ApiError(401, code, '…'))).toBeNull()
  })
  it('names a server or network failure with a next step', () => {
    expect(pageFailureText(new ApiError(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用'))).toMatch(
      /^服务暂时不可用。请稍后刷新页面重试/
    )
    expect(pageFailureText(new TypeError('Failed to fetch'))).toMatch(/请检查网络后刷新页面重试/)
  })
})
