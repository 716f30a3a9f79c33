import { asc } from 'drizzle-orm'
import type { District } from '../domain/district.ts'
import { DEFAULT_JURISDICTION, Jurisdiction } from '../domain/jurisdiction.ts'
import type { ReadDb } from '../read-db.ts'
import { authorities, districts, siteMeta } from '../schema/index.ts'

/** Districts of the jurisdiction in display order. */
export async function listDistricts(db: ReadDb): Promise<District[]> {
  const rows = await db.select().from(districts).orderBy(asc(districts.sortOrder))
  return rows.map(({ code, name, kind }) => ({ code, name, kind }))
}

export type Authority = {
  id: number
  name: string
  uscc: string | null
  districtCode: string | null
}

/** Authorities by id, for joining names onto records without a join per query. */
export async function mapAuthorities(db: ReadDb): Promise<Map<number, Authority>> {
  const rows = await db.select().from(authorities)
  return new Map(
    rows.map((a) => [a.id, { id: a.id, name: a.name, uscc: a.uscc, districtCode: a.districtCode }])
  )
}

/** Whether the database holds synthetic 示例数据 (every page then says so). */
export async function isDemoData(db: ReadDb): Promise<boolean> {
  const rows = await db.select().from(siteMeta)
  return rows.some((r) => r.key === 'demo_data' && r.value === 'true')
}

/** The configured jurisdiction (saved at start-up), or the 盘锦市 default before the first save. */
export async function getJurisdiction(db: ReadDb): Promise<Jurisdiction> {
  const rows = await db.select().from(siteMeta)
  const row = rows.find((r) => r.key === 'jurisdiction')
  return row ? Jurisdiction.parse(JSON.parse(row.value)) : DEFAULT_JURISDICTION
}
