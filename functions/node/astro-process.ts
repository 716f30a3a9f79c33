/**
 * One `astro build`, in a process started before it is needed (issue 18). Astro keeps module
 * state per process, so each build still gets a fresh one; but loading Astro, Vite, the
 * Cloudflare adapter (which loads wrangler and miniflare) and the packages the pages import
 * took about 2 s of every build. This process loads them at once, says `ready`, and builds
 * when the parent sends the build's environment. Started by functions/node/astro-runner.ts.
 */
import { build } from 'astro'
import { keepAfterBuild, keepRendererIntegration, renderAgain } from './kept-renderer.ts'
import { offerQrWorker } from './qr-worker-pool.ts'
import { beginRenderOutput, closeRenderOutput, endRenderOutput } from './render-output.ts'
import { givePrintedReportCodes } from '../../site/lib/report-codes.ts'

type Go = {
  type: 'build'
  root: string
  env: Record<string, string | undefined>
  verbose: boolean
}
/** Render again with what the last build kept (kept-renderer.ts), linking from `previous`. */
type Again = {
  type: 'render'
  env: Record<string, string | undefined>
  previous: string
}

// Packages the build itself and the prerendered pages load; a failure here is only a missed
// head start, the build imports them again.
await Promise.all(
  [
    import('@astrojs/cloudflare'),
    import('@cloudflare/vite-plugin'),
    import('wrangler'),
    import('vite'),
    import('exceljs'),
    import('opencc-js'),
    import('feed'),
    import('qrcode'),
    import('csv-stringify/sync'),
    import('drizzle-orm'),
    import('@libsql/client'),
  ].map((loading) => loading.catch(() => undefined))
)
// The parent went away (stopped, or a test ended): nothing will ever be asked of this process.
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true }, (err: Error | null) => {
  if (err) process.exit(0)
})

// The pages' data loader (site/lib/data.ts) waits on this before reading the snapshot: the
// parent starts the build first and writes the snapshot while Astro bundles. Each build or
// render gets a new one, so the pages never read the last build's files.
let inputsReady!: () => void
let snapshotReady!: () => void
function awaitInputs() {
  const g = globalThis as Record<symbol, unknown>
  g[Symbol.for('property-credit.build-inputs')] = new Promise<void>(
    (resolve) => (inputsReady = resolve)
  )
  // The snapshot is written before the plan: the pages parse it while the plan is worked out.
  g[Symbol.for('property-credit.build-snapshot')] = new Promise<void>(
    (resolve) => (snapshotReady = resolve)
  )
}

function useEnv(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
}

offerQrWorker()

// astro.config.mjs adds this integration when it finds it here (an inline `integrations` option
// would replace the adapter's).
;(globalThis as Record<symbol, unknown>)[Symbol.for('property-credit.keep-renderer')] =
  keepRendererIntegration()

process.on(
  'message',
  async (
    message:
      | Go
      | Again
      | { type: 'inputs-ready'; allowed?: string[]; reportCodes?: [string, string][] }
      | { type: 'snapshot-ready' }
  ) => {
    if (message.type === 'inputs-ready') {
      // Before any page renders: they wait for the inputs.
      beginRenderOutput(message.allowed)
      givePrintedReportCodes(message.reportCodes)
      return inputsReady()
    }
    if (message.type === 'snapshot-ready') return snapshotReady()
    useEnv(message.env)
    awaitInputs()
    closeRenderOutput()
    // The last build's codes must never print on this one's pages.
    givePrintedReportCodes(undefined)
    try {
      if (message.type === 'render') {
        await renderAgain(process.env.SITE_OUT_DIR!, message.previous)
        process.send!({ ok: true, scan: await endRenderOutput() })
        return
      }
      await build({
        root: message.root,
        logLevel: message.verbose ? 'info' : 'silent',
      })
      // Kept for the next build when it can be (kept-renderer.ts); otherwise this process is done.
      const scan = await endRenderOutput()
      if (await keepAfterBuild(process.env.SITE_OUT_DIR!))
        process.send!({ ok: true, kept: true, scan })
      else process.send!({ ok: true, scan }, () => process.exit(0))
    } catch (err) {
      process.send!(
        { error: err instanceof Error ? (err.stack ?? err.message) : String(err) },
        () => process.exit(1)
      )
    }
  }
)
