import { fork, type ChildProcess } from 'node:child_process'

const SCRIPT = new URL('./astro-process.ts', import.meta.url)

type Standby = { child: ChildProcess; root: string; ready: Promise<void>; exited: boolean }
let standby: Standby | null = null

function start(root: string, env: NodeJS.ProcessEnv, execArgv: string[]): Standby {
  const child = fork(SCRIPT, [], {
    cwd: root,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const s: Standby = {
    child,
    root,
    exited: false,
    ready: new Promise((resolve, reject) => {
      child.once('message', () => resolve())
      child.once('exit', (code) => reject(new Error(`astro process exited with code ${code}`)))
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
 * Start the process the next build will use, so that it has loaded Astro by the time a
 * publication arrives. Called after each build and at server start; harmless to call twice.
 */
export function prepareAstro(root: string, env: NodeJS.ProcessEnv = process.env): void {
  if (standby && !standby.exited && standby.root === root) return
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
}

/**
 * Run `astro build` for `root` with `env`: in the prepared process when there is one, else in a
 * new one. ASTRO_CPU_PROF=DIR profiles it (a fresh process, so the profile covers the loading);
 * ASTRO_VERBOSE=1 shows Astro's own log.
 */
export async function astroBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  /**
   * Resolves once the files the pages read (SNAPSHOT_FILE, RENDER_PLAN_FILE) are written: Astro
   * loads and bundles meanwhile, and its pages wait for it (site/lib/data.ts). A rejection
   * stops the build.
   */
  inputs: Promise<void> = Promise.resolve()
): Promise<void> {
  const profile = env.ASTRO_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.ASTRO_CPU_PROF}`] : []
  let s = standby
  standby = null
  if (!s || s.exited || s.root !== root || profile.length) {
    s?.child.kill()
    s = start(root, env, profile)
  }
  const child = s.child
  // Someone waits for it now: it keeps this process alive until it answers.
  child.ref()
  child.channel?.ref()
  const onAbort = () => child.kill()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    signal?.throwIfAborted()
    await s.ready
    signal?.throwIfAborted()
    const answer = await new Promise<{ ok?: true; error?: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { ok?: true; error?: string }))
      child.once('exit', (code) =>
        reject(signal?.aborted ? signal.reason : new Error(`astro build exited with code ${code}`))
      )
      child.send({ type: 'build', root, env, verbose: Boolean(env.ASTRO_VERBOSE) })
      inputs.then(
        () => child.connected && child.send({ type: 'inputs-ready' }),
        () => child.kill()
      )
    })
    if (answer.error) throw new Error(`astro build failed: ${answer.error}`)
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}
