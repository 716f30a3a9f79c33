import type { APIRoute } from 'astro'
import { getSnapshot } from '../../lib/data.ts'
import { changesFeed } from '../../lib/feeds.ts'

export const GET: APIRoute = async ({ site }) =>
  new Response(
    changesFeed(await getSnapshot(), site!, { path: '/feeds/changes.xml', title: '信息变更' }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } }
  )
