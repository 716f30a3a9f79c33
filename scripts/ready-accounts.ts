import type { Db } from '../db/client.ts'
import type { Role } from '../db/domain/user.ts'
import { updateUser } from '../db/mutations/users.ts'
import { findUserByUsername } from '../db/queries/users.ts'
import { sealSecret } from '../functions/auth/secret-box.ts'
import { newTotpSecret } from '../functions/auth/totp.ts'
import type { AppConfig } from '../functions/env.ts'
import { createUser } from '../functions/services/manage-users.ts'

export type E2eAccount = {
  username: string
  role: Role
  district: string | null
  password: string
  secret: string
}

const PASSWORD = 'Qh7#vLm2$Tz9wXk'
const ACCOUNTS: [string, Role, string | null][] = [
  ['editor-xl', 'editor', '211103'],
  ['reviewer-xl', 'reviewer', '211103'],
  ['editor-dw', 'editor', '211104'],
  // A second pair: a TOTP code is accepted once, so a second journey cannot reuse the first's step.
  ['editor-xl2', 'editor', '211103'],
  ['reviewer-xl2', 'reviewer', '211103'],
  ['editor-xl3', 'editor', '211103'],
  ['reviewer-xl3', 'reviewer', '211103'],
  // The campaign journey: records, rectifies and reports; a second person closes out.
  ['editor-xl4', 'editor', '211103'],
  ['reviewer-xl4', 'reviewer', '211103'],
  ['reviewer-city2', 'reviewer', null],
  // City level (no district): the hostile-text journey edits whichever case the fixture has.
  ['editor-city', 'editor', null],
  ['reviewer-city', 'reviewer', null],
  ['admin-a11y', 'admin', null],
  // The console-by-role journey signs in once each, apart from every other journey.
  ['editor-roles', 'editor', '211103'],
  ['editor-roles2', 'editor', '211103'],
  ['admin-users', 'admin', null],
  ['reviewer-roles', 'reviewer', '211103'],
  ['auditor1', 'auditor', null],
  // The daily-console journeys (issue 16): an admin resets a clerk who lost a phone; a clerk
  // uses the pickers and meets the wording guide.
  ['admin-reset', 'admin', null],
  ['editor-lost', 'editor', '211103'],
  ['editor-xl5', 'editor', '211103'],
  // The complaint journey (issue 17): a district handles it, another district cannot see it.
  ['editor-cp', 'editor', '211103'],
  ['reviewer-cp', 'reviewer', '211103'],
  ['editor-dw2', 'editor', '211104'],
  // The objection journey (issue 17): accepted, corrected, upheld.
  ['editor-ob', 'editor', '211103'],
  ['reviewer-ob', 'reviewer', '211103'],
  // The online repair journey (issue 17).
  ['reviewer-rp', 'reviewer', '211103'],
  // The public channels' API contract, run on the Node server and on the Worker (issue 17).
  ['editor-api', 'editor', '211103'],
  ['reviewer-api', 'reviewer', '211103'],
  ['editor-api-dw', 'editor', '211104'],
]

/**
 * Ready accounts (password set, TOTP enrolled), created through the service: for the browser
 * journeys, the benchmark and the security scan, which sign in as people do. Never for a real
 * installation: the password is fixed and known.
 */
export async function createAccounts(db: Db, config: AppConfig): Promise<E2eAccount[]> {
  const ctx = {
    db,
    config,
    nowMs: Date.now(),
    actor: { id: 0, username: 'setup', role: 'admin' as const, district: null },
    requestId: 'e2e',
    ip: null,
  }
  const out: E2eAccount[] = []
  for (const [username, role, district] of ACCOUNTS) {
    await createUser(ctx, { username, password: PASSWORD, role, district })
    const secret = newTotpSecret()
    await updateUser(db, (await findUserByUsername(db, username))!.id, {
      totpSecret: await sealSecret(secret, config.PASSWORD_PEPPER),
      mustChangePassword: false,
    })
    out.push({ username, role, district, password: PASSWORD, secret })
  }
  return out
}
