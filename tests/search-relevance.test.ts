import * as OpenCC from 'opencc-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../db/domain/jurisdiction.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../db/queries/index.ts'
import { generateSeedData } from '../scripts/seed/generate.ts'
import { writeSeedData } from '../scripts/seed/write.ts'
import { createTestDb } from './helpers/test-db.ts'
import { exactShards } from '../site/lib/exact-index.ts'
import { nameIndex } from '../site/lib/name-search.ts'
import { searchSubjects, type ShardReader } from '../site/lib/subject-search.ts'
import { penaltyUrl, subjectUrl } from '../site/lib/urls.ts'

/*
 * Issue 15: a relevance set over the seed generator's names, run through the same code the search
 * page runs, against the index files the build writes. Each query has the result a resident
 * expects first, or none: full names, 2–4-character fragments, USCCs, 决定书文号 typed with
 * ordinary brackets, traditional characters, one-character typos and nonsense sharing a common
 * word (物业服务, 委员会). The first-result precision is printed and must be 100 %.
 */
const TODAY = '2026-11-27'
let snap: PublicSnapshot
let read: ShardReader
let t: Awaited<ReturnType<typeof createTestDb>>

beforeAll(async () => {
  t = await createTestDb()
  await writeSeedData(
    t.db,
    generateSeedData(DEFAULT_JURISDICTION, { subjects: 300, seed: 1, today: TODAY })
  )
  snap = await loadPublicSnapshot(t.db, TODAY)
  const names = nameIndex(snap)
  const exact = exactShards(snap)
  // The files the build writes under /search/names/ and /search/exact/.
  read = async <T>(path: string) => {
    const [, , dir, file] = path.split('/')
    const n = Number(file!.replace('.json', ''))
    return ((dir === 'names' ? names.shards[n] : exact[n]) ?? {}) as Record<string, T>
  }
})
afterAll(() => t.cleanup())

type Case = { label: string; query: string; expected: string | null }

function relevanceSet(): Case[] {
  const cases: Case[] = []
  const all = snap.subjects
  const byKind = (kind: string) => all.filter((s) => s.kind === kind)
  const picks = [
    ...byKind('property_company').slice(0, 4),
    ...byKind('developer').slice(0, 2),
    ...byKind('owners_committee').slice(0, 2),
  ]
  for (const s of picks) cases.push({ label: '全称', query: s.name, expected: subjectUrl(s.id) })
  // A fragment of 2–4 characters that only this subject's name contains.
  const unique = (s: (typeof all)[number]) => {
    const chars = [...s.name]
    for (const len of [2, 3, 4])
      for (let i = 2; i + len <= chars.length; i++) {
        const part = chars.slice(i, i + len).join('')
        if (all.filter((x) => x.name.includes(part)).length === 1) return part
      }
    return null
  }
  for (const s of [
    ...byKind('property_company').slice(4, 10),
    ...byKind('owners_committee').slice(2, 4),
  ]) {
    const part = unique(s)
    if (part)
      cases.push({ label: `片段 ${[...part].length} 字`, query: part, expected: subjectUrl(s.id) })
  }
  for (const s of all.filter((x) => x.uscc).slice(10, 14))
    cases.push({ label: '统一社会信用代码', query: s.uscc!, expected: subjectUrl(s.id) })
  // People type 文号 brackets as they come: (2026) for 〔2026〕.
  for (const p of snap.penalties.slice(0, 3))
    cases.push({
      label: '决定书文号',
      query: p.decisionNo.replace('〔', '(').replace('〕', ')'),
      expected: penaltyUrl(p.id),
    })
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })
  for (const s of byKind('property_company').slice(12, 15))
    cases.push({ label: '繁体全称', query: toTraditional(s.name), expected: subjectUrl(s.id) })
  // One character replaced by one no name has: nothing, rather than a different company.
  for (const s of byKind('property_company').slice(15, 19)) {
    const chars = [...s.name]
    chars[3] = '龘'
    cases.push({ label: '错一个字', query: chars.join(''), expected: null })
  }
  for (const query of [
    '甲乙丙丁戊己委员会',
    '子丑寅卯辰巳业主委员会',
    '玄黄洪荒物业服务有限公司',
    '乾坤艮兑物业管理',
    '癸亥委员会',
  ])
    cases.push({ label: '无意义＋常用词', query, expected: null })
  return cases
}

describe('search relevance', () => {
  it('puts the expected result first (or none) for every query of the set', async () => {
    const cases = relevanceSet()
    expect(cases.length).toBeGreaterThanOrEqual(30)
    const wrong: string[] = []
    for (const c of cases) {
      const results = await searchSubjects(c.query, nameIndex(snap).info, read)
      const first = results[0]?.url ?? null
      if (first !== c.expected)
        wrong.push(
          `${c.label} “${c.query}”: expected ${c.expected ?? 'none'}, got ${first ?? 'none'}`
        )
    }
    const precision = (cases.length - wrong.length) / cases.length
    console.log(
      `search relevance: first-result precision ${(precision * 100).toFixed(1)} % over ${cases.length} queries`
    )
    expect(wrong).toEqual([])
  })

  it('lists only names holding every character of the query', async () => {
    const results = await searchSubjects('甲乙丙学府委员会', nameIndex(snap).info, read)
    expect(results).toEqual([])
    const committees = await searchSubjects('业主委员会', nameIndex(snap).info, read)
    // A common word alone reads no shard (too common to index): the page says there is no match
    // and suggests what to try, rather than listing hundreds.
    expect(committees.length).toBeLessThanOrEqual(50)
  })
})
