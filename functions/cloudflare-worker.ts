/**
 * The Cloudflare Worker's entry (wrangler.toml "main"): Astro's handler answers requests (static
 * assets, and /api/* through the Hono app), and a daily cron trigger rebuilds the site so that
 * records whose publicity period ended leave it shortly after midnight, Asia/Shanghai (cron
 * times are UTC: 16:05 UTC is 00:05 in Shanghai).
 */
import astro from '@astrojs/cloudflare/entrypoints/server'
import { callDeployHook } from './deploy-hook.ts'

type ScheduledCtx = { waitUntil(promise: Promise<unknown>): void }

export default {
  fetch: astro.fetch,
  scheduled(_controller: unknown, env: Record<string, unknown>, ctx: ScheduledCtx) {
    ctx.waitUntil(callDeployHook(env, 'daily'))
  },
}
