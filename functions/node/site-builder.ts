import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises'
import { astroPrepared, discardAstro, prepareAstro } from './astro-runner.ts'
import { join, resolve, sep } from 'node:path'
import { todayInShanghai, type IsoDate } from '../../db/domain/dates.ts'
import { removeTree } from './file-batches.ts'
import { prepareInputsWorker } from './build-inputs.ts'
import { closeSearchService } from './search-index.ts'
import { BuildRefusedError, buildSite, prepareKeptPages, type BuildReport } from './build-site.ts'

export type BuildState = {
  state: 'idle' | 'queued' | 'building' | 'failed'
  lastSuccessAt: string | null
  /** The Asia/Shanghai date the live site was built for (its "today" for publicity periods). */
  builtFor: IsoDate | null
  lastError: string | null
  /** The last failure, for the console: when, and why in Chinese (cleared by a good build). */
  failure: { at: string; notice: string } | null
  pending: boolean
  /** Phases and timings of the last successful build (console, `npm run bench`). */
  lastReport: Omit<BuildReport, 'outDir'> | null
}

/**
 * Rebuilds the static site into a fresh directory and swaps a `live` symlink to it atomically
 * (rename over the link), so readers see the old site or the new one, never a half-built one.
 * Requests made while a build runs coalesce into one follow-up build.
 */
export class SiteBuilder {
  private running: Promise<void> | null = null
  private again = false
  private runs = 0
  private builtThisProcess = false
  private abort: AbortController | null = null
  private stopping = false
  private status: BuildState = {
    state: 'idle',
    lastSuccessAt: null,
    builtFor: null,
    lastError: null,
    failure: null,
    pending: false,
    lastReport: null,
  }

  private readonly root: string
  private readonly clock: () => number
  private readonly buildsDir: string
  /** The environment builds run with (the database among it). */
  readonly env: NodeJS.ProcessEnv

  /**
   * `clock` decides the date each build is for (BUILD_DATE), so tests can move time; an explicit
   * BUILD_DATE in `env` pins it instead.
   */
  constructor(
    root: string,
    buildsDir: string,
    env: NodeJS.ProcessEnv = process.env,
    clock: () => number = Date.now
  ) {
    // Astro's prerender bundle imports packages relative to the output directory, so builds
    // must sit inside the project tree where node_modules resolves.
    if (!resolve(buildsDir).startsWith(resolve(root) + sep)) {
      throw new Error(`SiteBuilder: ${buildsDir} must be inside ${root}`)
    }
    this.root = root
    this.buildsDir = buildsDir
    this.env = env
    this.clock = clock
  }

  /** The directory currently served (`<build>/client`), or null before the first build. */
  async liveClientDir(): Promise<string | null> {
    const build = await this.liveBuildDir()
    return build ? join(build, 'client') : null
  }

  /** Builds run by this process, failed ones included (matrix K5 counts them). */
  get buildsRun(): number {
    return this.runs
  }

  get state(): BuildState {
    return { ...this.status, pending: this.again }
  }

  /** True once stop() was called: no build runs, and no waiting publish may count as built. */
  get stopped(): boolean {
    return this.stopping
  }

  /**
   * Graceful shutdown: abandon a running build (Astro's process is killed, its directory removed,
   * the live site untouched) and start no other. Publishes it would have included stay pending
   * in the outbox, so the next start builds them.
   */
  async stop(): Promise<void> {
    this.stopping = true
    this.again = false
    this.abort?.abort()
    await this.running?.catch(() => undefined)
    await this.removing
    await this.kept?.dir.catch(() => undefined)
    discardAstro()
    await closeSearchService()
  }

