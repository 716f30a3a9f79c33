/**
 * npm run security:scan — real scanners against the running product on loopback (matrix D5, E,
 * G1, K): installs Debian's sqlmap and wapiti when missing, starts the Node server on a fresh
 * demo database, runs sqlmap on the login, the public API and the admin API (with a signed-in
 * session), wapiti over the public pages and the console, then a mixed load run (public reads,
 * admin writes and public complaints at 200 requests/s for 60 s) that must end with 0 errors and
 * every write stored. Exits 1 on any finding. Takes several minutes; not part of `npm test`.
 * Options: --skip-scanners, --skip-sqlmap, --skip-load, --seconds N (load duration).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { count } from 'drizzle-orm'
import { changeRequests, complaints } from '../db/schema/index.ts'
import { makeUscc } from './synthetic-uscc.ts'
import { loadJurisdiction, saveJurisdiction } from './jurisdiction.ts'
import { openMigratedDb, ROOT } from './lib.ts'
import { startLocalServer } from './local-server.ts'
import { generateSeedData } from './seed/generate.ts'
import { writeSeedData } from './seed/write.ts'
import { solvedAltcha } from './solve-altcha.ts'

const { values } = parseArgs({
  options: {
    'skip-scanners': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    'skip-sqlmap': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '60' },
  },
})
const findings: string[] = []

function ensureTools(tools: string[]) {
  const missing = tools.filter((t) => spawnSync('which', [t]).status !== 0)
  if (!missing.length) return
  console.log(`Installing ${missing.join(', ')} from Debian…`)
  const sudo = process.getuid?.() === 0 ? [] : ['sudo']
  const apt = (...args: string[]) =>
    execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  apt('update', '-q')
  apt('install', '-y', '-q', '--no-install-recommends', ...missing)
}

const work = await mkdtemp(join(tmpdir(), 'security-scan-'))
const env = {
  ...process.env,
  DATABASE_URL: `file:${join(work, 'scan.db')}`,
  BUILD_DATE: '2026-11-27',
}
const db = await openMigratedDb(env)
await saveJurisdiction(db, loadJurisdiction())
await writeSeedData(
  db,
  generateSeedData(loadJurisdiction(), { subjects: 150, seed: 7, today: '2026-11-27' })
)
console.log('Building and starting the server on loopback…')
const app = await startLocalServer(db, env, resolve(ROOT, 'data/security-scan-builds'))

const logIn = app.logIn

function sqlmap(label: string, args: string[]) {
  console.log(`sqlmap: ${label}`)
  const out = spawnSync(
    'sqlmap',
    [
      '--batch',
      '--level=2',
      '--risk=1',
      '--threads=2',
      '--disable-coloring',
      `--output-dir=${join(work, 'sqlmap')}`,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  const text = `${out.stdout}${out.stderr}`
  if (/identified the following injection point|is vulnerable/i.test(text)) {
    findings.push(`sqlmap found an injection point in ${label}`)
  }
  if (out.status !== 0 && !/do not appear to be injectable|not injectable/i.test(text)) {
    findings.push(`sqlmap did not finish for ${label} (exit ${out.status})`)
  }
}

async function wapiti(label: string, url: string, cookie?: string) {
  console.log(`wapiti: ${label}`)
  const report = join(work, `wapiti-${label}.json`)
  const args = [
    '-u',
    url,
    '--scope',
    'folder',
    '-m',
    'xss,sql,blindsql,exec,file,crlf,redirect,permanentxss,ssrf,methods',
    '--flush-session',
    '--max-scan-time',
    '300',
    '-f',
    'json',
    '-o',
    report,
  ]
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string]
    const jar = join(work, 'cookies.json')
    await writeFile(
      jar,
      JSON.stringify({
        '127.0.0.1': {
          '/': { [name]: { value, version: 0, secure: false, expires: null, port: null } },
        },
      })
    )
    args.push('-c', jar)
  }
  const out = spawnSync('wapiti', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const json = await readFile(report, 'utf8').catch(() => null)
  if (!json) {
    findings.push(`wapiti produced no report for ${label} (exit ${out.status}): ${out.stderr}`)
    return
  }
  const vulnerabilities = (JSON.parse(json) as { vulnerabilities: Record<string, unknown[]> })
    .vulnerabilities
  for (const [kind, items] of Object.entries(vulnerabilities)) {
    if (items.length) findings.push(`wapiti ${label}: ${items.length} × ${kind}`)
  }
}

const CONNECTIONS = 10

/** What a visitor's browser does before posting: fetch a challenge and solve it (ALTCHA). */
async function solvedChallenges(n: number): Promise<string[]> {
  const out: string[] = []
  for (let k = 0; k < n; k++) {
    out.push(await solvedAltcha(() => fetch(`${app.base}/api/v1/public/challenge`)))
  }
  return out
}

