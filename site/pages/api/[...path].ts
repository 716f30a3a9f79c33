import type { APIRoute } from 'astro'
import { env } from 'cloudflare:workers'
import { createApp } from '../../../functions/app.ts'

// On Cloudflare the Hono app answers /api/* on demand; every other page is a static asset.
export const prerender = false

const app = createApp()

export const ALL: APIRoute = ({ request }) => app.fetch(request, env)
