import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Db } from '../db/client.ts'
import { DEFAULT_JURISDICTION, Jurisdiction } from '../db/domain/jurisdiction.ts'
import { authorities, districts, siteMeta } from '../db/schema/index.ts'

/** The jurisdiction: JURISDICTION_FILE (JSON, validated) when set, else 盘锦市. */
export function loadJurisdiction(env = process.env): Jurisdiction {
  const file = env.JURISDICTION_FILE
  if (!file) return DEFAULT_JURISDICTION
  const parsed = Jurisdiction.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    throw new Error(`❌ Invalid JURISDICTION_FILE ${file}: ${z.prettifyError(parsed.error)}`)
  }
  return parsed.data
}

/**
 * Store the jurisdiction in the database (districts + the `jurisdiction` meta row) so the build
 * reads configuration and data through the same query module. Safe to run on every start.
 */
export async function saveJurisdiction(db: Db, j: Jurisdiction): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [i, d] of j.districts.entries()) {
      await tx
        .insert(districts)
        .values({ ...d, sortOrder: i })
        .onConflictDoUpdate({
          target: districts.code,
          set: { name: d.name, kind: d.kind, sortOrder: i },
        })
    }
    await tx
      .insert(siteMeta)
      .values({ key: 'jurisdiction', value: JSON.stringify(j) })
      .onConflictDoUpdate({ target: siteMeta.key, set: { value: JSON.stringify(j) } })
  })
}

/**
 * The jurisdiction's authorities (处罚机关 …) as the console offers them: added when new, their
 * USCC and district brought up to date by name. Authorities no longer listed stay, since
 * published records name them.
 */
export async function saveAuthorities(db: Db, j: Jurisdiction): Promise<void> {
  if (!j.authorities) return
  await db.transaction(async (tx) => {
    for (const a of j.authorities!) {
      await tx
        .insert(authorities)
        .values(a)
        .onConflictDoUpdate({
          target: authorities.name,
          set: { uscc: a.uscc, districtCode: a.districtCode },
        })
    }
  })
}
