// Every console script reaches the API through this module: it also keeps zod from probing eval.
import '../lib/zod-jitless.ts'

/** The console's only door to the API: JSON in and out, errors as ApiError with field messages. */
export type FieldError = { field: string; message: string }

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: FieldError[]
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.fields = fields
  }
}

export async function api<T>(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST'
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string; fields?: FieldError[] }
  }
  if (!res.ok) {
    const e = data.error ?? { code: 'INTERNAL', message: '服务器暂时无法处理请求，请稍后再试' }
    if (res.status === 401 && e.code === 'UNAUTHORIZED')
      location.assign(`/admin/?next=${encodeURIComponent(location.pathname + location.search)}`)
    if (e.code === 'TOTP_ENROLMENT_REQUIRED') location.assign('/admin/enrol/')
    if (e.code === 'PASSWORD_CHANGE_REQUIRED') location.assign('/admin/password/')
    throw new ApiError(res.status, e.code, e.message, e.fields ?? [])
  }
  return data as T
}

export type Me = {
  user: { username: string; role: string; district: string | null }
  restriction: 'totp' | 'password' | null
  /** Security events on this account in the last 30 days, newest first (matrix A6). */
  notices: { at: string; action: string; actorName: string | null; sourceIp: string | null }[]
}
export const noticeLabel: Record<string, string> = {
  'auth.password_change': '密码已修改',
  'auth.totp_confirm': '已绑定新的动态口令',
  'auth.login_locked': '连续登录失败，账号被临时锁定',
  'user.create': '账号已创建',
  'user.disable': '账号已停用',
}
export const roleLabel: Record<string, string> = {
  admin: '系统管理员',
  editor: '录入员',
  reviewer: '审核员',
  auditor: '审计员',
}
