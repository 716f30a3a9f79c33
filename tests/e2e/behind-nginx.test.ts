import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../../db/client.ts'
import { auditLog, changeRequests } from '../../db/schema/index.ts'
import { totpCode } from '../../functions/auth/totp.ts'
import { makeUscc, penaltyDraftBody } from '../fixtures/builders.ts'
import { productionJurisdiction } from '../fixtures/production-jurisdiction.ts'
import {
  curl,
  deployEnv,
  freePort,
  nginxConfig,
  ROOT,
  selfSignedCertificate,
  startProduction,
  waitForLine,
  type Started,
} from '../helpers/production-server.ts'
import { createAccounts, type E2eAccount } from '../../scripts/ready-accounts.ts'

/**
 * Issue 14, end to end: the production mode from a fresh database, behind Debian's nginx booted
 * from deploy/nginx/wuye-credit.conf (TLS, HTTP/2), with the settings of deploy/env.example.
 * Requests come from distinct loopback addresses (curl --interface) so throttling and auditing
 * per client can be seen; then SIGTERM under load, and a restart.
 */
const PEPPER = 'prod-e2e-pepper-0123456789abcdefghij'
const ADMIN_PASSWORD = 'Wq8%rTn4&Ly6pZe'
const LOGINS_PER_MINUTE = 6

let work: string
let db: Db
let env: NodeJS.ProcessEnv
let server: Started
let nginx: ChildProcess
let ports: { app: number; http: number; https: number }
let tls: { cert: string; key: string }
let accounts: E2eAccount[]
const https = (path: string) => `https://127.0.0.1:${ports.https}${path}`
const direct = (path: string) => `http://127.0.0.1:${ports.app}${path}`

beforeAll(async () => {
  work = mkdtempSync(join(ROOT, 'data', 'e2e-production-'))
  ports = { app: await freePort(), http: await freePort(), https: await freePort() }
  const jurisdictionFile = join(work, 'jurisdiction.json')
  writeFileSync(jurisdictionFile, JSON.stringify(productionJurisdiction))
  env = {
    ...process.env,
    // deploy/env.example as the operator copies it; only what this machine must differ in
    // (ports, paths, the public address) is changed below.
    ...deployEnv(),
    PORT: String(ports.app),
    DATABASE_URL: `file:${join(work, 'prod.db')}`,
    JURISDICTION_FILE: jurisdictionFile,
    SITE_URL: 'https://wuye.pj-zjj.cn',
    SITE_BUILDS_DIR: relative(ROOT, join(work, 'builds')),
    PASSWORD_PEPPER: PEPPER,
    ADMIN_PASSWORD,
    LOGIN_ATTEMPTS_PER_MINUTE: String(LOGINS_PER_MINUTE),
  }
  tls = await selfSignedCertificate(work)
})

afterAll(async () => {
  nginx?.kill('SIGTERM')
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM')
    await server.exited
  }
  db?.$close()
  rmSync(work, { recursive: true, force: true })
})

