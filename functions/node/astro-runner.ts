import { fork, type ChildProcess } from 'node:child_process'
import { astroHeapArgs, diedOfHeap } from './astro-heap.ts'
import type { ScannedAlready } from './personal-info-scan.ts'

const SCRIPT = new URL('./astro-process.ts', import.meta.url)

type Standby = {
  child: ChildProcess
  root: string
  ready: Promise<void>
  exited: boolean
  /** Started with a heap limit (astro-heap.ts): a build it runs out of is retried without. */
  heapLimited: boolean
}
let standby: Standby | null = null

function start(
  root: string,
  env: NodeJS.ProcessEnv,
  execArgv: string[],
  heapLimit = true
): Standby {
  const heap = heapLimit ? astroHeapArgs(env) : []
  const child = fork(SCRIPT, [], {
    cwd: root,
    // Rolldown's allocator (mimalloc) backs its arena with transparent huge pages where it may:
    // what the bundler freed stayed resident, ≈ 390 MB of a 1.1 GB process at 10,000 subjects
    // (smaps: AnonHugePages). Without them the process held 1.0 GB instead of 1.25 GB, in the
    // same time.
    env: { MIMALLOC_ALLOW_THP: '0', ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    execArgv: [...heap, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const s: Standby = {
    child,
    root,
    exited: false,
    heapLimited: heap.length > 0,
    ready: new Promise((resolve, reject) => {
      child.once('message', () => resolve())
      child.once('exit', (code, exitSignal) => reject(exitError(s, code, exitSignal)))
    }),
  }
  s.ready.catch(() => undefined)
  child.once('exit', () => (s.exited = true))
  // A waiting standby must not keep the server (or a test) alive.
  child.unref()
  child.channel?.unref()
  return s
}

/**
 * The process of the last build, kept to render the next one without bundling again
 * (kept-renderer.ts). While there is one, no standby is needed.
 */
let renderer: Standby | null = null
/**
 * Renders one kept process does before it is retired and the next build bundles afresh: a
 * bound on whatever a long-lived process might accumulate, at the cost of one slower build.
 */
const RENDERS_PER_PROCESS = 100
let renders = 0
const usable = (s: Standby | null, root: string): s is Standby =>
  s !== null && !s.exited && s.root === root

/**
 * Start the process the next build will use, so that it has loaded Astro by the time a
 * publication arrives. Called after each build and at server start; harmless to call twice.
 */
export function prepareAstro(root: string, env: NodeJS.ProcessEnv = process.env): void {
  if (usable(renderer, root) || usable(standby, root)) return
  standby = start(root, env, [])
}

/** Resolves once the prepared process (if any) has loaded what it preloads. */
export async function astroPrepared(): Promise<void> {
  await standby?.ready.catch(() => undefined)
}

/** Stop a waiting process (shutdown, tests). */
export function discardAstro(): void {
  standby?.child.kill()
  standby = null
  renderer?.child.kill()
  renderer = null
}

/**
 * When the pages' input files are written (see astroBuild); the plan's promise may give the
 * published contacts the personal-information scan allows (render-output.ts) and the report code
 * of each credit file the build prints (site/lib/report-codes.ts).
 */
export type BuildInputsWritten = {
  snapshot: Promise<unknown>
  plan: Promise<{ allowed: string[]; reportCodes: [string, string][] } | void>
}

/** How Astro ran, and the files it scanned as it rendered them (null: none, see render-output.ts). */
export type AstroBuilt = { how: 'rendered again' | 'bundled'; scanned: ScannedAlready | null }

/**
 * Run `astro build` for `root` with `env`: in the prepared process when there is one, else in a
 * new one. With `previous` (a build of the same code) and a process kept from the last build,
 * only the rendering is done again (kept-renderer.ts); should that fail, a full `astro build`
 * follows. ASTRO_CPU_PROF=DIR profiles a fresh process (covering the loading); ASTRO_VERBOSE=1
 * shows Astro's own log.
 */
export async function astroBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  /**
   * Resolve once the files the pages read are written, SNAPSHOT_FILE first, then RENDER_PLAN_FILE:
   * Astro loads and bundles meanwhile, and its pages wait for them (site/lib/data.ts); the
   * snapshot is parsed while the plan is worked out. A rejection stops the build.
   */
  inputs: BuildInputsWritten = { snapshot: Promise.resolve(), plan: Promise.resolve() },
  previous: string | null = null
): Promise<AstroBuilt> {
  const profile = env.ASTRO_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.ASTRO_CPU_PROF}`] : []
  const kept = renderer
  renderer = null
  if (usable(kept, root) && previous && !profile.length && renders < RENDERS_PER_PROCESS) {
    try {
      const { scan } = await runIn(kept, { type: 'render', env, previous }, signal, inputs)
      renderer = kept
      renders++
      return { how: 'rendered again', scanned: scan ?? null }
    } catch (err) {
      kept.child.kill()
      if (signal?.aborted) throw err
      console.error(
        JSON.stringify({
          msg: 'rendering again failed; building afresh',
          error: err instanceof Error ? err.message : String(err),
        })
      )
    }
  } else kept?.child.kill()
  let s = standby
  standby = null
  if (!usable(s, root) || profile.length) {
    s?.child.kill()
    s = start(root, env, profile)
  }
  renders = 0
  const go = { type: 'build', root, env, verbose: Boolean(env.ASTRO_VERBOSE) } as const
  let answer: Answer
  try {
    answer = await runIn(s, go, signal, inputs)
  } catch (err) {
    if (!(err instanceof HeapExhausted)) throw err
    // The heap limit was too small for this data after all: once more, as Node would size it.
    console.error(
      JSON.stringify({ msg: 'astro build ran out of its heap limit; retrying without' })
    )
    s = start(root, env, profile, false)
    answer = await runIn(s, go, signal, inputs)
  }
  if (answer.kept) renderer = s
  return { how: 'bundled', scanned: answer.scan ?? null }
}

class HeapExhausted extends Error {}

function exitError(s: Standby, code: number | null, signal: NodeJS.Signals | null): Error {
  return s.heapLimited && diedOfHeap(code, signal)
    ? new HeapExhausted(`astro process ran out of its heap limit (${signal ?? code})`)
    : new Error(`astro process exited with code ${code}`)
}

type Answer = { ok?: true; kept?: true; error?: string; scan?: ScannedAlready | null }

/** Send one build or render to a process and wait for its answer. */
async function runIn(
  s: Standby,
  message: { type: 'build' | 'render' } & Record<string, unknown>,
  signal: AbortSignal | undefined,
  inputs: BuildInputsWritten
): Promise<Answer> {
  const child = s.child
  // Someone waits for it now: it keeps this process alive until it answers.
  child.ref()
  child.channel?.ref()
  const onAbort = () => child.kill()
  signal?.addEventListener('abort', onAbort, { once: true })
  let onMessage: ((m: unknown) => void) | undefined
  let onExit: ((code: number | null, exitSignal: NodeJS.Signals | null) => void) | undefined
  try {
    signal?.throwIfAborted()
    await s.ready
    signal?.throwIfAborted()
    const answer = await new Promise<Answer>((resolve, reject) => {
      onMessage = (m) => resolve(m as Answer)
      onExit = (code, exitSignal) =>
        reject(signal?.aborted ? signal.reason : exitError(s, code, exitSignal))
      child.once('message', onMessage)
      child.once('exit', onExit)
      child.send(message)
      inputs.snapshot.then(
        () => child.connected && child.send({ type: 'snapshot-ready' }),
        () => child.kill()
      )
      inputs.plan.then(
        (given) =>
          child.connected &&
          child.send({
            type: 'inputs-ready',
            allowed: given?.allowed,
            reportCodes: given?.reportCodes,
          }),
        () => child.kill()
      )
    })
    if (answer.error) throw new Error(`astro ${message.type} failed: ${answer.error}`)
    return answer
  } finally {
    signal?.removeEventListener('abort', onAbort)
    if (onMessage) child.off('message', onMessage)
    if (onExit) child.off('exit', onExit)
    // A kept process waits for the next build without keeping the server (or a test) alive.
    child.unref()
    child.channel?.unref()
  }
}