/**
 * 200 requests/s for `seconds`, each connection cycling through twenty: eighteen public reads, one
 * admin write (a new subject's draft) and one public complaint (issue 17) with a proof of work
 * solved beforehand. Every write accepted must be stored, and nothing else.
 */
async function mixedLoad(seconds: number) {
  const cookie = await logIn('editor-xl3')
  const subjects = await (await fetch(`${app.base}/api/v1/public/subjects?limit=100`)).json()
  const ids = (subjects as { items: { id: string }[] }).items.map((s) => s.id)
  // 200/s × 1/20 × seconds complaints, and a margin for requests autocannon prepares unsent.
  const solutions = await solvedChallenges(Math.ceil(10 * seconds * 1.2) + 20)
  console.log(`load: ${solutions.length} challenges solved beforehand`)
  const [before] = await db.select({ n: count() }).from(changeRequests)
  const [complaintsBefore] = await db.select({ n: count() }).from(complaints)
  let i = 0
  let accepted = 0
  let complaintsAccepted = 0
  let complaintsRefused = 0
  const read = {
    setupRequest: (req: autocannon.Request) => {
      i += 1
      const id = ids[i % ids.length]
      const path = i % 3 === 0 ? `/enterprises/${id}/` : `/api/v1/public/subjects/${id}`
      return { ...req, method: 'GET' as const, path }
    },
  }
  // Each connection cycles through this list: nine reads, then one write. A write counts as
  // sent when its answer arrives (autocannon may prepare a request it never sends).
  const write = {
    method: 'POST' as const,
    path: '/api/v1/subjects',
    headers: { 'content-type': 'application/json', cookie },
    setupRequest: (req: autocannon.Request) => {
      i += 1
      return {
        ...req,
        body: JSON.stringify({
          kind: 'property_company',
          name: `负载测试物业服务有限公司${i}`,
          uscc: makeUscc(500_000 + i),
          districtCode: '211103',
        }),
      }
    },
    onResponse: (status: number) => {
      if (status === 201) accepted += 1
    },
  }
  const complaint = {
    method: 'POST' as const,
    path: '/api/v1/public/complaints',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => {
      i += 1
      return {
        ...req,
        body: JSON.stringify({
          districtCode: '211103',
          projectName: '兴隆家园',
          category: 'property_company.4',
          description: `负载测试：电梯停运（第${i}条）。`,
          consent: true,
          altcha: solutions.pop() ?? 'exhausted',
        }),
      }
    },
    onResponse: (status: number) => {
      if (status === 201) complaintsAccepted += 1
      else complaintsRefused += 1
    },
  }
  const reads = Array.from({ length: 9 }, () => read)
  const result = await autocannon({
    url: app.base,
    connections: CONNECTIONS,
    overallRate: 200,
    duration: seconds,
    requests: [...reads, write, ...reads, complaint],
  })
  const [after] = await db.select({ n: count() }).from(changeRequests)
  const stored = (after?.n ?? 0) - (before?.n ?? 0)
  const [complaintsAfter] = await db.select({ n: count() }).from(complaints)
  const complaintsStored = (complaintsAfter?.n ?? 0) - (complaintsBefore?.n ?? 0)
  console.log(
    `load: ${result.requests.total} requests (${Math.round(result.requests.average)}/s), ` +
      `p99 ${result.latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, ` +
      `non-2xx ${result.non2xx}; writes accepted ${accepted}, change requests stored ${stored}; ` +
      `complaints accepted ${complaintsAccepted}, refused ${complaintsRefused}, stored ${complaintsStored}`
  )
  if (result.errors || result.timeouts)
    findings.push(`load: ${result.errors} errors, ${result.timeouts} timeouts`)
  if (result.non2xx) findings.push(`load: ${result.non2xx} answers were not 2xx`)
  // Nothing accepted may be lost; a request still in flight when the run stops may be stored
  // with its answer never counted (at most one per connection).
  const lost = (acceptedN: number, storedN: number) =>
    storedN < acceptedN || storedN > acceptedN + CONNECTIONS
  if (lost(accepted, stored))
    findings.push(`load: ${accepted} writes accepted but ${stored} change requests stored`)
  if (lost(complaintsAccepted, complaintsStored))
    findings.push(`load: ${complaintsAccepted} complaints accepted but ${complaintsStored} stored`)
}

