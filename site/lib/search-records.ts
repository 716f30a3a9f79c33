import type { SearchablePart } from '../../db/queries/public-snapshot.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import { districtName } from './format.ts'
import { caseUrl, penaltyUrl } from './urls.ts'

/**
 * The full-text search records: penalties and typical cases in their publicity window, built
 * from the snapshot rather than parsed back out of the pages (issue 6: parsing every page cost
 * minutes at 10,000 subjects). Subjects are found by name, code and 文号 through the compact name
 * and exact indexes instead, so the full-text index grows with the records people read in full.
 */
export type SearchRecord = {
  url: string
  content: string
  language: 'zh-cn'
  meta: { title: string }
  filters: Record<string, string[]>
}

/** Markdown marks out of the indexed text, so excerpts read as prose. */
const plain = (markdown: string) => markdown.replace(/[*_#>`~|[\]]+/g, ' ')

export function searchRecords({ penalties, cases, districts }: SearchablePart): SearchRecord[] {
  const records: SearchRecord[] = []
  for (const p of penalties) {
    const district = districtName(districts, p.districtCode)
    records.push({
      url: penaltyUrl(p.id),
      content: [
        p.decisionNo,
        p.partyName,
        district,
        p.authorityName,
        findViolationType(p.violationType)?.title ?? '',
        p.facts,
        p.legalBasis,
        p.content,
      ].join('\n'),
      language: 'zh-cn',
      meta: { title: `行政处罚 ${p.decisionNo}（${p.partyName}）` },
      filters: { 县区: [district], 类别: ['行政处罚'] },
    })
  }
  for (const c of cases) {
    const district = districtName(districts, c.districtCode)
    records.push({
      url: caseUrl(c.id),
      content: [c.title, district, c.background, c.violationFacts, c.legalBasis, c.outcome]
        .map(plain)
        .join('\n'),
      language: 'zh-cn',
      meta: { title: `典型案例 ${c.title}` },
      filters: { 县区: [district], 类别: ['典型案例'] },
    })
  }
  return records
}
