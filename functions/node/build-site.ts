import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, link, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as pagefind from 'pagefind'
import { createDb, readDbConfig } from '../../db/client.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { reportCode, reportSummary } from '../../db/domain/report.ts'
import { cloudflareHeadersFile } from '../../db/domain/site-headers.ts'
import { cloudflareRedirectsFile } from '../../db/domain/site-redirects.ts'
import { saveReportCodes } from '../../db/mutations/report-codes.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/public-snapshot.ts'
import {
  RECORD_PAGE_KINDS,
  RECORD_PAGES,
  recordPageFile,
  sharedPageInputs,
  type RecordPageKind,
  type RenderPlan,
} from '../../site/lib/record-pages.ts'
import { searchRecords } from '../../site/lib/search-records.ts'
import { allowedContacts, scanOutputForPersonalInfo } from './personal-info-scan.ts'
import { precompressSite } from './precompress.ts'

/** What one build did and how long each phase took, for logs and `npm run bench`. */
export type BuildReport = {
  outDir: string
  /** False when only changed record pages were rendered and the rest kept from `previous`. */
  full: boolean
  /** Record pages rendered / kept from the previous build. */
  renderedRecords: number
  keptRecords: number
  searchRecords: number
  loadMs: number
  renderMs: number
  keepMs: number
  scanMs: number
  /** Pagefind's own time; it runs alongside the render. */
  indexMs: number
  copyIndexMs: number
  /** Writing .br/.gz beside the pages (Node builds only); 0 when not asked for. */
  precompressMs: number
  codesMs: number
  totalMs: number
}

export type BuildOptions = {
  /** A finished build directory of the same code to keep unchanged record pages from. */
  previous?: string | null
  /**
   * Write precompressed siblings (.br, .gz) for the Node server and nginx, hard-linking files
   * whose bytes equal this build's (the live one). Cloudflare compresses by itself, and its
   * asset count is capped, so `npm run build` leaves this off.
   */
  precompress?: { compareWith: string | null }
  /** Aborts the build (graceful shutdown): Astro's process is killed and the build rejects. */
  signal?: AbortSignal
}

/** Per-page digests of a build's data: what decides whether a record page must be re-rendered. */
type Manifest = {
  shared: string
  pages: Record<RecordPageKind, Record<string, string>>
}

const MANIFEST = 'manifest.json'
const require = createRequire(import.meta.url)
const digest = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex')

/** Run `astro build` in a child process (Astro keeps module state per process). */
function astroBuild(root: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<void> {
  const astroBin = join(
    require.resolve('astro/package.json', { paths: [root] }),
    '../bin/astro.mjs'
  )
  return new Promise((resolve, reject) => {
    // ASTRO_CPU_PROF=DIR writes a V8 CPU profile of the render (docs/scale.md, how to profile).
    const profile = env.ASTRO_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.ASTRO_CPU_PROF}`] : []
    const child = spawn(
      process.execPath,
      [...profile, astroBin, 'build', ...(env.ASTRO_VERBOSE ? [] : ['--silent'])],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
        signal,
      }
    )
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`))
    )
  })
}

function manifestOf(snap: PublicSnapshot): Manifest {
  const pages = {} as Manifest['pages']
  for (const kind of RECORD_PAGE_KINDS) {
    const { items, id } = RECORD_PAGES[kind] as {
      items: (s: PublicSnapshot) => unknown[]
      id: (item: unknown) => string
    }
    pages[kind] = Object.fromEntries(items(snap).map((item) => [id(item), digest(item)]))
  }
  return { shared: digest(sharedPageInputs(snap)), pages }
}

async function readManifest(buildDir: string): Promise<Manifest | null> {
  const text = await readFile(join(buildDir, MANIFEST), 'utf8').catch(() => null)
  return text ? (JSON.parse(text) as Manifest) : null
}

/**
 * Everything when there is no previous build or what every page shares changed (the date, the
 * jurisdiction, the districts); otherwise only the record pages that are new or whose data moved.
 */
