/**
 * npm run bench -- [--subjects 10000] [--runs 3] [--skip-server]
 *
 * Seeds N synthetic subjects (示例数据) into a fresh temporary database, then measures:
 * full builds (wall time, peak RSS of the whole process tree, phases), the same-run floor of
 * writing as many HTML files of the same size from Node, what the build emits, a publish's
 * partial build, a credit file's compressed weight, the bytes three first searches download,
 * publish-to-live in the Node server, and API throughput with autocannon. Medians of --runs.
 * Prints a table and writes JSON to bench-results/ (git-ignored). How to read it: README.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadPublicSnapshot } from '../db/queries/public-snapshot.ts'
import type { BuildReport } from '../functions/node/build-site.ts'
import { writeFloor } from './bench/floor.ts'
import { lighthouseScores } from './bench/lighthouse.ts'
import { measureSearches } from './bench/search-bytes.ts'
import { load, median, publishToLive } from './bench/server-measures.ts'
import { startServerProcess } from './bench/server-process.ts'
import { creditFileWeights, siteStats, type SiteStats } from './bench/site-stats.ts'
import { sampleTreeRss } from './bench/tree-rss.ts'
import { pageAssets, wireBytes } from './bench/wire-bytes.ts'
import { loadJurisdiction, saveJurisdiction } from './jurisdiction.ts'
import { openMigratedDb, ROOT } from './lib.ts'
import { generateSeedData } from './seed/generate.ts'
import { writeSeedData } from './seed/write.ts'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    'skip-server': { type: 'boolean', default: false },
  },
})
const subjects = Number(values.subjects)
const runs = Math.max(1, Number(values.runs))
const BUILD_DATE = '2026-11-27'
const MB = 1024 * 1024
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const work = await mkdtemp(join(tmpdir(), 'bench-'))
const benchDir = resolve(ROOT, 'data/bench')
await rm(benchDir, { recursive: true, force: true })
await mkdir(benchDir, { recursive: true })
const DATABASE_URL = `file:${join(work, 'bench.db')}`
const env = { ...process.env, DATABASE_URL, BUILD_DATE }

console.log(`Seeding ${subjects} subjects…`)
const db = await openMigratedDb(env)
const seeded = performance.now()
const jurisdiction = loadJurisdiction()
await saveJurisdiction(db, jurisdiction)
await writeSeedData(db, generateSeedData(jurisdiction, { subjects, seed: 1, today: BUILD_DATE }))
const seedMs = performance.now() - seeded

/** One build in a child process (as `npm run build` runs), with the tree's peak RSS. */
async function build(out: string, previous?: string) {
  const args = ['scripts/build-site.ts', '--out', out, '--json']
  if (previous) args.push('--previous', previous)
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const rss = sampleTreeRss(child.pid!)
  let stdout = ''
  child.stdout.on('data', (d) => (stdout += d))
  const code = await new Promise<number | null>((r) => child.on('exit', r))
  const peakRss = rss.stop()
  if (code !== 0) throw new Error(`build exited with ${code}`)
  const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as BuildReport
  return { wallMs: performance.now() - started, peakRss, report }
}

const fullRuns: Awaited<ReturnType<typeof build>>[] = []
const floors: number[] = []
let stats!: SiteStats // what the full builds emit (the last one's)
for (let i = 0; i < runs; i++) {
  console.log(`Full build ${i + 1}/${runs}…`)
  const out = `data/bench/full-${i}`
  const run = await build(out)
  fullRuns.push(run)
  stats = await siteStats(join(ROOT, out, 'client'))
  floors.push(await writeFloor(join(benchDir, `floor-${i}`), stats.htmlPages, stats.bytes))
}
// Nothing is deleted until the bench ends (the floors, the full builds): this machine's file
// system (ext4 without a journal) does not reuse an inode for a minute or more after it was
// freed, and searches past each such inode for every new file. Writing 16,000 pages right after
// deleting 32,000 files took 5.6 s instead of 1.8 s (docs/scale.md): a build measured after the
// previous one was deleted paid for that deletion, and the floor did not.
const lastFull = `data/bench/full-${runs - 1}`
const pick = (f: (r: (typeof fullRuns)[number]) => number) => median(fullRuns.map(f))
const fullWall = pick((r) => r.wallMs)
const floorMs = median(floors)

const snap = await loadPublicSnapshot(db, BUILD_DATE)
const sampleIds = snap.creditFiles.map((f) => f.subject.id)
const weight = await creditFileWeights(join(ROOT, lastFull, 'client'), sampleIds)

