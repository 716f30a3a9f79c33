import { partyCategoryLabel, penaltyCategoryLabel, severityLabel } from '../../db/domain/labels.ts'
import type { Penalty } from '../../db/domain/penalty.ts'
import { PUBLICITY_RULES, publicityWindow } from '../../db/domain/severity.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import { formatDate, formatFen } from './format.ts'

/** What a penalty's published rows are made of: the public page's and the console's alike. */
export type PenaltyRowsInput = Pick<
  Penalty,
  | 'partyName'
  | 'partyCategory'
  | 'partyUscc'
  | 'legalRepresentative'
  | 'decisionNo'
  | 'violationType'
  | 'facts'
  | 'legalBasis'
  | 'categories'
  | 'content'
  | 'fineFen'
  | 'confiscatedFen'
  | 'licenceAffected'
  | 'decisionDate'
  | 'validUntil'
  | 'authorityName'
  | 'authorityUscc'
  | 'dataSourceName'
  | 'dataSourceUscc'
  | 'severity'
  | 'ruleVersion'
  | 'repairableFrom'
  | 'publicUntil'
  | 'remark'
> & { districtName: string }

/**
 * The 双公示 rows of a penalty, in the order and words of its public page. The console's review
 * page shows the same rows before approval (issue 16: what a reviewer approves is exactly what
 * is published); for a draft the dates fixed at approval are computed from the rule data.
 */
export function penaltyRows(p: PenaltyRowsInput): [label: string, value: string | null][] {
  const window =
    p.publicUntil === null ? publicityWindow(p.decisionDate, p.severity, p.ruleVersion) : null
  const repairableFrom = p.repairableFrom ?? window?.repairableFrom ?? null
  const publicUntil = p.publicUntil ?? window?.publicUntil ?? null
  return [
    ['行政相对人名称', p.partyName],
    ['行政相对人类别', partyCategoryLabel[p.partyCategory]],
    ['统一社会信用代码', p.partyUscc],
    ['法定代表人', p.legalRepresentative],
    ['行政处罚决定书文号', p.decisionNo],
    ['违法行为类型', findViolationType(p.violationType)?.title ?? p.violationType],
    ['违法事实', p.facts],
    ['处罚依据', p.legalBasis],
    ['处罚类别', p.categories.map((c) => penaltyCategoryLabel[c]).join('、')],
    ['处罚内容', p.content],
    ['罚款金额', formatFen(p.fineFen)],
    ['没收违法所得、没收非法财物的金额', formatFen(p.confiscatedFen)],
    ['暂扣或吊销证照名称及编号', p.licenceAffected],
    ['处罚决定日期', formatDate(p.decisionDate)],
    ['处罚有效期', formatDate(p.validUntil)],
    ['处罚机关', p.authorityName],
    ['处罚机关统一社会信用代码', p.authorityUscc],
    ['数据来源单位', p.dataSourceName],
    ['数据来源单位统一社会信用代码', p.dataSourceUscc],
    ['所属县区', p.districtName],
    ['失信程度', `${severityLabel[p.severity]}失信`],
    ['适用规定', PUBLICITY_RULES[p.ruleVersion].title],
    ['可申请信用修复日期', formatDate(repairableFrom)],
    ['公示截止日期', formatDate(publicUntil)],
    [
      '信用修复',
      `自${formatDate(repairableFrom)}起，履行处罚并完成整改的，可向${p.authorityName}申请信用修复，免费办理，谨防中介收费。`,
    ],
    ['备注', p.remark],
  ]
}
