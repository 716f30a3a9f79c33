/**
 * One `astro build`, in a process started before it is needed (issue 18). Astro keeps module
 * state per process, so each build still gets a fresh one; but loading Astro, Vite, the
 * Cloudflare adapter (which loads wrangler and miniflare) and the packages the pages import
 * took about 2 s of every build. This process loads them at once, says `ready`, and builds
 * when the parent sends the build's environment. Started by functions/node/astro-runner.ts.
 */
import { build } from 'astro'

type Go = {
  type: 'build'
  root: string
  env: Record<string, string | undefined>
  verbose: boolean
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
// parent starts the build first and writes the snapshot while Astro bundles.
let inputsReady!: () => void
;(globalThis as Record<symbol, unknown>)[Symbol.for('property-credit.build-inputs')] =
  new Promise<void>((resolve) => (inputsReady = resolve))

process.on('message', async (message: Go | { type: 'inputs-ready' }) => {
  if (message.type === 'inputs-ready') return inputsReady()
  const go = message
  for (const [k, v] of Object.entries(go.env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  try {
    await build({ root: go.root, logLevel: go.verbose ? 'info' : 'silent' })
    process.send!({ ok: true }, () => process.exit(0))
  } catch (err) {
    process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () =>
      process.exit(1)
    )
  }
})
