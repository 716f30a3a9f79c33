import { describe, expect, it } from 'vitest'
import { createProxyTrust } from './client-address.ts'

const createClientAddress = (trusted: string) => createProxyTrust(trusted).address

const h = (init: Record<string, string> = {}) => new Headers(init)

describe('createClientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the headers say', () => {
    const address = createClientAddress('')
    expect(
      address('203.0.113.7', h({ 'X-Forwarded-For': '1.2.3.4', 'X-Real-IP': '5.6.7.8' }))
    ).toBe('203.0.113.7')
  })

  it('reads X-Forwarded-For right to left behind a trusted proxy', () => {
    const address = createClientAddress('127.0.0.1, 10.0.0.0/8')
    // A forged left-most entry, the real client, then an inner trusted proxy.
    expect(address('127.0.0.1', h({ 'X-Forwarded-For': '6.6.6.6, 198.51.100.9, 10.1.2.3' }))).toBe(
      '198.51.100.9'
    )
    expect(address('127.0.0.1', h({ 'X-Forwarded-For': '198.51.100.9' }))).toBe('198.51.100.9')
  })

  it('ignores forwarding headers from a peer that is not a trusted proxy', () => {
    const address = createClientAddress('127.0.0.1')
    expect(address('127.0.0.3', h({ 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.6' }))).toBe(
      '127.0.0.3'
    )
  })

  it('takes X-Real-IP from a trusted proxy that sent no X-Forwarded-For', () => {
    const address = createClientAddress('127.0.0.1')
    expect(address('127.0.0.1', h({ 'X-Real-IP': '198.51.100.9' }))).toBe('198.51.100.9')
    expect(address('127.0.0.1', h({ 'X-Real-IP': '<script>' }))).toBe('127.0.0.1')
  })

  it('handles IPv6 and IPv4-mapped peers', () => {
    const address = createClientAddress('::1, 127.0.0.1')
    expect(address('::1', h({ 'X-Forwarded-For': '2001:db8::5' }))).toBe('2001:db8::5')
    expect(address('::ffff:127.0.0.1', h({ 'X-Forwarded-For': '198.51.100.9' }))).toBe(
      '198.51.100.9'
    )
  })

  it('refuses a malformed TRUSTED_PROXIES at start', () => {
    expect(() => createClientAddress('127.0.0.1, not-an-address')).toThrow()
  })
})
