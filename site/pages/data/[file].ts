import type { APIRoute } from 'astro'
import { getSnapshot } from '../../lib/data.ts'
import { DATASETS, toCsv, toJson, toXlsx } from '../../lib/open-data.ts'

/** /data/{dataset}.csv and /data/{dataset}.json for every open data set. */
export function getStaticPaths() {
  return DATASETS.flatMap((ds) =>
    (['csv', 'xlsx', 'json'] as const).map((format) => ({
      params: { file: `${ds.name}.${format}` },
      props: { name: ds.name, format },
    }))
  )
}

export const GET: APIRoute = async ({ props }) => {
  const snap = await getSnapshot()
  const ds = DATASETS.find((d) => d.name === props.name)!
  if (props.format === 'csv')
    return new Response(toCsv(ds, snap), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })
  if (props.format === 'xlsx')
    return new Response(await toXlsx(ds, snap), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    })
  return new Response(toJson(ds, snap, snap.jurisdiction.dataLicence), {
    headers: { 'Content-Type': 'application/json' },
  })
}
