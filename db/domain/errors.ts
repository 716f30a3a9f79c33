/** Stable English error codes; the HTTP mapping lives once in functions/errors.ts. */
export type ErrorCode =
  | 'VALIDATION'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'VERSION_MISMATCH'
  | 'UNAUTHORIZED'
  | 'INVALID_CREDENTIALS'
  | 'TOTP_REQUIRED'
  | 'LOCKED'
  | 'FORBIDDEN'
  | 'TOTP_ENROLMENT_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SERVICE_UNAVAILABLE'
  | 'TOO_MANY_REQUESTS'
  | 'REAUTH_REQUIRED'

/** One problem with one input field: `field` is its dotted path (`fineYuan`, `items.0.name`). */
export type Issue = { field: string; code: string; message: string }

/** Base of every expected failure: an English `code` for programs, a Chinese message for people. */
export class DomainError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }
}

/** Input that does not fit its contract; carries every issue found, not only the first. */
export class ValidationError extends DomainError {
  readonly issues: Issue[]
  constructor(issues: Issue[], message = '提交的数据不符合要求') {
    super('VALIDATION', message)
    this.issues = issues
  }
}

/** A record or route that does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  /** The form field that named the missing record, so the console can show it there. */
  readonly issue: Issue | null
  constructor(entity: string, key: string | number, issue: Issue | null = null) {
    super('NOT_FOUND', issue?.message ?? `${entity} ${key} 不存在`)
    this.issue = issue
  }
}

/** A write that collides with existing data (duplicate 文号, lost race). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message)
  }
}

/** A legal-state rule says "not now" (e.g. repair before the minimum period). */
export class PreconditionFailedError extends DomainError {
  constructor(message: string) {
    super('PRECONDITION_FAILED', message)
  }
}

/** Not logged in, or the session has ended. */
export class UnauthorizedError extends DomainError {
  constructor(
    code: Extract<
      ErrorCode,
      'UNAUTHORIZED' | 'INVALID_CREDENTIALS' | 'TOTP_REQUIRED' | 'LOCKED' | 'REAUTH_REQUIRED'
    > = 'UNAUTHORIZED',
    message = '请先登录'
  ) {
    super(code, message)
  }
}

/** Logged in, but this role, or this step of the workflow, is not allowed to do it. */
export class ForbiddenError extends DomainError {
  constructor(
    message = '无权执行此操作',
    code: Extract<
      ErrorCode,
      'FORBIDDEN' | 'TOTP_ENROLMENT_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED'
    > = 'FORBIDDEN'
  ) {
    super(code, message)
  }
}

/** The record changed since the caller read it (optimistic versions; matrix K6). */
export class VersionMismatchError extends DomainError {
  constructor(message = '该记录已被他人修改，请刷新后重试') {
    super('VERSION_MISMATCH', message)
  }
}