function renderPlan(current: Manifest, previous: Manifest | null): RenderPlan {
  if (!previous || previous.shared !== current.shared) return { full: true }
  const render = {} as Record<RecordPageKind, string[]>
  for (const kind of RECORD_PAGE_KINDS) {
    const before = previous.pages[kind] ?? {}
    render[kind] = Object.entries(current.pages[kind])
      .filter(([id, hash]) => before[id] !== hash)
      .map(([id]) => id)
  }
  return { full: false, render }
}

/** Hard-link (same file system) or copy the record pages this build did not render. */
async function keepUnchanged(
  previousClient: string,
  client: string,
  current: Manifest,
  plan: Extract<RenderPlan, { full: false }>
): Promise<Set<string>> {
  const kept = new Set<string>()
  for (const kind of RECORD_PAGE_KINDS) {
    const rendered = new Set(plan.render[kind])
    for (const id of Object.keys(current.pages[kind])) {
      if (!rendered.has(id)) kept.add(recordPageFile(kind, id))
    }
  }
  // Tens of thousands of small file-system calls: a few dozen in flight, not one at a time.
  const files = [...kept]
  const inBatches = async (items: string[], each: (item: string) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(each))
  }
  await inBatches([...new Set(files.map((f) => dirname(join(client, f))))], (dir) =>
    mkdir(dir, { recursive: true })
  )
  await inBatches(files, (file) =>
    link(join(previousClient, file), join(client, file)).catch(() =>
      copyFile(join(previousClient, file), join(client, file))
    )
  )
  return kept
}

/** Fail the build if any published file carries personal information (DESIGN §6). */
async function refusePersonalInfo(
  client: string,
  snap: PublicSnapshot,
  kept: ReadonlySet<string>
): Promise<void> {
  const { publisher } = snap.jurisdiction
  const findings = await scanOutputForPersonalInfo(
    client,
    allowedContacts([publisher.phone, publisher.email]),
    kept
  )
  if (findings.length) {
    const shown = findings.slice(0, 20).map((f) => `${f.file}: ${f.kind} at ${f.position}`)
    const kinds = [...new Set(findings.map((f) => f.kind))].join('、')
    const pages = [...new Set(findings.map((f) => `/${f.file.replace(/index\.html$/, '')}`))]
    throw new BuildRefusedError(
      `personal information in the build output (${findings.length}): ${shown.join('; ')}`,
      `页面中发现${findings.length}处个人信息（${kinds}），本次更新未发布。涉及页面：` +
        `${pages.slice(0, 5).join('，')}${pages.length > 5 ? ` 等${pages.length}页` : ''}。请更正相关记录。`
    )
  }
}

/**
 * A build the checks refused (not a crash): `notice` says why in words the console can show to
 * the bureau's staff; the message keeps the English detail for the server log.
 */
export class BuildRefusedError extends Error {
  readonly notice: string
  constructor(detail: string, notice: string) {
    super(detail)
    this.name = 'BuildRefusedError'
    this.notice = notice
  }
}

/**
 * Pagefind over the full-text records (penalties and cases), written into `outputPath`. It needs
 * only the snapshot, so it runs (as Pagefind's own process) while Astro renders.
 */
async function indexRecords(outputPath: string, snap: PublicSnapshot): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  try {
    const records = searchRecords(snap)
    for (const record of records) {
      const added = await index.addCustomRecord(record)
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
    }
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
    return records.length
  } finally {
    await pagefind.close()
  }
}

/**
 * Keep the verification code of every credit report this build printed (/verify/ checks them
 * later). A partial build keeps only the re-rendered ones: the others were kept by the build
 * they come from, which was for the same date.
 */
async function keepReportCodes(
  env: NodeJS.ProcessEnv,
  snap: PublicSnapshot,
  plan: RenderPlan
): Promise<void> {
  const wanted = plan.full ? null : new Set(plan.render.creditFile)
  const files = snap.creditFiles.filter((f) => !wanted || wanted.has(f.subject.id))
  const createdAt = new Date()
  const rows = await Promise.all(
    files.map(async (file) => ({
      code: await reportCode(file),
      subjectId: file.subject.id,
      asOf: snap.asOf,
      summary: reportSummary(file),
      createdAt,
    }))
  )
  const db = createDb(readDbConfig(env))
  try {
    await saveReportCodes(db, rows)
  } finally {
    db.$close()
  }
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work
  return { value, ms: performance.now() - started }
}

