import { SitemapStream, streamToPromise } from 'sitemap'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { caseUrl, penaltyUrl, subjectUrl } from './urls.ts'

/**
 * Every page a search engine should know, from the public snapshot: only records in their
 * publicity window (expired, repaired and withdrawn records have left it), no console, no filter
 * combinations and no print views (they repeat the credit file).
 */
export function sitemapPaths(snap: PublicSnapshot): string[] {
  return [
    '/',
    '/enterprises/',
    '/penalties/',
    '/red-list/',
    '/black-list/',
    '/cases/',
    '/supervision/',
    '/campaign/',
    '/data/',
    '/feeds/',
    '/compare/',
    '/verify/',
    ...snap.subjects.map((s) => subjectUrl(s.id)),
    ...snap.penalties.map((p) => penaltyUrl(p.id)),
    ...snap.cases.map((c) => caseUrl(c.id)),
  ]
}

export async function sitemapXml(snap: PublicSnapshot, site: URL): Promise<string> {
  const stream = new SitemapStream({ hostname: site.href })
  for (const url of sitemapPaths(snap)) stream.write({ url, lastmod: snap.asOf })
  stream.end()
  return (await streamToPromise(stream)).toString('utf8')
}
