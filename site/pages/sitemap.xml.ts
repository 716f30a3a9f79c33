import type { APIRoute } from 'astro'
import { getSnapshot } from '../lib/data.ts'
import { sitemapXml } from '../lib/sitemap.ts'

export const GET: APIRoute = async ({ site }) =>
  new Response(await sitemapXml(await getSnapshot(), site!), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
