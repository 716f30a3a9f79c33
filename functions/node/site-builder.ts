import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { todayInShanghai, type IsoDate } from '../../db/domain/dates.ts'
import { BuildRefusedError, buildSite, type BuildReport } from './build-site.ts'

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
  private readonly env: NodeJS.ProcessEnv

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
    try {
      report = await buildSite(
        this.root,
        outDir,
        { ...this.env, BUILD_DATE: builtFor },
        // Precompression compares bytes, so even the first build of a process may reuse files.
        { previous, precompress: { compareWith: live }, signal: this.abort.signal }
      )
      console.log({ msg: 'site built', ...report })
    } catch (err) {
      await rm(outDir, { recursive: true, force: true })
      throw err
    } finally {
      this.abort = null
    }
    const tmpLink = join(this.buildsDir, `live-${id}`)
    await symlink(id, tmpLink)
    await rename(tmpLink, join(this.buildsDir, 'live'))
    this.live = Promise.resolve(join(this.buildsDir, id))
    this.builtThisProcess = true
    await this.removeOldBuilds(id)
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

  /** Keep the live build and the one before it (in-flight requests may still read it). */
  private async removeOldBuilds(liveId: string): Promise<void> {
    const builds = (await readdir(this.buildsDir)).filter((n) => n.startsWith('build-')).sort()
    const keep = new Set([liveId, builds[builds.indexOf(liveId) - 1]])
    for (const name of builds) {
      if (!keep.has(name)) await rm(join(this.buildsDir, name), { recursive: true, force: true })
    }
  }
}