function runSqlmap(cookie: string, auditor: string) {
  sqlmap('login', [
    '-u',
    `${app.base}/api/v1/auth/login`,
    '--data',
    '{"username":"editor-xl","password":"x","totp":"123456"}',
    '--headers',
    'Content-Type: application/json',
  ])
  sqlmap('public API', [
    '-u',
    `${app.base}/api/v1/public/subjects?district=211103&kind=property_company&list=none&page=1&limit=20`,
  ])
  sqlmap('admin API (editor session)', [
    '-u',
    `${app.base}/api/v1/admin/penalties/1*`,
    '--cookie',
    cookie,
  ])
  // The public's channels (issue 17): a complaint post (refused without a proof of work, but every
  // field is parsed), the 回执 lookup, and the console's look-up (a LIKE over names) and queue.
  sqlmap('public complaint post', [
    '-u',
    `${app.base}/api/v1/public/complaints`,
    '--data',
    '{"districtCode":"211103","projectName":"兴隆家园","category":"other","description":"楼道灯坏了","consent":true,"altcha":"x"}',
    '--headers',
    'Content-Type: application/json',
  ])
  sqlmap('public objection post', [
    '-u',
    `${app.base}/api/v1/public/objections`,
    '--data',
    '{"record":"penalty:1","objectorRole":"subject","reason":"金额有误","contactName":"李经理","contactPhone":"13812345678","consent":true,"altcha":"x"}',
    '--headers',
    'Content-Type: application/json',
  ])
  sqlmap('objection target', ['-u', `${app.base}/api/v1/public/objection-target?record=penalty:1`])
  sqlmap('repair target', ['-u', `${app.base}/api/v1/public/repair-target?record=penalty:1`])
  sqlmap('回执 lookup', [
    '-u',
    `${app.base}/api/v1/public/submissions/TS20261130-000001*?code=ABCD-EFGH-JKMN-PQRS`,
  ])
  sqlmap('console look-up (editor session)', [
    '-u',
    `${app.base}/api/v1/admin/lookup?kind=project&q=%E5%B0%8F%E5%8C%BA`,
    '--cookie',
    cookie,
  ])
  sqlmap('complaint queue (editor session)', [
    '-u',
    `${app.base}/api/v1/complaints/1*`,
    '--cookie',
    cookie,
  ])
  sqlmap('audit log (auditor session)', [
    '-u',
    `${app.base}/api/v1/audit?actor=editor-xl&objectType=penalty&from=2026-01-01&to=2026-12-31`,
    '--cookie',
    auditor,
  ])
}

try {
  if (!values['skip-scanners']) {
    ensureTools(['sqlmap', 'wapiti'])
    const cookie = await logIn('editor-xl')
    const auditor = await logIn('auditor1')
    if (!values['skip-sqlmap']) runSqlmap(cookie, auditor)
    await wapiti('public', `${app.base}/`)
    await wapiti('console', `${app.base}/admin/`, cookie)
  }
  if (!values['skip-load']) await mixedLoad(Number(values.seconds))
} finally {
  await app.close()
  db.$close()
  await rm(resolve(ROOT, 'data/security-scan-builds'), { recursive: true, force: true })
  await rm(work, { recursive: true, force: true })
}

if (findings.length) {
  console.error(`\n${findings.length} finding(s):\n- ${findings.join('\n- ')}`)
  process.exit(1)
}
console.log('\nNo findings.')
