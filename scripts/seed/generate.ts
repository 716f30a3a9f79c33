import type { Jurisdiction } from '../../db/domain/jurisdiction.ts'
import { addCampaign } from './campaign.ts'
import { addListedSupervisions, addTypicalCases } from './cases.ts'
import { addRecordEvents } from './events.ts'
import { addPenalties } from './penalties.ts'
import { addBlackList, addRecordsAndRedList } from './records.ts'
import { addAuthorities, addCommittees, addOrganisations, addProjects } from './subjects.ts'
import { World, type SeedData, type SeedOptions } from './world.ts'

export type { SeedData, SeedOptions } from './world.ts'

/**
 * Generate a deterministic, realistic 示例数据 set for a jurisdiction: the same options always give
 * the same data. Each phase reads what the earlier ones wrote (penalties need projects, lists and
 * cases need penalties), so the order below matters.
 */
export function generateSeedData(j: Jurisdiction, opts: SeedOptions): SeedData {
  const w = new World(j, opts)
  addAuthorities(w)
  addOrganisations(w, opts.subjects)
  addProjects(w)
  addCommittees(w, opts.subjects)
  addPenalties(w)
  addRecordsAndRedList(w)
  addBlackList(w)
  addTypicalCases(w)
  addListedSupervisions(w)
  addRecordEvents(w)
  addCampaign(w)
  return w.data
}
