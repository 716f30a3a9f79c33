// Every console script reaches the API through this module: it also keeps zod from probing eval.
import '../lib/zod-jitless.ts'
import { askForCode } from './step-up.ts'

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

type ErrorBody = { error?: { code: string; message: string; fields?: FieldError[] } }

const send = (path: string, body: unknown, method: string) =>
  fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })

/**
 * Sensitive actions (publish, withdraw, accounts, audit export) need a code entered in the last
 * five minutes (matrix B6): ask for one until it is accepted or the person cancels; true = retry.
 */
/**
 * What the person is confirming, named from the request that asked for step-up (issue 16, item
 * 7): a code is entered for an action, and the dialog says which.
 */
const STEP_UP_ACTIONS: [pattern: RegExp, name: string][] = [
  [/\/changes\/\d+\/approve$/, '审核通过变更申请'],
  [/\/approve$/, '审核通过并公示'],
  [/\/withdraw$/, '撤回公示'],
  [/\/remove$/, '移出名单'],
  [/\/audit\/export/, '导出审计日志'],
  [/\/users\/[^/]+\/disable$/, '停用账号'],
  [/\/users\/[^/]+\/reset$/, '重置账号的密码或动态口令'],
  [/\/users/, '管理账号'],
]
export function stepUpActionName(path: string): string | null {
  return STEP_UP_ACTIONS.find(([pattern]) => pattern.test(path))?.[1] ?? null
}

async function stepUp(message: string, path: string): Promise<boolean> {
  let problem: string | undefined
  const action = stepUpActionName(path)
  const reason = action
    ? `您正在“${action}”，此操作需要再次验证身份`
    : message.replace(/[：:].*$/, '')
  for (;;) {
    const totp = await askForCode(reason, problem)
    if (totp === null) return false
    const res = await send('/auth/reauth', { totp }, 'POST')
    if (res.ok) return true
    const e = ((await res.json().catch(() => ({}))) as ErrorBody).error
    if (res.status !== 422) throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? '')
    problem = e?.fields?.[0]?.message ?? e?.message
  }
}

export async function api<T>(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST'
): Promise<T> {
  let res = await send(path, body, method)
  let data = (await res.json().catch(() => ({}))) as ErrorBody
  if (res.status === 401 && data.error?.code === 'REAUTH_REQUIRED') {
    if (await stepUp(data.error.message, path)) {
      res = await send(path, body, method)
      data = (await res.json().catch(() => ({}))) as ErrorBody
    }
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
  notices: {
    at: string
    action: string
    actorName: string | null
    sourceIp: string | null
    outcome: 'success' | 'failure'
  }[]
}
/** The words for a failed event, where success and failure share an action (issue 16). */
export const failedNoticeLabel: Record<string, string> = {
  'auth.totp_confirm': '绑定动态口令未成功（输入的口令不正确）',
  'auth.password_change': '修改密码未成功',
}
export const noticeLabel: Record<string, string> = {
  'auth.password_change': '密码已修改',
  'auth.totp_confirm': '已绑定新的动态口令',
  'auth.login_locked': '连续登录失败，账号被临时锁定',
  'user.create': '账号已创建',
  'user.disable': '账号已停用',
  'user.reset': '管理员重置了您的密码或动态口令',
}
export const roleLabel: Record<string, string> = {
  admin: '系统管理员',
  editor: '录入员',
  reviewer: '审核员',
  auditor: '审计员',
}

/** Download a file the API serves (the audit export), asking for a fresh code when needed. */
export async function download(path: string, filename: string): Promise<void> {
  let res = await send(path, undefined, 'GET')
  if (res.status === 401) {
    const e = (
      (await res
        .clone()
        .json()
        .catch(() => ({}))) as ErrorBody
    ).error
    if (e?.code === 'REAUTH_REQUIRED' && (await stepUp(e.message, path)))
      res = await send(path, undefined, 'GET')
  }
  if (!res.ok) {
    const e = ((await res.json().catch(() => ({}))) as ErrorBody).error
    throw new ApiError(res.status, e?.code ?? 'INTERNAL', e?.message ?? '下载失败，请稍后再试')
  }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  URL.revokeObjectURL(url)
}
