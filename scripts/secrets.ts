import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { ROOT } from './lib.ts'

/**
 * The password pepper for the Node server: PASSWORD_PEPPER if set, else a random one created once
 * in data/pepper (mode 0600). It is never stored in the database, so a leaked database alone does
 * not allow offline guessing. Back it up with the database: without it no password verifies.
 */
export const PEPPER_FILE = resolve(ROOT, 'data/pepper')

export function loadPepper(env = process.env): string {
  if (env.PASSWORD_PEPPER) return env.PASSWORD_PEPPER
  const file = PEPPER_FILE
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}
