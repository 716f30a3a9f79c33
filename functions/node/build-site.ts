import { mkdir, mkdtemp, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createDb, readDbConfig } from '../../db/client.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { cloudflareHeadersFile } from '../../db/domain/site-headers.ts'
import { cloudflareRedirectsFile } from '../../db/domain/site-redirects.ts'
import { saveReportCodes } from '../../db/mutations/report-codes.ts'
import {
  RECORD_PAGE_KINDS,
  recordPageFiles,
  type RecordPageKind,
  type RenderPlan,
} from '../../site/lib/record-pages.ts'
import {
  allowedContacts,
  scanOutputForPersonalInfo,
  type ScannedAlready,
} from './personal-info-scan.ts'
import { astroBuild, discardAstro } from './astro-runner.ts'
import { inBatches, linkOrCopy } from './file-batches.ts'
import { indexRecords } from './search-index.ts'
import { mergeDir } from './merge-dir.ts'
import { prepareBuildInputs, type BuildInputsReady } from './build-inputs.ts'
import { MANIFEST, readManifest, type Manifest } from './manifest.ts'
import { ENCODINGS, precompressSite } from './precompress.ts'

/** What one build did and how long each phase took, for logs and `npm run bench`. */
export type BuildReport = {
  outDir: string
  /** False when only changed record pages were rendered and the rest kept from `previous`. */
  full: boolean
  /**
   * How Astro ran: a whole `astro build`, or the last build's process rendering again without
   * bundling (functions/node/kept-renderer.ts).
   */
  astro: 'rendered again' | 'bundled'
  /** Record pages rendered / kept from the previous build. */
  renderedRecords: number
  keptRecords: number
  searchRecords: number
  loadMs: number
  renderMs: number
  keepMs: number
  scanMs: number
  /**
   * Text files the builder read back for the scan: those Astro's process did not scan as it
   * rendered them (ADR 025). 0 when every file the site has came from the render.
   */
  scanReadFiles: number
  /** When the search records were known and Pagefind started, from the build's start. */
  indexStartMs: number
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
  /**
   * `previous`'s record pages, already linked into a directory of their own by
   * `prepareKeptPages` while the server was idle; used (and consumed) when `from` is `previous`.
   */
  kept?: { from: string; dir: Promise<string> }
  /**
   * No build follows in this process (`npm run build`): Astro's process is ended once it has
   * rendered instead of being kept to render the next build (kept-renderer.ts), so that its
   * memory (≈ 1 GB at 10,000 subjects) is not held beside the scan and the index.
   */
  last?: boolean
}

/**
 * Hard-link (same file system) or copy the record pages this build did not render, with their
 * precompressed siblings when the previous build has them, into `staging`: this runs while
 * Astro renders (Astro empties its own output directory first), and `mergeDir` moves the result
 * into place afterwards with a few renames (issue 18: the links were 2–3 s at 10,000 subjects
 * on the way to a publication going live).
 */
async function keepUnchanged(
  previousClient: string,
  staging: string,
  current: Manifest,
  plan: Extract<RenderPlan, { full: false }>
): Promise<void> {
  const kept = new Set<string>()
  for (const kind of RECORD_PAGE_KINDS) {
    const rendered = new Set(plan.render[kind])
    for (const id of Object.keys(current.pages[kind])) {
      if (!rendered.has(id)) for (const file of recordPageFiles(kind, id)) kept.add(file)
    }
  }
  const files = [...kept]
  await inBatches([...new Set(files.map((f) => dirname(join(staging, f))))], 64, (dir) =>
    mkdir(dir, { recursive: true })
  )
  await inBatches(files, 64, async (file) => {
    const from = join(previousClient, file)
    const to = join(staging, file)
    await linkOrCopy(from, to)
    for (const { suffix } of ENCODINGS)
      await linkOrCopy(from + suffix, to + suffix).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err
      })
  })
}

/** Every record page a build has, as a plan that renders none of them. */
const renderNothing = (): Extract<RenderPlan, { full: false }> => ({
  full: false,
  render: Object.fromEntries(RECORD_PAGE_KINDS.map((k) => [k, []])) as unknown as Record<
    RecordPageKind,
    string[]
  >,
})

