import type { APIRoute } from 'astro'
import {
  EXACT_SHARDS,
  exactKey,
  exactShard,
  type ExactHit,
} from '../../../../db/domain/exact-lookup.ts'
import { subjectKindLabel } from '../../../../db/domain/labels.ts'
import { getSnapshot } from '../../../lib/data.ts'
import { districtName } from '../../../lib/format.ts'
import { subjectUrl } from '../../../lib/urls.ts'

/** Shards of the exact name/USCC map: key → hits. Every shard exists, even when empty. */
export async function getStaticPaths() {
  const { subjects, districts } = await getSnapshot()
  const shards: Record<string, ExactHit[]>[] = Array.from({ length: EXACT_SHARDS }, () => ({}))
  for (const s of subjects) {
    const hit: ExactHit = {
      url: subjectUrl(s.id),
      name: s.name,
      code: s.uscc ?? s.id,
      kind: subjectKindLabel[s.kind],
      district: districtName(districts, s.districtCode),
    }
    for (const key of new Set([exactKey(s.name), exactKey(s.id)])) {
      ;(shards[exactShard(key)]![key] ??= []).push(hit)
    }
  }
  return shards.map((map, i) => ({ params: { shard: String(i) }, props: { map } }))
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.map), { headers: { 'Content-Type': 'application/json' } })