  /** Ask for a rebuild; resolves when a build that includes this request has finished. */
  request(): Promise<void> {
    if (this.stopping) return Promise.resolve()
    if (this.running) {
      this.again = true
      this.status.state = this.status.state === 'building' ? 'building' : 'queued'
      return this.running.then(() => this.running ?? undefined)
    }
    this.running = this.loop().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      this.runs++
      this.status.state = 'building'
      try {
        const builtFor = this.env.BUILD_DATE ?? todayInShanghai(new Date(this.clock()))
        const lastReport = await this.buildOnce(builtFor)
        this.status = {
          state: 'idle',
          lastSuccessAt: new Date().toISOString(),
          builtFor,
          lastError: null,
          failure: null,
          pending: false,
          lastReport,
        }
      } catch (err) {
        if (this.stopping) break
        const notice =
          err instanceof BuildRefusedError
            ? err.notice
            : '网站生成程序出错，本次更新未发布；详情见服务器日志，请联系运维人员。'
        this.status = {
          ...this.status,
          state: 'failed',
          lastError: String(err),
          failure: { at: new Date().toISOString(), notice },
        }
        console.error({ msg: 'site build failed; the previous site stays live', err: String(err) })
      }
    } while (this.again && !this.stopping)
  }

  private async buildOnce(builtFor: IsoDate): Promise<Omit<BuildReport, 'outDir'>> {
    await mkdir(this.buildsDir, { recursive: true })
    const id = `build-${Date.now()}`
    const outDir = join(this.buildsDir, id)
    // The first build of a process renders everything (the code may have changed since the live
    // build was made); later ones keep the record pages whose data did not change.
    const live = await this.liveBuildDir()
    const previous = this.builtThisProcess ? live : null
    let report: BuildReport
    this.abort = new AbortController()
    const kept = this.kept
    this.kept = null
    try {
      report = await buildSite(
        this.root,
        outDir,
        { ...this.env, BUILD_DATE: builtFor },
        // Precompression compares bytes, so even the first build of a process may reuse files.
        {
          previous,
          precompress: { compareWith: live },
          signal: this.abort.signal,
          kept: kept ?? undefined,
        }
      )
      console.log({ msg: 'site built', ...report })
    } catch (err) {
      await rm(outDir, { recursive: true, force: true })
      throw err
    } finally {
      this.abort = null
      // Consumed (moved into the build) or not wanted (a full build): either way it is done.
      if (kept)
        void kept.dir.then(
          (dir) => rm(dir, { recursive: true, force: true }),
          () => {}
        )
    }
    const tmpLink = join(this.buildsDir, `live-${id}`)
    await symlink(id, tmpLink)
    await rename(tmpLink, join(this.buildsDir, 'live'))
    this.live = Promise.resolve(join(this.buildsDir, id))
    this.builtThisProcess = true
    // While nobody waits, the next publication's Astro process and inputs worker load
    // (astro-runner.ts, build-inputs.ts) and this build's record pages are linked for it to keep.
    prepareAstro(this.root, { ...this.env, BUILD_DATE: builtFor })
    prepareInputsWorker()
    const dir = prepareKeptPages(outDir, join(this.buildsDir, `.kept-${id}`))
    dir.catch((err) => console.error({ msg: 'preparing kept pages failed', err: String(err) }))
    this.kept = { from: outDir, dir }
    // In the background: deleting a whole old build (tens of thousands of files at 10,000
    // subjects) took seconds, and a publication right after this one waited for it (issue 18).
    this.removing = this.removing
      .then(() => this.removeOldBuilds(id))
      .catch((err) => console.error({ msg: 'removing old builds failed', err: String(err) }))
    // The console shows the timings; where the build sits on disk is not its business.
    const { outDir: _, ...timings } = report
    return timings
  }

  /**
   * Read from the `live` link once, then remembered: only this builder moves the link, and every
   * static request asks, and the answer changes only when this builder swaps.
   */
  private live: Promise<string | null> | null = null
  private liveBuildDir(): Promise<string | null> {
    this.live ??= readlink(join(this.buildsDir, 'live')).then(
      (target) => join(this.buildsDir, target),
      () => null
    )
    return this.live
  }

  private removing: Promise<void> = Promise.resolve()
  private kept: { from: string; dir: Promise<string> } | null = null

  /**
   * Keep the live build and the one before it (in-flight requests may still read it), and every
   * newer one: the next build may already be writing while this runs.
   */
  private async removeOldBuilds(liveId: string): Promise<void> {
    const builds = (await readdir(this.buildsDir)).filter((n) => n.startsWith('build-')).sort()
    const older = builds.slice(0, Math.max(0, builds.indexOf(liveId) - 1))
    for (const name of older) await removeTree(join(this.buildsDir, name))
    // Kept pages prepared for an earlier build and never used (a process that stopped).
    const stale = (await readdir(this.buildsDir)).filter(
      (n) => n.startsWith('.kept-build-') && n < `.kept-${liveId}`
    )
    for (const name of stale) await removeTree(join(this.buildsDir, name))
  }

  /**
   * Resolves once the work a build leaves behind is done: old builds gone, kept pages linked,
   * the next Astro process loaded.
   */
  async settled(): Promise<void> {
    await this.removing
    await this.kept?.dir.catch(() => undefined)
    await astroPrepared()
  }
}