// A publish changes one penalty: the partial build re-renders what changed and keeps the rest.
const target = snap.penalties[0]!
await db.$client.execute({
  sql: "UPDATE penalties SET facts = facts || '（基准测试）' WHERE id = ?",
  args: [target.id],
})
console.log('Partial build after one change…')
const partial = await build('data/bench/partial', lastFull)

const result: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 1024 / MB),
  },
  subjects,
  runs,
  seedMs: Math.round(seedMs),
  full: {
    wallMs: Math.round(fullWall),
    peakRssMB: Math.round(pick((r) => r.peakRss) / MB),
    loadMs: pick((r) => r.report.loadMs),
    renderMs: pick((r) => r.report.renderMs),
    indexMs: pick((r) => r.report.indexMs),
    scanMs: pick((r) => r.report.scanMs),
    scanReadFiles: pick((r) => r.report.scanReadFiles),
    pagesPerSecond: Math.round(stats.htmlPages / (fullWall / 1000)),
    floorMs: Math.round(floorMs),
    ratioToFloor: Number((fullWall / floorMs).toFixed(1)),
  },
  output: stats,
  creditFile: weight,
  partial: {
    wallMs: Math.round(partial.wallMs),
    peakRssMB: Math.round(partial.peakRss / MB),
    ...partial.report,
  },
}

if (!values['skip-server']) {
  console.log('Node server: first build, searches, publish to live, load…')
  // Its own process, as in production: the load generator below must not share its event loop.
  const app = await startServerProcess(env, join(benchDir, 'server'))
  const base = app.base
  try {
    const company = snap.subjects.find((x) => x.kind === 'property_company' && x.uscc)!
    const nameQuery = company.name.replace(/^盘锦(市)?/, '').slice(0, 4)
    const district =
      snap.districts.find((d) => d.code === '211103')?.name ?? snap.districts[0]!.name
    const searches = await measureSearches(base, [
      { label: '企业名称', query: nameQuery },
      { label: '县区 + 罚款', query: `${district} 罚款` },
      { label: '统一社会信用代码', query: company.uscc! },
    ])
    const lighthouse = await lighthouseScores([
      { label: '首页', url: `${base}/` },
      { label: '诚信档案', url: `${base}/enterprises/${company.id}/` },
      { label: '搜索', url: `${base}/search/?q=${encodeURIComponent(nameQuery)}` },
    ])
    // Issue 14: what a phone downloads, before (identity) and after compression, and again
    // on revalidation.
    const wire = [
      await wireBytes(base, '诚信档案', [`/enterprises/${company.id}/`]),
      await wireBytes(base, '搜索页及其脚本样式', await pageAssets(base, '/search/')),
      await wireBytes(base, '行政处罚 CSV', ['/data/penalties.csv']),
    ]
    const penalties = snap.penalties
      .filter((p) => p.districtCode === '211103' && p.id !== target.id)
      .slice(0, 2 * runs)
      .map((p) => ({ id: p.id, facts: p.facts }))
    const editor = await app.logIn('editor-xl')
    const reviewer = await app.logIn('reviewer-xl')
    // Back to back, as measured before issue 18: each approval as soon as the last is live.
    const latencies = await publishToLive(base, editor, reviewer, penalties.slice(0, runs))
    // As a clerk works: the server has finished what the last publication left to do.
    const settledLatencies: number[] = []
    for (const p of penalties.slice(runs)) {
      await app.settled()
      settledLatencies.push(...(await publishToLive(base, editor, reviewer, [p])))
    }
    const ids = sampleIds.slice(0, 200)
    await app.settled()
    // The publications above dropped the API's snapshot: the first read loads it (seconds at
    // 10,000); the load run measures reads, so that one is made first.
    await fetch(`${base}/api/v1/public/subjects/${ids[0]}`)
    const apiRead = await load(base, {
      paths: ids.map((id) => `/api/v1/public/subjects/${id}`),
      connections: 20,
      seconds: 10,
    })
    await app.settled()
    const pageRead = await load(base, {
      paths: ids.map((id) => `/enterprises/${id}/`),
      connections: 20,
      seconds: 10,
    })
    // The password step of a TOTP account: the expensive part (PBKDF2), answered 401
    // TOTP_REQUIRED by design, which does not count as a failed guess.
    const login = await load(base, {
      paths: ['/api/v1/auth/login'],
      method: 'POST',
      body: JSON.stringify({ username: 'editor-dw', password: app.account('editor-dw').password }),
      connections: 4,
      seconds: 10,
    })
    result.server = {
      firstBuildMs: Math.round(app.firstBuildMs),
      publishToLiveMs: latencies.map(Math.round),
      publishToLiveMedianMs: Math.round(median(latencies)),
      publishToLiveSettledMs: settledLatencies.map(Math.round),
      publishToLiveSettledMedianMs: Math.round(median(settledLatencies)),
      lastBuild: (await app.builderState()).lastReport,
      searches,
      wire,
      lighthouse,
      apiCreditFileRead: apiRead,
      staticCreditFileRead: pageRead,
      loginPasswordStep: login,
    }
  } finally {
    await app.close()
  }
}

