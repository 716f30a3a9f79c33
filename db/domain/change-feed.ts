import { Feed } from 'feed'
import type { IsoDate } from './dates.ts'

/** What an Atom entry of a change feed needs; both the change feed and a subject's history fit. */
export type FeedLine = {
  on: IsoDate
  eventLabel: string
  title: string
  href: string | null
  reason: string | null
  changes?: { label: string; fromText: string; toText: string }[]
}

// Dates are calendar dates; midnight Asia/Shanghai keeps them on the right day for readers.
const at = (date: string) => new Date(`${date}T00:00:00+08:00`)

/**
 * An Atom feed of changes (公示, 更正, 撤回, 移出, 修复, 期满): each entry says what happened to
 * which record, when and why, so copies elsewhere can follow and remove what left public view.
 * Pure: used by the static feeds and by the API's per-subject feed.
 */
export function changeFeedAtom(opts: {
  title: string
  selfUrl: string
  siteUrl: string
  publisher: string
  asOf: IsoDate
  lines: FeedLine[]
}): string {
  const feed = new Feed({
    title: opts.title,
    id: opts.selfUrl,
    link: opts.siteUrl,
    language: 'zh-CN',
    copyright: opts.publisher,
    updated: at(opts.asOf),
    feedLinks: { atom: opts.selfUrl },
  })
  opts.lines.forEach((line, i) => {
    const link = new URL(line.href ?? '/', opts.siteUrl).href
    const details = [
      line.reason ? `理由：${line.reason}` : null,
      ...(line.changes ?? []).map((c) => `${c.label}：${c.fromText} → ${c.toText}`),
    ].filter(Boolean)
    feed.addItem({
      title: `${line.eventLabel}：${line.title}`,
      // Stable per line: the same change keeps its id across rebuilds.
      id: `${opts.selfUrl}#${line.on}-${i}-${encodeURIComponent(line.title)}`,
      link,
      date: at(line.on),
      description: details.join('；') || line.eventLabel,
    })
  })
  return feed.atom1()
}