/**
 * Link every record page of a finished build (with its compressed siblings) into `staging`, for
 * the next build to take as its kept pages: the server does this while it is idle after a build
 * went live, so a publication does not wait for tens of thousands of links (issue 18).
 */
export async function prepareKeptPages(buildDir: string, staging: string): Promise<string> {
  const manifest = await readManifest(buildDir)
  if (!manifest) throw new Error(`no manifest in ${buildDir}`)
  await keepUnchanged(join(buildDir, 'client'), staging, manifest, renderNothing())
  return staging
}

/**
 * Take a prepared directory of the previous build's record pages as this build's kept pages:
 * the pages this build renders, and those that are gone, leave it first.
 */
async function usePreparedPages(
  prepared: Promise<string>,
  staging: string,
  previous: Manifest,
  current: Manifest,
  plan: Extract<RenderPlan, { full: false }>
): Promise<void> {
  await rename(await prepared, staging)
  const leaving: string[] = []
  for (const kind of RECORD_PAGE_KINDS) {
    const rendered = new Set(plan.render[kind])
    const now = current.pages[kind]
    for (const id of Object.keys(previous.pages[kind] ?? {})) {
      if (!(id in now) || rendered.has(id)) leaving.push(...recordPageFiles(kind, id))
    }
  }
  for (const file of leaving) {
    await Promise.all(
      ['', ...ENCODINGS.map((e) => e.suffix)].map((suffix) =>
        rm(join(staging, file + suffix), { force: true })
      )
    )
    // An emptied directory would be left behind in the site; a rendered page takes its place.
    await rmdir(dirname(join(staging, file))).catch(() => undefined)
  }
}

/**
 * Fail the build if any published file carries personal information (DESIGN §6). `scanned`: the
 * files Astro's process scanned as it rendered them (render-output.ts); the rest are read here.
 */
