import type { APIRoute } from 'astro'
import { getSnapshot } from '../../lib/data.ts'
import { penaltiesFeed } from '../../lib/feeds.ts'

export const GET: APIRoute = async ({ site }) =>
  new Response(penaltiesFeed(await getSnapshot(), site!), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
