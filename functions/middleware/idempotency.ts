import { createMiddleware } from 'hono/factory'
import { DomainError, ValidationError } from '../../db/domain/errors.ts'
import { findIdempotentResponse, saveIdempotentResponse } from '../../db/mutations/idempotency.ts'
import { sha256Hex } from '../auth/tokens.ts'
import type { AppEnv } from '../context.ts'

/**
 * Optional `Idempotency-Key` on writes (matrix K7): the same key and body return the first answer;
 * the same key with another body is 422. Keys are scoped per user. A workflow step stores its answer
 * in its own transaction (K3: a commit whose response was lost replays on retry); the rest are
 * stored here, after the handler.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('Idempotency-Key')
  if (!key) return next()
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(key)) {
    throw new ValidationError([
      {
        field: 'Idempotency-Key',
        code: 'format',
        message: 'Idempotency-Key 应为8–128位字母、数字、_ 或 -',
      },
    ])
  }
  const { db, now } = c.var.deps
  const scoped = `${c.var.actor.id}:${key}`
  const requestHash = await sha256Hex(
    `${c.req.method} ${c.req.path}\n${await c.req.raw.clone().text()}`
  )
  const stored = await findIdempotentResponse(db, scoped)
  if (stored) {
    if (stored.requestHash !== requestHash)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个请求')
    return c.body(stored.body, stored.status as 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Idempotent-Replayed': 'true',
    })
  }
  c.set('idempotency', { key: scoped, requestHash, userId: c.var.actor.id })
  await next()
  if (c.res.status < 500) {
    const body = await c.res.clone().text()
    await saveIdempotentResponse(
      db,
      scoped,
      { requestHash, userId: c.var.actor.id, status: c.res.status, body },
      (now ?? Date.now)()
    )
  }
})
