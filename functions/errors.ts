import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, ValidationError, type ErrorCode } from '../db/domain/errors.ts'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
}

/** The only mapping from errors to HTTP: `{ error: { code, message, issues? } }`. */
export function toErrorResponse(err: Error, c: Context): Response {
  if (err instanceof DomainError) {
    const body = {
      error: {
        code: err.code,
        message: err.message,
        ...(err instanceof ValidationError ? { issues: err.issues } : {}),
      },
    }
    return c.json(body, STATUS[err.code])
  }
  if (err instanceof HTTPException) return err.getResponse()
  // Never echo an unknown error's message: it may carry SQL or paths.
  console.error({ msg: 'unhandled error', path: c.req.path, err })
  return c.json({ error: { code: 'INTERNAL', message: '服务器内部错误' } }, 500)
}
