import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * Security matrix M2: the versions the advisories require, read from the lockfile that `npm ci`
 * installs (not package.json ranges).
 */
const lock = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../package-lock.json'), 'utf8')
) as {
  packages: Record<string, { version: string }>
}
const version = (name: string) => lock.packages[`node_modules/${name}`]?.version
const atLeast = (actual: string | undefined, min: string) => {
  if (!actual) return false
  const a = actual.split('.').map(Number)
  const m = min.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (a[i]! !== m[i]!) return a[i]! > m[i]!
  return true
}

describe('M2 security-critical pins', () => {
  it.each([
    ['hono', '4.13.19'], // bodyLimit bypasses (CVE-2025-59139, CVE-2026-44456), CORS (CVE-2026-54290)
    ['dompurify', '3.5.0'], // the E2 oracle
    ['jsdom', '27.0.0'], // DOMPurify's supported DOM (never happy-dom or linkedom)
    ['@libsql/client', '0.18.0'],
  ])('%s is at least %s', (name, min) => {
    expect(atLeast(version(name), min), `${name} ${version(name)}`).toBe(true)
  })

  it('has no sanitize-html (XSS in ≤ 2.17.5), happy-dom or linkedom anywhere in the tree', () => {
    const names = Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, ''))
    for (const banned of ['sanitize-html', 'happy-dom', 'linkedom'])
      expect(names.filter((n) => n === banned)).toEqual([])
  })
})
