import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { createNodeApp, listen } from '../../functions/node/node-server.ts'
import { createPublisher } from '../../functions/node/publisher.ts'
import { SiteBuilder } from '../../functions/node/site-builder.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'
import { createTestDb } from '../helpers/test-db.ts'
import { createAccounts, type E2eAccount } from '../../scripts/ready-accounts.ts'

/** The date the fixture data and the build both take as "today". */
export const E2E_DATE = '2026-11-27'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string
    /** The Node server's builds; `live` links to the one it serves (its Worker included). */
    buildsDir: string
    buildDate: string
    accounts: E2eAccount[]
  }
}

/** Seed a temporary database, build the site with the real builder, and serve it on loopback. */
export default async function setup(project: TestProject) {
  const { db, url, cleanup } = await createTestDb()
  await writeSeedData(
    db,
    generateSeedData(DEFAULT_JURISDICTION, { subjects: 150, seed: 3, today: E2E_DATE })
  )
  const root = resolve(import.meta.dirname, '../..')
  mkdirSync(join(root, 'data'), { recursive: true })
  const buildsDir = mkdtempSync(join(root, 'data', 'e2e-builds-'))
  const builder = new SiteBuilder(root, buildsDir, {
    ...process.env,
    DATABASE_URL: url,
    BUILD_DATE: E2E_DATE,
  })
  await builder.request()
  if (builder.state.state !== 'idle')
    throw new Error(`e2e build failed: ${builder.state.lastError}`)
  const config = {
    PASSWORD_PEPPER: 'e2e-pepper-0123456789abcdefghijklmnop',
    ALLOWED_ORIGINS: '',
    // Every journey signs in from loopback, several a minute; the per-address throttle (G1) has
    // its own test (functions/routes/auth.test.ts) and would only make journeys wait here.
    LOGIN_ATTEMPTS_PER_MINUTE: 1_000,
    // Likewise the public channels' per-address limits (N1–N3, tested with the real limits in
    // functions/routes/complaints-security.test.ts): several journeys post from loopback.
    PUBLIC_POSTS_PER_MINUTE: 1_000,
    PUBLIC_LOOKUPS_PER_MINUTE: 1_000,
  }
  const accounts = await createAccounts(db, config)
  const publish = createPublisher(db, builder)
  const server = await listen(
    // The access log (one line per request) is the journey behind-nginx's to check; here it would
    // only bury the test output.
    createNodeApp(builder, { db, config, onPublish: () => void publish() }, { log: false }),
    0
  )
  project.provide('accounts', accounts)
  project.provide('baseUrl', `http://127.0.0.1:${server.port}`)
  project.provide('databaseUrl', url)
  project.provide('buildsDir', buildsDir)
  project.provide('buildDate', E2E_DATE)
  return async () => {
    server.close()
    // Let a rebuild a journey's last approval started finish before its database goes away.
    await publish()
    // Its background work (old builds removed, pages linked for the next build) ends first.
    await builder.stop()
    cleanup()
    rmSync(buildsDir, { recursive: true, force: true })
  }
}
