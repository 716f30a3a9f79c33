import { Feed } from 'feed'
import { changeFeedAtom } from '../../db/domain/change-feed.ts'
import type { ChangeEntry } from '../../db/queries/change-entries.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { caseUrl, penaltyUrl } from './urls.ts'

const FEED_SIZE = 50

function baseFeed(snap: PublicSnapshot, site: URL, path: string, title: string): Feed {
  return new Feed({
    title: `${snap.jurisdiction.siteName} - ${title}`,
    id: new URL(path, site).href,
    link: new URL('/', site).href,
    language: 'zh-CN',
    copyright: snap.jurisdiction.publisher.name,
    updated: new Date(`${snap.asOf}T00:00:00+08:00`),
    feedLinks: { atom: new URL(path, site).href },
  })
}

// Dates are calendar dates; midnight Asia/Shanghai keeps them on the right day for readers.
const at = (date: string) => new Date(`${date}T00:00:00+08:00`)

/** Atom feed of the newest penalties in their publicity window. */
export function penaltiesFeed(snap: PublicSnapshot, site: URL): string {
  const feed = baseFeed(snap, site, '/feeds/penalties.xml', '行政处罚')
  for (const p of snap.penalties.slice(0, FEED_SIZE)) {
    const link = new URL(penaltyUrl(p.id), site).href
    feed.addItem({
      title: `${p.partyName} ${p.decisionNo}`,
      id: link,
      link,
      date: at(p.decisionDate),
      description: p.content,
    })
  }
  return feed.atom1()
}

/** Atom feed of the newest typical cases. */
export function casesFeed(snap: PublicSnapshot, site: URL): string {
  const feed = baseFeed(snap, site, '/feeds/cases.xml', '典型案例')
  for (const c of snap.cases.slice(0, FEED_SIZE)) {
    const link = new URL(caseUrl(c.id), site).href
    feed.addItem({
      title: c.title,
      id: link,
      link,
      date: at(c.publishedOn),
      description: c.outcome,
    })
  }
  return feed.atom1()
}

/** The change feed, optionally for one district: what appeared, changed or left public view. */
export function changesFeed(
  snap: PublicSnapshot,
  site: URL,
  opts: { path: string; title: string; filter?: (e: ChangeEntry) => boolean }
): string {
  return changeFeedAtom({
    title: `${snap.jurisdiction.siteName} - ${opts.title}`,
    selfUrl: new URL(opts.path, site).href,
    siteUrl: new URL('/', site).href,
    publisher: snap.jurisdiction.publisher.name,
    asOf: snap.asOf,
    lines: snap.changes.filter(opts.filter ?? (() => true)).slice(0, 200),
  })
}
