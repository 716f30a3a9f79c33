import type { APIRoute } from 'astro'
import { getSnapshot } from '../../lib/data.ts'
import { changesFeed } from '../../lib/feeds.ts'

export const GET: APIRoute = async ({ site }) =>
  new Response(
    changesFeed(await getSnapshot(), site!, {
      path: '/feeds/lists.xml',
      title: '红黑名单变动',
      filter: (e) => e.objectType === 'list_entry',
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } }
  )
