import type { APIRoute } from 'astro'
import { getSnapshot } from '../../../lib/data.ts'
import { nameIndex } from '../../../lib/name-search.ts'

export async function getStaticPaths() {
  const { shards } = nameIndex(await getSnapshot())
  return shards.map((map, i) => ({ params: { shard: String(i) }, props: { map } }))
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.map), { headers: { 'Content-Type': 'application/json' } })
