import { subjectKindLabel, listStatusLabel } from '../../db/domain/labels.ts'
import { buildNameIndex, type NameHit } from '../../db/domain/name-index.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { districtName } from './format.ts'
import { traditionalToSimplified } from './traditional-variants.ts'

/** The name index of this build (db/domain/name-index.ts), computed once per process. */
const built: WeakMap<PublicSnapshot, ReturnType<typeof buildNameIndex>> = new WeakMap()

export function nameIndex(snap: PublicSnapshot): ReturnType<typeof buildNameIndex> {
  let index = built.get(snap)
  if (!index) {
    const hits: NameHit[] = snap.subjects.map((s) => [
      s.id,
      s.name,
      subjectKindLabel[s.kind],
      districtName(snap.districts, s.districtCode),
      listStatusLabel[s.listStatus],
      s.grade ?? '',
    ])
    index = buildNameIndex(hits)
    index.info.t2s = traditionalToSimplified([
      ...snap.subjects.map((s) => s.name),
      ...snap.cases.map((c) => c.title),
    ])
    built.set(snap, index)
  }
  return index
}
