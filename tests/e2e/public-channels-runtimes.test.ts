import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, inject, it } from 'vitest'
import { createDb } from '../../db/client.ts'
import { createAccounts } from '../../scripts/ready-accounts.ts'
import { startSqld, startWorker } from '../helpers/cloudflare-runtime.ts'
import { ROOT } from '../helpers/production-server.ts'
import { checkPublicChannels, type Runtime } from '../helpers/public-channels-contract.ts'

const run = promisify(execFile)

// Issue 17 asks for the three public channels on both runtimes with one contract: the same
// HTTP steps against the Node server on its embedded file, and against the built Worker in
// workerd on the libSQL server Turso runs (sqld).

describe('the public channels on the Node server (embedded libSQL file)', () => {
  it('keeps the contract', async () => {
    const file = inject('databaseUrl').slice('file:'.length)
    await checkPublicChannels({
      baseUrl: inject('baseUrl'),
      accounts: inject('accounts'),
      databaseFiles: () => [file, `${file}-wal`],
    })
  })
})

describe('the public channels on the Worker (workerd + sqld)', () => {
  let sqld: Awaited<ReturnType<typeof startSqld>>
  let worker: Awaited<ReturnType<typeof startWorker>>
  const rt = {} as Runtime

  beforeAll(async () => {
    sqld = await startSqld()
    // The same command an operator runs against Turso: migrations and 示例数据 over HTTP.
    await run(
      'npm',
      ['run', '-s', 'db:seed', '--', '--subjects', '150', '--seed', '3'].concat([
        '--today',
        inject('buildDate'),
      ]),
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: sqld.url } }
    )
    const db = createDb({ DATABASE_URL: sqld.url })
    const config = {
      PASSWORD_PEPPER: 'worker-pepper-0123456789abcdefghijklmno',
      ALLOWED_ORIGINS: '',
    }
    rt.accounts = await createAccounts(db, config)
    db.$close()
    worker = await startWorker(join(inject('buildsDir'), 'live'), {
      DATABASE_URL: sqld.url,
      PASSWORD_PEPPER: config.PASSWORD_PEPPER,
    })
    rt.baseUrl = worker.baseUrl
    rt.databaseFiles = sqld.files
  })
  afterAll(async () => {
    await worker?.stop()
    await sqld?.stop()
  })

  it('keeps the contract', async () => {
    await checkPublicChannels(rt)
  })
})
