import type { APIRoute } from 'astro'
import { getSnapshot, pagesToRender } from '../../lib/data.ts'
import { DATA_FORMATS, DATASETS } from '../../lib/open-data.ts'
import { toCsv, toJson, toXlsx } from '../../lib/open-data-files.ts'

/** /data/{dataset}.csv, .xlsx and .json for every open data set (those whose values changed). */
export async function getStaticPaths() {
  return (await pagesToRender('dataset', DATASETS)).flatMap((ds) =>
    DATA_FORMATS.map((format) => ({
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