async function loadSnapshot(env: NodeJS.ProcessEnv): Promise<PublicSnapshot> {
  const db = createDb(readDbConfig(env))
  try {
    return await loadPublicSnapshot(db, env.BUILD_DATE ?? todayInShanghai())
  } finally {
    db.$close()
  }
}

/**
 * Build the public site into `outDir` (client/ + server/) with its search index, reading the
 * database once. With `previous`, record pages whose data did not change are kept from it
 * instead of rendered (docs/decisions/011-incremental-builds.md). Fails (rejects) on any error,
 * so a caller never swaps in a half-built site.
 */
export async function buildSite(
  root: string,
  outDir: string,
  env = process.env,
  options: BuildOptions = {}
): Promise<BuildReport> {
  const t0 = performance.now()
  const snap = await loadSnapshot(env)
  const manifest = manifestOf(snap)
  const plan = renderPlan(manifest, options.previous ? await readManifest(options.previous) : null)
  // Handed to the Astro process in files outside outDir (Astro empties its output directory),
  // on the same file system so Pagefind's output moves into the site with a rename.
  const work = await mkdtemp(join(dirname(outDir), '.site-build-'))
  const indexing = timed(indexRecords(join(work, 'pagefind'), snap))
  try {
    const snapshotFile = join(work, 'snapshot.json')
    const planFile = join(work, 'render-plan.json')
    await writeFile(snapshotFile, JSON.stringify(snap))
    await writeFile(planFile, JSON.stringify(plan))
    const t1 = performance.now()

    await astroBuild(
      root,
      {
        ...env,
        BUILD_DATE: snap.asOf,
        SITE_OUT_DIR: outDir,
        SNAPSHOT_FILE: snapshotFile,
        RENDER_PLAN_FILE: planFile,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      options.signal
    )
    const t2 = performance.now()

    const client = join(outDir, 'client')
    const kept = plan.full
      ? new Set<string>()
      : await keepUnchanged(join(options.previous!, 'client'), client, manifest, plan)
    const t3 = performance.now()

    await refusePersonalInfo(client, snap, kept)
    // Cloudflare serves static assets with the headers and redirects these files list (the Node
    // server applies the same rules itself); the adapter's rules for /_astro/* stay first.
    const adapterHeaders = await readFile(join(client, '_headers'), 'utf8').catch(() => '')
    await writeFile(join(client, '_headers'), `${adapterHeaders}\n${cloudflareHeadersFile()}`)
    await writeFile(join(client, '_redirects'), cloudflareRedirectsFile())
    const t4 = performance.now()

    const indexed = await indexing
    await rename(join(work, 'pagefind'), join(client, 'pagefind'))
    options.signal?.throwIfAborted()
    const t5 = performance.now()

    if (options.precompress) {
      const { compareWith } = options.precompress
      await precompressSite(client, compareWith ? join(compareWith, 'client') : null)
    }
    options.signal?.throwIfAborted()
    const t5b = performance.now()

    await keepReportCodes(env, snap, plan)
    await writeFile(join(outDir, MANIFEST), JSON.stringify(manifest))
    const t6 = performance.now()

    const recordCount = RECORD_PAGE_KINDS.reduce(
      (n, kind) => n + Object.keys(manifest.pages[kind]).length,
      0
    )
    return {
      outDir,
      full: plan.full,
      renderedRecords: recordCount - kept.size,
      keptRecords: kept.size,
      searchRecords: indexed.value,
      loadMs: Math.round(t1 - t0),
      renderMs: Math.round(t2 - t1),
      keepMs: Math.round(t3 - t2),
      scanMs: Math.round(t4 - t3),
      indexMs: Math.round(indexed.ms),
      copyIndexMs: Math.round(t5 - t4),
      precompressMs: Math.round(t5b - t5),
      codesMs: Math.round(t6 - t5b),
      totalMs: Math.round(t6 - t0),
    }
  } finally {
    // A failed build still waits for Pagefind, so nothing writes into `work` after it is gone.
    await indexing.catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}
