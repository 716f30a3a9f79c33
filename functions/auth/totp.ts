import { Secret, TOTP } from 'otpauth'

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) as every authenticator app expects. */
const PERIOD = 30

function totp(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: '物业信用公示平台',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  })
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

export function otpauthUrl(secret: string, username: string): string {
  return totp(secret, username).toString()
}

/**
 * The time step a code matches (±1 step only), or null. Callers refuse a step at or below the
 * last accepted one, so a code can never be replayed (matrix A4).
 */
export function matchTotpStep(secret: string, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const delta = totp(secret).validate({ token: code, timestamp: nowMs, window: 1 })
  return delta === null ? null : Math.floor(nowMs / 1000 / PERIOD) + delta
}

/** The current code (tests and the enrolment check use it). */
export function totpCode(secret: string, nowMs: number): string {
  return totp(secret).generate({ timestamp: nowMs })
}
