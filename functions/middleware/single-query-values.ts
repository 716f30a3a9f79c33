import { createMiddleware } from 'hono/factory'
import { ValidationError } from '../../db/domain/errors.ts'

/**
 * Matrix D9 (parameter pollution): no API parameter is a list, so a key given twice
 * (`?page=1&page=2`) is refused by name instead of one value silently winning.
 */
export const singleQueryValues = createMiddleware(async (c, next) => {
  const keys = [...new URL(c.req.url).searchParams.keys()]
  const repeated = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))]
  if (repeated.length)
    throw new ValidationError(
      repeated.map((field) => ({ field, code: 'repeated', message: `参数 ${field} 只能出现一次` }))
    )
  await next()
})
