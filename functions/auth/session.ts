import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Db } from '../../db/client.ts'
import {
  deleteSession,
  insertSession,
  touchSession,
  type DbOrTx,
} from '../../db/mutations/users.ts'
import { findSession } from '../../db/queries/users.ts'
import { newToken, sha256Hex } from './tokens.ts'

export const IDLE_MS = 15 * 60_000
export const ABSOLUTE_MS = 8 * 3600_000

/** `__Host-` + Secure everywhere but plain-http localhost, where browsers would drop it. */
export function cookieName(c: Context): string {
  return isLocalHttp(c) ? 'sid' : '__Host-sid'
}

function isLocalHttp(c: Context): boolean {
  const url = new URL(c.req.url)
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

/** Create a session row and set its cookie; returns the token hash (the row key). */
export async function startSession(
  c: Context,
  db: DbOrTx,
  userId: number,
  nowMs: number
): Promise<string> {
  const token = newToken()
  const tokenHash = await sha256Hex(token)
  await insertSession(db, {
    tokenHash,
    userId,
    createdAt: nowMs,
    lastSeenAt: nowMs,
    verifiedAt: nowMs,
  })
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    secure: !isLocalHttp(c),
    sameSite: 'Strict',
    path: '/',
    maxAge: ABSOLUTE_MS / 1000,
  })
  return tokenHash
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, cookieName(c), { path: '/', secure: !isLocalHttp(c) })
}

/**
 * The live session behind the request's cookie, or null. Past 15 minutes idle or 8 hours in all
 * the row is deleted and the session is over (matrix B2); a disabled user has none (A5).
 */
export async function loadSession(c: Context, db: Db, nowMs: number) {
  const token = getCookie(c, cookieName(c))
  if (!token) return null
  const tokenHash = await sha256Hex(token)
  const found = await findSession(db, tokenHash)
  if (!found) return null
  const { session, user } = found
  if (
    user.disabled ||
    nowMs - session.lastSeenAt > IDLE_MS ||
    nowMs - session.createdAt > ABSOLUTE_MS
  ) {
    await deleteSession(db, tokenHash)
    return null
  }
  await touchSession(db, tokenHash, nowMs)
  return { tokenHash, user, verifiedAt: session.verifiedAt ?? session.createdAt }
}
