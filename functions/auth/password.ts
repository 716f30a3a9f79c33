import { normalizePassword } from '../../db/domain/password-policy.ts'

/**
 * PBKDF2-SHA256 with a per-user salt and a server-side pepper (HMAC of the password), stored as
 * `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. WebCrypto only, so it runs in Workers too.
 * Workers cap PBKDF2 at 100,000 iterations: never raise this (a guard test checks it).
 */
export const PBKDF2_ITERATIONS = 100_000
const SALT_BYTES = 16
const enc = new TextEncoder()

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

async function peppered(password: string, pepper: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(pepper),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  )
  return new Uint8Array(
    await crypto.subtle.sign('HMAC', key, enc.encode(normalizePassword(password)))
  )
}

async function derive(
  password: string,
  pepper: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number
) {
  const key = await crypto.subtle.importKey(
    'raw',
    await peppered(password, pepper),
    'PBKDF2',
    false,
    ['deriveBits']
  )
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256
  )
  return new Uint8Array(bits)
}

export async function hashPassword(password: string, pepper: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, pepper, salt, PBKDF2_ITERATIONS)
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${b64(salt)}$${b64(hash)}`
}

/** Constant-time comparison of two byte arrays of equal length. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/** Verify; a stored count above the cap is refused before any derivation (matrix A2). */
export async function verifyPassword(
  password: string,
  stored: string,
  pepper: string
): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$')
  const iterations = Number(iter)
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash) return false
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS)
    return false
  return equalBytes(await derive(password, pepper, unb64(salt), iterations), unb64(hash))
}

/** A hash to verify against when the user does not exist, so timing does not reveal it. */
export const DUMMY_HASH =
  'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
