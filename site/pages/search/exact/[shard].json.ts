import type { APIRoute } from 'astro'
import { getSnapshot } from '../../../lib/data.ts'
import { exactShards } from '../../../lib/exact-index.ts'

export async function getStaticPaths() {
  const shards = exactShards(await getSnapshot())
  return shards.map((map, i) => ({ params: { shard: String(i) }, props: { map } }))
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.map), { headers: { 'Content-Type': 'application/json' } })
