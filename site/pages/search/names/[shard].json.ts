import type { APIRoute } from 'astro'
import { getSnapshot, pagesToRender } from '../../../lib/data.ts'
import { RECORD_PAGES } from '../../../lib/record-pages.ts'

/** The name search's shards (those whose postings changed: record-pages.ts). */
export async function getStaticPaths() {
  const shards = await pagesToRender('nameShard', RECORD_PAGES.nameShard.items(await getSnapshot()))
  return shards.map(({ shard, map }) => ({ params: { shard: String(shard) }, props: { map } }))
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.map), { headers: { 'Content-Type': 'application/json' } })
