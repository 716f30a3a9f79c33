import type { APIRoute } from 'astro'
import { env, waitUntil } from 'cloudflare:workers'
import { createDb, readDbConfig } from '../../../db/client.ts'
import { createApp } from '../../../functions/app.ts'
import { callDeployHook } from '../../../functions/deploy-hook.ts'
import { readAppConfig } from '../../../functions/env.ts'

// On Cloudflare the Hono app answers /api/* on demand; every other page is a static asset.
export const prerender = false

let app: ReturnType<typeof createApp> | undefined

/** Built once per isolate from the Worker's bindings; a publish calls the deploy hook. */
function getApp() {
  if (app) return app
  const vars = env as Record<string, string | undefined>
  const config = readAppConfig(vars)
  app = createApp({
    db: createDb(readDbConfig(vars)),
    config,
    onPublish: () => waitUntil(callDeployHook(vars, 'publish')),
  })
  return app
}

export const ALL: APIRoute = ({ request }) => getApp().fetch(request)
