import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, NotFoundError, ValidationError, type ErrorCode } from '../db/domain/errors.ts'
import { describeDatabaseError, isDatabaseUnavailable } from '../db/driver-errors.ts'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 422,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  LOCKED: 401,
  FORBIDDEN: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  VERSION_MISMATCH: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  SERVICE_UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
  REAUTH_REQUIRED: 401,
}

/** The only mapping from errors to HTTP: `{ error: { code, message, fields?, requestId } }`. */
export function toErrorResponse(err: Error, c: Context): Response {
  const requestId = (c.get('requestId') as string | undefined) ?? null
  if (err instanceof DomainError) {
    const fields =
      err instanceof ValidationError
        ? { fields: err.issues }
        : err instanceof NotFoundError && err.issue
          ? { fields: [err.issue] }
          : {}
    return c.json(
      { error: { code: err.code, message: err.message, ...fields, requestId } },
      STATUS[err.code]
    )
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(
      { error: { code: 'BAD_REQUEST', message: '请求格式不正确', requestId } },
      err.status
    )
  }
  // Fail closed (matrix C4, K2): the database failing anywhere — in the session or permission
  // look-up, or mid-write — is a 503 the client may retry with the same Idempotency-Key.
  if (isDatabaseUnavailable(err)) {
    console.error({
      msg: 'database unavailable',
      path: c.req.path,
      requestId,
      err: describeDatabaseError(err),
    })
    c.header('Retry-After', '5')
    return c.json(
      {
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: '数据库暂时无法访问，本次操作未作任何更改，请稍后重试',
          requestId,
        },
      },
      503
    )
  }
  // Never echo an unknown error's message: it may carry SQL or paths.
  console.error({
    msg: 'unhandled error',
    path: c.req.path,
    requestId,
    // A database error is described by the driver's code only: drizzle's message carries the
    // SQL parameters (H3). Anything else by its message.
    err: describeDatabaseError(err) ?? String(err),
  })
  return c.json({ error: { code: 'INTERNAL', message: '服务器内部错误', requestId } }, 500)
}
