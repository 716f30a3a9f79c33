import type { Context } from 'hono'
import { z } from 'zod'
import { DomainError, ValidationError } from '../db/domain/errors.ts'

const MAX_DEPTH = 32

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth
  let max = depth
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1))
  return max
}

/** zod issues → `{ field, code, message }` with Chinese messages. */
export function toIssues(error: z.ZodError) {
  return error.issues.map((i) => ({
    field: i.path.join('.') || '(body)',
    code: i.code,
    message: i.code === 'unrecognized_keys' ? `不允许的字段：${i.keys.join('、')}` : i.message,
  }))
}

/** Parse a value with a strict schema, throwing a ValidationError that names every field at fault. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(toIssues(result.error))
  return result.data
}

/**
 * Read a JSON body (matrix D2): malformed JSON, a BOM, lone surrogates and nesting deeper than 32
 * are 400 before any handler logic runs; the parsed body is then checked against `schema`.
 */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await c.req.text()
  const bad = (message: string) => new DomainError('BAD_REQUEST', message)
  if (text.charCodeAt(0) === 0xfeff) throw bad('请求体不能以 BOM 开头')
  if (!text.isWellFormed()) throw bad('请求体含有无效的 Unicode 字符')
  let value: unknown
  try {
    value = text === '' ? {} : JSON.parse(text)
  } catch {
    throw bad('请求体不是有效的 JSON')
  }
  if (depthOf(value) > MAX_DEPTH) throw bad('请求体嵌套层级过深')
  return parseOrThrow(schema, value)
}
