import type { APIRoute } from 'astro'
import { getSnapshot } from '../../../lib/data.ts'
import { changesFeed } from '../../../lib/feeds.ts'

export async function getStaticPaths() {
  const { districts } = await getSnapshot()
  return districts.map((d) => ({ params: { code: d.code }, props: { name: d.name } }))
}

export const GET: APIRoute = async ({ site, params, props }) =>
  new Response(
    changesFeed(await getSnapshot(), site!, {
      path: `/feeds/districts/${params.code}.xml`,
      title: `${props.name}信息变更`,
      filter: (e) => e.districtCode === params.code,
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } }
  )
