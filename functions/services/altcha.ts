import {
  createChallenge,
  randomInt,
  verifySolution,
  type Challenge,
  type Solution,
} from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/web/sha'
import { DomainError, ValidationError } from '../../db/domain/errors.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { spendChallenge } from '../../db/mutations/complaints.ts'

/**
 * ALTCHA proof of work for the public forms (issue 17): self-hosted, no third party, no cookie.
 * SHA-256 with 5 rounds per try and the answer drawn from 5,000–15,000 tries: one to two
 * seconds in a phone's browser, and the same cost again for every automated post. The
 * challenge is signed with a key derived from the server pepper and lives 10 minutes; a solved
 * challenge is spent in the transaction that stores the submission, so a replay is refused.
 */
const ALGORITHM = 'SHA-256'
const COST = 5
const LIFETIME_MS = 10 * 60_000

const secrets = new Map<string, Promise<string>>()
/** The HMAC key, separate from every other use of the pepper. */
function signingSecret(pepper: string): Promise<string> {
  let secret = secrets.get(pepper)
  if (!secret) {
    secret = crypto.subtle
      .importKey(
        'raw',
        new TextEncoder().encode(pepper),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign']
      )
      .then((key) =>
        crypto.subtle.sign('HMAC', key, new TextEncoder().encode('wuye-credit/altcha/v1'))
      )
      .then((mac) => [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join(''))
    secrets.set(pepper, secret)
  }
  return secret
}

/**
 * Lifetimes are measured on the system clock, not the service's injectable one: altcha-lib
 * checks expiry against Date.now() itself, so both sides must agree.
 */
export async function newChallenge(pepper: string): Promise<Challenge> {
  const nowMs = Date.now()
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(5_000, 15_000),
    deriveKey,
    expiresAt: new Date(nowMs + LIFETIME_MS),
    hmacSignatureSecret: await signingSecret(pepper),
  })
}

const refused = (message: string) =>
  new ValidationError([{ field: 'altcha', code: 'altcha', message }])

/**
 * Checks the widget's payload (base64 JSON `{challenge, solution}`) and spends it, inside the
 * caller's transaction: an invalid, expired or already used solution stores nothing.
 */
export async function spendSolution(tx: DbOrTx, payload: string, pepper: string) {
  const nowMs = Date.now()
  let decoded: { challenge: Challenge; solution: Solution }
  try {
    decoded = JSON.parse(atob(payload))
  } catch {
    throw refused('“我不是机器人”验证未完成或已失效，请重新验证后再提交')
  }
  const expiresAt = decoded?.challenge?.parameters?.expiresAt
  if (typeof expiresAt !== 'number' || expiresAt * 1000 < nowMs)
    throw refused('验证已过期，请重新点击“我不是机器人”后再提交')
  let verified = false
  try {
    const result = await verifySolution({
      challenge: decoded.challenge,
      solution: decoded.solution,
      deriveKey,
      hmacSignatureSecret: await signingSecret(pepper),
    })
    verified = result.verified
  } catch {
    verified = false
  }
  if (!verified) throw refused('“我不是机器人”验证未通过，请重新验证后再提交')
  // Spent once: the primary key refuses a second use of the same signed challenge.
  if (!(await spendChallenge(tx, decoded.challenge.signature!, expiresAt * 1000, nowMs)))
    throw new DomainError('CONFLICT', '这次验证已经用过，请重新点击“我不是机器人”后再提交')
}
