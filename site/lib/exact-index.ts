import { EXACT_SHARDS, exactKey, exactShard, type ExactHit } from '../../db/domain/exact-lookup.ts'
import { subjectKindLabel } from '../../db/domain/labels.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { districtName } from './format.ts'
import { penaltyUrl, subjectUrl } from './urls.ts'

/**
 * The exact look-up shards: subjects by full name and by USCC / platform id, penalties in their
 * publicity window by 决定书文号. Every shard exists, even when empty, so a miss is a 200 `{}`.
 */
export function exactShards({ subjects, penalties, districts }: PublicSnapshot) {
  const shards: Record<string, ExactHit[]>[] = Array.from({ length: EXACT_SHARDS }, () => ({}))
  const add = (keys: string[], hit: ExactHit) => {
    for (const key of new Set(keys.map(exactKey))) (shards[exactShard(key)]![key] ??= []).push(hit)
  }
  for (const s of subjects) {
    add([s.name, s.id], {
      url: subjectUrl(s.id),
      name: s.name,
      code: s.uscc ?? s.id,
      kind: subjectKindLabel[s.kind],
      district: districtName(districts, s.districtCode),
    })
  }
  for (const p of penalties) {
    add([p.decisionNo], {
      url: penaltyUrl(p.id),
      name: `${p.decisionNo}（${p.partyName}）`,
      code: p.decisionNo,
      kind: '行政处罚',
      district: districtName(districts, p.districtCode),
    })
  }
  return shards
}
