import { describe, expect, it, vi } from 'vitest'
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from './password.ts'

const PEPPER = 'test-pepper-0123456789abcdefghijklmnop'

describe('A2 hash storage', () => {
  it('keeps PBKDF2 at or below the Workers cap of 100,000 iterations', () => {
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(100_000)
    expect(PBKDF2_ITERATIONS).toBe(100_000)
  })

  it('stores pbkdf2-sha256$100000$<16-byte salt>$<hash> with a fresh salt each time', async () => {
    const a = await hashPassword('Qh7#vLm2$Tz9wXk', PEPPER)
    const b = await hashPassword('Qh7#vLm2$Tz9wXk', PEPPER)
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain(PEPPER)
  })

  it('verifies the right password, NFKC-normalised, and only with the right pepper', async () => {
    const stored = await hashPassword('Ｑh7#vLm2$Tz9wXk', PEPPER)
    expect(await verifyPassword('Qh7#vLm2$Tz9wXk', stored, PEPPER)).toBe(true)
    expect(await verifyPassword('Qh7#vLm2$Tz9wXK', stored, PEPPER)).toBe(false)
    expect(await verifyPassword('Qh7#vLm2$Tz9wXk', stored, `${PEPPER}x`)).toBe(false)
  })

  it('refuses a stored count above the cap before deriving anything', async () => {
    const stored = (await hashPassword('Qh7#vLm2$Tz9wXk', PEPPER)).replace('$100000$', '$10000000$')
    const derive = vi.spyOn(crypto.subtle, 'deriveBits')
    expect(await verifyPassword('Qh7#vLm2$Tz9wXk', stored, PEPPER)).toBe(false)
    expect(derive).not.toHaveBeenCalled()
    derive.mockRestore()
  })
})
