/**
 * Secrets at rest (security matrix I5): TOTP secrets are stored AES-256-GCM encrypted under a key
 * derived with HKDF from the server-side pepper, which never enters the database — a copy of the
 * database (a backup, a leaked export) holds no usable second factor. WebCrypto only, so the same
 * code runs on Node and in Workers.
 *
 * Stored form: `v1.<iv>.<ciphertext>` (base64url). Rows written before encryption hold the bare
 * base32 secret and are still read; they are sealed the next time the account enrols.
 */
const PREFIX = 'v1.'
const keys = new Map<string, Promise<CryptoKey>>()

/**
 * What a sealed value is for: each purpose has its own key (HKDF `info`), so a TOTP secret and a
 * complainant's phone number are never sealed under the same key.
 */
export type SealPurpose = 'totp-secret-at-rest' | 'complainant-contact'

function keyFor(pepper: string, purpose: SealPurpose): Promise<CryptoKey> {
  const cacheKey = `${purpose}\n${pepper}`
  let key = keys.get(cacheKey)
  if (!key) {
    key = crypto.subtle
      .importKey('raw', new TextEncoder().encode(pepper), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: new Uint8Array(32),
            // Domain separation: one key per purpose, none of them the password pepper's job.
            info: new TextEncoder().encode(`wuye-credit/${purpose}/v1`),
          },
          base,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt']
        )
      )
    keys.set(cacheKey, key)
  }
  return key
}

// btoa/atob exist on Node and in Workers alike (Buffer needs nodejs_compat there).
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const fromB64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

export async function sealSecret(
  plain: string,
  pepper: string,
  purpose: SealPurpose = 'totp-secret-at-rest'
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await keyFor(pepper, purpose),
    new TextEncoder().encode(plain)
  )
  return `${PREFIX}${b64url(iv)}.${b64url(new Uint8Array(sealed))}`
}

/** The secret, from its stored form; throws if it was sealed under another pepper or altered. */
export async function openSecret(
  stored: string,
  pepper: string,
  purpose: SealPurpose = 'totp-secret-at-rest'
): Promise<string> {
  if (!stored.startsWith(PREFIX)) return stored
  const [iv, data] = stored.slice(PREFIX.length).split('.')
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromB64url(iv!) },
    await keyFor(pepper, purpose),
    fromB64url(data!)
  )
  return new TextDecoder().decode(plain)
}
