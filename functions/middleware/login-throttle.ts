import { createMiddleware } from 'hono/factory'
import { clientIp } from '../client-ip.ts'
import type { AppEnv } from '../context.ts'

const WINDOW_MS = 60_000
/** Addresses remembered at most; beyond it, expired windows are dropped first. */
const MAX_TRACKED = 50_000

/**
 * Matrix G1: at most `perMinute` sign-in attempts per client address per minute; the rest are
 * 429 with Retry-After before any password is hashed, so a flood costs the server nothing and
 * other people's logins stay fast. Per process (per isolate on Workers, where the Rate Limiting
 * binding is the coarse edge throttle): the account lockout in the database (A3) is the
 * authoritative limit, this one keeps a single source from using it up.
 */
export const loginThrottle = (perMinute: () => number) =>
  addressThrottle(perMinute, (s) => `登录尝试过于频繁，请${s}秒后再试`)

/**
 * The same per-address window for the public forms and the 回执 lookup (issue 17): a source that
 * posts or guesses faster than a person could is answered 429 before any work is done.
 */
export function addressThrottle(perMinute: () => number, message: (retryAfter: number) => string) {
  const windows = new Map<string, { start: number; count: number }>()
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = (c.var.deps.now ?? Date.now)()
    const key = clientIp(c) ?? 'unknown'
    let w = windows.get(key)
    if (!w || now - w.start >= WINDOW_MS) {
      if (windows.size >= MAX_TRACKED) prune(windows, now)
      windows.set(key, (w = { start: now, count: 0 }))
    }
    if (++w.count > perMinute()) {
      const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))
      return c.json(
        {
          error: {
            code: 'TOO_MANY_REQUESTS',
            message: message(retryAfter),
            requestId: c.var.requestId,
          },
        },
        429,
        { 'Retry-After': String(retryAfter) }
      )
    }
    await next()
  })
}

function prune(windows: Map<string, { start: number }>, now: number) {
  for (const [key, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(key)
  // Still full (a flood from many addresses at once): forget the oldest half.
  if (windows.size >= MAX_TRACKED)
    [...windows.keys()].slice(0, MAX_TRACKED / 2).forEach((k) => windows.delete(k))
}
