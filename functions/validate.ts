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
    // A refinement may name its own code (personal_info); zod calls it 'custom'.
    code: i.code === 'custom' && typeof i.params?.code === 'string' ? i.params.code : i.code,
    message: i.code === 'unrecognized_keys' ? `不允许的字段：${i.keys.join('、')}` : i.message,
  }))
}

/** Parse a value with a strict schema, throwing a ValidationError that names every field at fault. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(toIssues(result.error))
  return result.data
}

/** True when every string (keys included) in a parsed value is well-formed Unicode. */
function wellFormed(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.isWellFormed()
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return true
  return Object.entries(value).every(([k, v]) => k.isWellFormed() && wellFormed(v, depth + 1))
}

/**
 * Read a JSON body (matrix D2): a BOM, invalid UTF-8, malformed JSON, lone surrogates (raw or
 * escaped) and nesting deeper than 32 are 400 before any handler logic runs; the parsed body is
 * then checked against `schema`.
 */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  const bad = (message: string) => new DomainError('BAD_REQUEST', message)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw bad('请求体不能以 BOM 开头')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw bad('请求体不是有效的 UTF-8')
  }
  let value: unknown
  try {
    value = text === '' ? {} : JSON.parse(text)
  } catch {
    throw bad('请求体不是有效的 JSON')
  }
  if (depthOf(value) > MAX_DEPTH) throw bad('请求体嵌套层级过深')
  if (!wellFormed(value)) throw bad('请求体含有无效的 Unicode 字符')
  return parseOrThrow(schema, value)
}
