import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { DomainError, ForbiddenError } from '../../db/domain/errors.ts'
import type { AppEnv } from '../context.ts'

/** 64 KB is far above any form; bulk import has its own route and limit. */
export const MAX_BODY_BYTES = 64 * 1024
/** A 5 MB spreadsheet, base64-encoded in JSON (matrix G2). */
export const IMPORT_BODY_BYTES = 7 * 1024 * 1024

/** Public forms that carry photos or documents (issue 17): 3 files of 5 MB and the form. */
export const UPLOAD_BODY_BYTES = 16 * 1024 * 1024
/** A repair application: one file of 5 MB per checklist material (six), and the form. */
export const REPAIR_BODY_BYTES = 32 * 1024 * 1024
const UPLOAD_PATHS = new Set([
  '/api/v1/public/complaints',
  '/api/v1/public/objections',
  '/api/v1/public/repair-applications',
])

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Writes must be same-origin JSON (matrix D2, F1): a foreign Origin or a cross-site fetch is 403,
 * any media type but application/json is 415, and a body over the limit is 413 before it is read.
 */
export const guardWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method)) return next()
  const origin = c.req.header('Origin')
  const self = new URL(c.req.url).origin
  const allowed = c.var.deps.config.ALLOWED_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  if (origin !== undefined && origin !== self && !allowed.includes(origin)) {
    throw new ForbiddenError('不接受来自其他网站的请求')
  }
  if (c.req.header('Sec-Fetch-Site') === 'cross-site')
    throw new ForbiddenError('不接受来自其他网站的请求')
  const type = (c.req.header('Content-Type') ?? '').split(';')
  const charset = type.slice(1).map((p) => p.trim().toLowerCase())
  const length = Number(c.req.header('Content-Length') ?? '0')
  const upload = UPLOAD_PATHS.has(c.req.path)
  const media = type[0]!.trim().toLowerCase()
  if (!(length === 0 && !c.req.header('Transfer-Encoding') && type[0] === '')) {
    if (
      (media !== 'application/json' && !(upload && media === 'multipart/form-data')) ||
      charset.some((p) => p.startsWith('charset=') && p !== 'charset=utf-8')
    ) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请求体必须是 UTF-8 编码的 application/json')
    }
  }
  return bodyLimit({
    maxSize:
      c.req.path === '/api/v1/imports'
        ? IMPORT_BODY_BYTES
        : c.req.path === '/api/v1/public/repair-applications'
          ? REPAIR_BODY_BYTES
          : upload
            ? UPLOAD_BODY_BYTES
            : MAX_BODY_BYTES,
    onError: () => {
      throw new DomainError('PAYLOAD_TOO_LARGE', '请求体过大')
    },
  })(c, next)
})