db.$close()
await mkdir(resolve(ROOT, 'bench-results'), { recursive: true })
const file = resolve(ROOT, 'bench-results', `bench-${subjects}-${Date.now()}.json`)
await writeFile(file, JSON.stringify(result, null, 2))
await rm(work, { recursive: true, force: true })
await rm(benchDir, { recursive: true, force: true })
print(result)
console.log(`\nJSON: ${file.slice(ROOT.length + 1)}`)

function print(r: typeof result) {
  const full = r.full as Record<string, number>
  const out = r.output as Awaited<ReturnType<typeof siteStats>>
  const cf = r.creditFile as Awaited<ReturnType<typeof creditFileWeights>>
  const p = r.partial as Record<string, number | boolean>
  const rows: [string, string][] = [
    ['subjects (seeded in)', `${subjects} (${s(r.seedMs as number)})`],
    ['full build, median of runs', `${s(full.wallMs!)}  peak RSS ${full.peakRssMB} MB`],
    [
      '  load / render / search index / PI scan',
      `${s(full.loadMs!)} / ${s(full.renderMs!)} / ${s(full.indexMs!)} (alongside render) / ${s(full.scanMs!)}`,
    ],
    ['  pages per second', String(full.pagesPerSecond)],
    ['  floor (same files from Node) / ratio', `${s(full.floorMs!)} / ${full.ratioToFloor}×`],
    [
      'files emitted (Cloudflare limit 20,000 Free)',
      `${out.files} (${out.htmlPages} pages, ${(out.bytes / MB).toFixed(0)} MB)`,
    ],
    ['search index', `${out.searchFiles} files, ${(out.searchBytes / MB).toFixed(1)} MB`],
    [
      'credit file HTML+CSS gzip median / max',
      `${kb(cf.medianBytes)} / ${kb(cf.maxBytes)}; with scripts: ${cf.pagesWithScripts}`,
    ],
    [
      'partial build after one change',
      `${s(p.wallMs as number)} (${p.renderedRecords} rendered, ${p.keptRecords} kept; render ${s(p.renderMs as number)})`,
    ],
  ]
  const server = r.server as Record<string, unknown> | undefined
  if (server) {
    rows.push(['server first build', s(server.firstBuildMs as number)])
    rows.push([
      'publish to live, median, back to back',
      `${s(server.publishToLiveMedianMs as number)} (${(server.publishToLiveMs as number[]).map(s).join(', ')})`,
    ])
    rows.push([
      'publish to live, median, server settled',
      `${s(server.publishToLiveSettledMedianMs as number)} (${(server.publishToLiveSettledMs as number[]).map(s).join(', ')})`,
    ])
    for (const l of server.lighthouse as Awaited<ReturnType<typeof lighthouseScores>>)
      rows.push([
        `Lighthouse mobile: ${l.label}`,
        `performance ${l.performance}, accessibility ${l.accessibility}`,
      ])
    for (const q of server.searches as Awaited<ReturnType<typeof measureSearches>>)
      rows.push([
        `first search: ${q.label} “${q.query}”`,
        `${kb(q.gzipBytes)} gzip (${kb(q.rawBytes)} raw, ${q.requests} requests, ${q.results} results)`,
      ])
    for (const w of server.wire as Awaited<ReturnType<typeof wireBytes>>[])
      rows.push([
        `bytes on the wire: ${w.label} (${w.files} files)`,
        `${kb(w.identityBytes)} uncompressed → gzip ${kb(w.gzipBytes)}, br ${kb(w.brBytes)} ` +
          `(${(w.identityBytes / w.brBytes).toFixed(1)}×); revalidated ${kb(w.revalidateBytes)} ` +
          `(${[...new Set(w.revalidateStatuses)].join('/')})`,
      ])
    for (const [label, key] of [
      ['API credit-file read', 'apiCreditFileRead'],
      ['static credit-file page', 'staticCreditFileRead'],
      ['login, password step', 'loginPasswordStep'],
    ] as const) {
      const l = server[key] as Awaited<ReturnType<typeof load>>
      rows.push([
        label,
        `${l.rps} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, errors ${l.errors}, non-2xx ${l.non2xx}`,
      ])
    }
  }
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`)
}