describe('going live', () => {
  it('refuses to start with the example jurisdiction, saying what to configure', async () => {
    const { JURISDICTION_FILE: _, ...withoutFile } = env
    for (const [settings, expected] of [
      [
        { ...withoutFile, DATABASE_URL: `file:${join(work, 'refused.db')}` },
        /未设置 JURISDICTION_FILE/,
      ],
      [
        {
          ...env,
          DATABASE_URL: `file:${join(work, 'refused.db')}`,
          JURISDICTION_FILE: join(ROOT, 'deploy/jurisdiction.template.json'),
        },
        /siteIdentifiers\.icp 仍是示例值/,
      ],
    ] as const) {
      const refused = startProduction(settings)
      expect(await refused.exited).toBe(78)
      expect(refused.output.join('\n')).toMatch(expected)
      expect(refused.output.join('\n')).not.toMatch(/is serving/)
    }
  })

  it('starts on an empty database with no demo data, and nginx serves it over TLS and HTTP/2', async () => {
    server = startProduction(env)
    await waitForLine(server, /is serving on/)
    expect(server.output.join('\n')).not.toMatch(
      /seeded|示例数据|Created the first account: admin \//
    )
    db = createDb({ DATABASE_URL: env.DATABASE_URL! })
    accounts = await createAccounts(db, { PASSWORD_PEPPER: PEPPER, ALLOWED_ORIGINS: '' })

    nginx = spawn('/usr/sbin/nginx', [
      '-c',
      nginxConfig(work, { upstream: ports.app, ...ports, ...tls }),
      '-g',
      'daemon off;',
    ])
    const nginxLog: string[] = []
    nginx.stderr!.on('data', (d: Buffer) => nginxLog.push(d.toString()))
    const deadline = Date.now() + 20_000
    for (;;) {
      const up = await curl(https('/api/v1/health'), { cacert: tls.cert }).catch(() => null)
      if (up?.status === 200) break
      if (Date.now() > deadline)
        throw new Error(`nginx did not come up: ${nginxLog.join('')} ${up?.status} ${up?.text}`)
      await new Promise((r) => setTimeout(r, 200))
    }

    const home = await curl(https('/'), { cacert: tls.cert })
    expect(home.status).toBe(200)
    expect(home.httpVersion).toBe('2')
    expect(home.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(home.text).toContain(productionJurisdiction.siteIdentifiers.icp)
    expect(home.text).not.toContain('示例')
    expect(home.text).toContain('https://wuye.pj-zjj.cn/')
    const plain = await curl(`http://127.0.0.1:${ports.http}/penalties/`)
    expect(plain.status).toBe(301)
    expect(plain.headers.location).toBe('https://127.0.0.1/penalties/')
  })

  it('sends pages compressed and answers revalidation with 304 through nginx', async () => {
    const page = await curl(https('/enterprises/'), {
      cacert: tls.cert,
      headers: { 'Accept-Encoding': 'br, gzip' },
    })
    expect(page.status).toBe(200)
    expect(page.headers['content-encoding']).toBe('br')
    expect(page.headers.vary).toMatch(/Accept-Encoding/)
    expect(brotliDecompressSync(page.body).toString()).toContain('</html>')
    const again = await curl(https('/enterprises/'), {
      cacert: tls.cert,
      headers: { 'Accept-Encoding': 'br, gzip', 'If-None-Match': page.headers.etag! },
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('throttles and audits each client address on its own, ignoring forged headers', async () => {
    const attempt = (
      from: string,
      headers: Record<string, string> = {},
      url = https('/api/v1/auth/login')
    ) =>
      curl(url, {
        from,
        cacert: tls.cert,
        headers,
        json: { username: `nobody-${from}`, password: 'wrong-password-1', totp: '000000' },
      })
    const statuses = []
    for (let i = 0; i <= LOGINS_PER_MINUTE; i++) statuses.push((await attempt('127.0.0.2')).status)
    expect(statuses.slice(0, LOGINS_PER_MINUTE).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    // Another person behind the same proxy is not held back by the first.
    expect((await attempt('127.0.0.3')).status).toBe(401)
    // A client naming someone else in X-Forwarded-For, through nginx and straight to the server.
    expect((await attempt('127.0.0.3', { 'X-Forwarded-For': '203.0.113.66' })).status).toBe(401)
    expect(
      (
        await attempt(
          '127.0.0.3',
          { 'X-Forwarded-For': '203.0.113.66', 'X-Real-IP': '203.0.113.66' },
          direct('/api/v1/auth/login')
        )
      ).status
    ).toBe(401)

    const failures = await db
      .select({ ip: auditLog.sourceIp, actor: auditLog.actorName })
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'))
    const from = (ip: string) => failures.filter((f) => f.ip === ip).length
    expect(from('127.0.0.2')).toBe(LOGINS_PER_MINUTE)
    expect(from('127.0.0.3')).toBe(3)
    expect(failures.some((f) => f.ip === '203.0.113.66' || f.ip === '127.0.0.1')).toBe(false)
    const logged = server.output.filter((l) => l.includes('"path":"/api/v1/auth/login"'))
    expect(logged.some((l) => l.includes('"ip":"127.0.0.2"') && l.includes('"status":429'))).toBe(
      true
    )
    expect(logged.some((l) => l.includes('203.0.113.66'))).toBe(false)
  })

  it('signs in and publishes through nginx, and the penalty is online', async () => {
    const origin = `https://127.0.0.1:${ports.https}`
    const person = (username: string, from: string) => {
      const jar = join(work, `${username}.cookies`)
      const a = accounts.find((x) => x.username === username)!
      const post = async (path: string, json: unknown) => {
        const res = await curl(https(path), {
          from,
          jar,
          cacert: tls.cert,
          json,
          headers: { Origin: origin },
        })
        expect(res.status, `${path}: ${res.text}`).toBeLessThan(300)
        return JSON.parse(res.text || '{}') as { id?: number }
      }
      return {
        signIn: () =>
          post('/api/v1/auth/login', {
            username,
            password: a.password,
            totp: totpCode(a.secret, Date.now()),
          }),
        post,
      }
    }
    const editor = person('editor-xl', '127.0.0.4')
    const reviewer = person('reviewer-xl', '127.0.0.5')
    await editor.signIn()
    await reviewer.signIn()

    const uscc = makeUscc(7_310_001)
    const subject = await editor.post('/api/v1/subjects', {
      kind: 'property_company',
      name: '盘锦上线测试物业服务有限公司',
      uscc,
      districtCode: '211103',
    })
    await editor.post(`/api/v1/changes/${subject.id}/submit`, {})
    await reviewer.post(`/api/v1/changes/${subject.id}/approve`, {})
    const authority = productionJurisdiction.authorities![2]!
    const draft = penaltyDraftBody(uscc, authority.name)
    const penalty = await editor.post('/api/v1/penalties', draft)
    await editor.post(`/api/v1/penalties/${penalty.id}/submit`, {})
    await reviewer.post(`/api/v1/penalties/${penalty.id}/approve`, {})

    const deadline = Date.now() + 120_000
    let page = await curl(https(`/penalties/${penalty.id}/`), { cacert: tls.cert })
    while (page.status !== 200) {
      if (Date.now() > deadline)
        throw new Error(
          `not online in 2 minutes:\n${server.output
            .filter((l) => !l.includes('"path"'))
            .slice(-60)
            .join('\n')}`
        )
      await new Promise((r) => setTimeout(r, 500))
      page = await curl(https(`/penalties/${penalty.id}/`), { cacert: tls.cert })
    }
    expect(page.text).toContain(draft.decisionNo)
    // 双公示: the authority's USCC is the one the jurisdiction file gives.
    expect(page.text).toContain(authority.uscc)
    const approved = await db
      .select({ ip: auditLog.sourceIp })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'penalty.approve'), eq(auditLog.objectId, String(penalty.id))))
    expect(approved.map((r) => r.ip)).toEqual(['127.0.0.5'])
  })
})

describe('operations', () => {
  it('SIGTERM under load, mid-build: every write answered 2xx is stored, none unanswered is', async () => {
    const signIn = async (username: string) => {
      const a = accounts.find((x) => x.username === username)!
      const res = await fetch(direct('/api/v1/auth/login'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          username,
          password: a.password,
          totp: totpCode(a.secret, Date.now()),
        }),
      })
      expect(res.status).toBe(200)
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!
      const post = async (path: string, json: unknown) => {
        const answer = await fetch(direct(path), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify(json),
        })
        expect(answer.status, path).toBeLessThan(300)
        return (await answer.json()) as { id: number }
      }
      return { cookie, post }
    }
    const editor = (await signIn('editor-xl2')).post
    const reviewer = (await signIn('reviewer-xl2')).post
    // A publish whose rebuild the signal will interrupt: it must be built by the next start.
    const pendingUscc = makeUscc(7_310_002)
    const change = await editor('/api/v1/subjects', {
      kind: 'property_company',
      name: '盘锦停机待发布物业服务有限公司',
      uscc: pendingUscc,
      districtCode: '211103',
    })
    await editor(`/api/v1/changes/${change.id}/submit`, {})
    const { cookie } = await signIn('editor-xl3')
    const answered = new Map<string, number>()
    const unanswered = new Set<string>()
    let n = 0
    let signalled = false
    // Bounded whatever happens: the loop ends at the first refusal after the signal, or at this.
    const stopAt = Date.now() + 60_000
    const worker = async () => {
      while (Date.now() < stopAt) {
        const name = `停机测试物业服务有限公司${++n}`
        try {
          await fetch(direct('/enterprises/'))
          const res = await fetch(direct('/api/v1/subjects'), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: cookie },
            body: JSON.stringify({
              kind: 'property_company',
              name,
              uscc: makeUscc(8_000_000 + n),
              districtCode: '211103',
            }),
          })
          answered.set(name, res.status)
          await res.arrayBuffer()
        } catch {
          unanswered.add(name)
          // The server is gone once it refuses connections after the signal.
          if (signalled) return
        }
      }
    }
    const builtBefore = server.output.filter((l) => l.includes("msg: 'site built'")).length
    const workers = Array.from({ length: 8 }, worker)
    await new Promise((r) => setTimeout(r, 1000))
    // The approval starts the rebuild under load; the signal comes as soon as it is running. A
    // publication renders in about a second here (ADR 020), so a fixed wait could miss it.
    await reviewer(`/api/v1/changes/${change.id}/approve`, {})
    for (let i = 0; i < 200; i++) {
      const status = await fetch(direct('/api/v1/site/build'), {
        headers: { Cookie: cookie },
      }).then((r) => r.json() as Promise<{ state: string }>)
      if (status.state === 'building') break
      await new Promise((r) => setTimeout(r, 10))
    }
    signalled = true
    server.child.kill('SIGTERM')
    const code = await server.exited
    await Promise.all(workers)

    expect(code).toBe(0)
    expect(server.output.join('\n')).toMatch(/"msg":"stopped"/)
    // The build the approval started was abandoned, not finished: its publish is still pending.
    const builtAfterApproval = server.output.filter((l) => l.includes("msg: 'site built'")).length
    expect(builtAfterApproval).toBe(builtBefore)
    const [pending] = await db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM outbox WHERE built_at IS NULL`
    )
    expect(Number(pending!.n)).toBeGreaterThan(0)
    const stored = new Set(
      (await db.select({ values: changeRequests.values }).from(changeRequests))
        .map((r) => String(r.values?.name))
        .filter((name) => name.startsWith('停机测试'))
    )
    const ok = [...answered].filter(([, s]) => s === 201).map(([name]) => name)
    expect(ok.length).toBeGreaterThan(10)
    expect([...stored].sort()).toEqual(ok.sort())
    for (const name of unanswered) expect(stored.has(name)).toBe(false)
    console.log(
      `SIGTERM under load: ${ok.length} writes answered 201 and stored, ${unanswered.size} requests unanswered, none stored`
    )
  })

  it('a restart serves the previous build at once, then builds what was pending', async () => {
    const { ADMIN_PASSWORD: _, ...later } = env
    const started = Date.now()
    server = startProduction(later)
    await waitForLine(server, /is serving on/)
    const first = await fetch(direct('/penalties/'))
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('盘锦上线测试物业服务有限公司')
    console.log(`restart: serving ${Date.now() - started} ms after npm start`)
    // The publish the signal interrupted is built now, with nobody asking again.
    const deadline = Date.now() + 120_000
    let page = await fetch(direct(`/enterprises/${makeUscc(7_310_002)}/`))
    while (page.status !== 200) {
      if (Date.now() > deadline)
        throw new Error('the pending publish was not built after the restart')
      await new Promise((r) => setTimeout(r, 500))
      page = await fetch(direct(`/enterprises/${makeUscc(7_310_002)}/`))
    }
    expect(await page.text()).toContain('盘锦停机待发布物业服务有限公司')
  })
})
