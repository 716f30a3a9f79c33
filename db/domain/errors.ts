/** Stable English error codes; the HTTP mapping lives once in functions/errors.ts. */
export type ErrorCode =
  'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'PRECONDITION_FAILED' | 'UNAUTHORIZED' | 'FORBIDDEN'

/** One problem with one input field, addressed by its path. */
export type Issue = { path: (string | number)[]; code: string; message: string }

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
  constructor(entity: string, key: string | number) {
    super('NOT_FOUND', `${entity} ${key} 不存在`)
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