async function refusePersonalInfo(
  client: string,
  allowed: string[],
  scanned: ScannedAlready | null
): Promise<number> {
  const { findings, read } = await scanOutputForPersonalInfo(client, allowed, scanned ?? undefined)
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
  return read
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

/** Keep the verification code of every credit report this build printed (/verify/ checks them). */
async function keepReportCodes(env: NodeJS.ProcessEnv, reports: BuildInputsReady['reports']) {
  const createdAt = new Date()
  const db = createDb(readDbConfig(env))
  try {
    await saveReportCodes(
      db,
      reports.map((r) => ({ ...r, createdAt }))
    )
  } finally {
    db.$close()
  }
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work
  return { value, ms: performance.now() - started }
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
  const asOf = env.BUILD_DATE ?? todayInShanghai()
  // Handed to the Astro process in files outside outDir (Astro empties its output directory),
  // on the same file system so Pagefind's output moves into the site with a rename.
  const work = await mkdtemp(join(dirname(outDir), '.site-build-'))
  const snapshotFile = join(work, 'snapshot.json')
  const planFile = join(work, 'render-plan.json')
  // The database is read, and Astro's inputs written, in a worker thread (build-inputs.ts).
  const inputsPrepared = prepareBuildInputs(
    { env, asOf, previous: options.previous ?? null, snapshotFile, planFile },
    options.signal
  )
  // Astro starts at once: loading and bundling need no data, and its pages wait until the
  // snapshot and then the plan are written (site/lib/data.ts, issue 18).
  const rendering = astroBuild(
    root,
    {
      ...env,
      BUILD_DATE: asOf,
      SITE_OUT_DIR: outDir,
      SNAPSHOT_FILE: snapshotFile,
      RENDER_PLAN_FILE: planFile,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    options.signal,
    {
      snapshot: inputsPrepared.snapshot,
      plan: inputsPrepared.ready.then(({ contacts, reports }) => ({
        allowed: allowedContacts(contacts),
        reportCodes: reports.map((r) => [r.subjectId, r.code] as [string, string]),
      })),
    },
    // The live build, by the same code: what the bundler wrote is linked from it when the last
    // build's Astro process renders this one (functions/node/kept-renderer.ts).
    options.previous ?? null
  )
  rendering.catch(() => undefined)
  // Pagefind needs only the search records and is the longest phase beside the render: it
  // starts as soon as they arrive.
  let indexStart = 0
  const indexing = inputsPrepared.search.then(({ records }) => {
    indexStart = performance.now()
    return timed(
      indexRecords(
        join(work, 'pagefind'),
        records,
        options.previous ? join(options.previous, 'client') : null,
        { keepService: !options.last }
      )
    )
  })
  indexing.catch(() => undefined)
  let keeping: Promise<{ value: void; ms: number }> | null = null
  try {
    const {
      manifest,
      previous: previousManifest,
      plan,
      reports,
      contacts,
    } = await inputsPrepared.ready
    const t1 = performance.now()

    const staging = join(work, 'kept')
    keeping = plan.full
      ? null
      : timed(
          options.kept && options.kept.from === options.previous
            ? usePreparedPages(options.kept.dir, staging, previousManifest!, manifest, plan)
            : keepUnchanged(join(options.previous!, 'client'), staging, manifest, plan)
        )
    // Settled below; until then a failure must not go unhandled while Astro runs.
    keeping?.catch(() => undefined)

    const astro = await rendering
    if (options.last) discardAstro()
    const t2 = performance.now()

    // What Astro wrote is checked and compressed before the kept pages join it: they were
    // checked and compressed by the build they come from.
    const client = join(outDir, 'client')
    const scanning = timed(refusePersonalInfo(client, allowedContacts(contacts), astro.scanned))
    const compressing = timed(
      options.precompress
        ? precompressSite(
            client,
            options.precompress.compareWith ? join(options.precompress.compareWith, 'client') : null
          )
        : Promise.resolve(null)
    )
    // Both finish before either's failure is thrown: the caller deletes the build directory,
    // and compression still writing into it made that fail (ENOTEMPTY) in place of the refusal.
    await Promise.allSettled([scanning, compressing])
    const [scanned, compressed] = await Promise.all([scanning, compressing])
    options.signal?.throwIfAborted()
    const t3 = performance.now()

    if (keeping) {
      await keeping
      await mergeDir(join(work, 'kept'), client)
    }
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

    await keepReportCodes(env, reports)
    const { digest: search, count: searchRecords } = await inputsPrepared.search
    await writeFile(
      join(outDir, MANIFEST),
      JSON.stringify({ ...manifest, search } satisfies Manifest)
    )
    const t6 = performance.now()

    const recordCount = RECORD_PAGE_KINDS.reduce(
      (n, kind) => n + Object.keys(manifest.pages[kind]).length,
      0
    )
    const rendered = plan.full
      ? recordCount
      : RECORD_PAGE_KINDS.reduce((n, kind) => n + plan.render[kind].length, 0)
    return {
      outDir,
      full: plan.full,
      astro: astro.how,
      renderedRecords: rendered,
      keptRecords: recordCount - rendered,
      searchRecords,
      loadMs: Math.round(t1 - t0),
      renderMs: Math.round(t2 - t1),
      // Linking ran alongside the render; what is left is the merge into place.
      keepMs: Math.round(t4 - t3),
      scanMs: Math.round(scanned.ms),
      scanReadFiles: scanned.value,
      indexStartMs: Math.round(indexStart - t0),
      indexMs: Math.round(indexed.ms),
      copyIndexMs: Math.round(t5 - t4),
      // Alongside the scan.
      precompressMs: options.precompress ? Math.round(compressed.ms) : 0,
      codesMs: Math.round(t6 - t5),
      totalMs: Math.round(t6 - t0),
    }
  } finally {
    // A failed build still waits for Astro, Pagefind and the links, so nothing reads or writes
    // `work` after it is gone.
    await rendering.catch(() => undefined)
    await inputsPrepared.ready.catch(() => undefined)
    await indexing.catch(() => undefined)
    await keeping?.catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}
