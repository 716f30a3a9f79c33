import { RETURN_FIGURES } from '../../db/domain/campaign.ts'
import {
  creditListLabel,
  partyCategoryLabel,
  penaltyCategoryLabel,
  severityLabel,
  subjectKindLabel,
} from '../../db/domain/labels.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'

/** One column of an open data set: CSV header (Chinese), JSON key, meaning, and how to read it. */
type Column<T> = {
  header: string
  key: string
  description: string
  value: (row: T) => string | number | null
}
export type Dataset<T = unknown> = {
  name: string
  title: string
  description: string
  columns: Column<T>[]
  rows: (s: PublicSnapshot) => T[]
  /**
   * How many rows, where the snapshot a partial build gives Astro does not hold them all
   * (record-pages.ts, snapshotForPlan): the credit files are trimmed, their summaries are not.
   */
  count?: (s: PublicSnapshot) => number
}

const fenToWan = (fen: number | null) =>
  fen === null ? null : Number((fen / 1_000_000).toFixed(6))

const subjects: Dataset<PublicSnapshot['creditFiles'][number]> = {
  name: 'subjects',
  title: '主体基本信息',
  description: '物业服务企业、建设单位和业主委员会的基本信息及名单状态。',
  rows: (s) => s.creditFiles,
  count: (s) => s.subjects.length,
  columns: [
    {
      header: '主体编号',
      key: 'id',
      description: '统一社会信用代码；无代码的主体为本平台编号（L开头）',
      value: (f) => f.subject.id,
    },
    { header: '主体名称', key: 'name', description: '登记名称', value: (f) => f.subject.name },
    {
      header: '主体类型',
      key: 'kind',
      description: '物业服务企业 / 建设单位 / 业主委员会',
      value: (f) => subjectKindLabel[f.subject.kind],
    },
    {
      header: '统一社会信用代码',
      key: 'uscc',
      description: 'GB 32100-2015；业主委员会可能为空',
      value: (f) => f.subject.uscc,
    },
    {
      header: '所属县区代码',
      key: 'districtCode',
      description: '6位行政区划代码',
      value: (f) => f.subject.districtCode,
    },
    {
      header: '法定代表人',
      key: 'legalRepresentative',
      description: '法人组织的法定代表人',
      value: (f) => f.subject.legalRepresentative,
    },
    { header: '住所', key: 'address', description: '登记住所', value: (f) => f.subject.address },
    {
      header: '成立日期',
      key: 'establishedOn',
      description: 'YYYY-MM-DD',
      value: (f) => f.subject.establishedOn,
    },
    {
      header: '名单状态',
      key: 'listStatus',
      description: '红名单 / 黑名单 / 未列入名单（截至快照日期）',
      value: (f) => ({ none: '未列入名单', red: '红名单', black: '黑名单' })[f.listStatus],
    },
    {
      header: '公示期内行政处罚数',
      key: 'penaltyCount',
      description: '快照日期处于公示期内的行政处罚数量',
      value: (f) => f.penalties.length,
    },
  ],
}

type P = PublicSnapshot['penalties'][number]
/** Penalties use the column names of the national 双公示 standard (legal-rules.md b3). */
const penalties: Dataset<P> = {
  name: 'penalties',
  title: '行政处罚（双公示）',
  description: '公示期内的行政处罚决定，列名采用国家“双公示”行政处罚数据标准；金额单位为万元。',
  rows: (s) => s.penalties,
  columns: [
    {
      header: '行政相对人名称',
      key: 'partyName',
      description: '被处罚的主体名称',
      value: (p) => p.partyName,
    },
    {
      header: '行政相对人类别',
      key: 'partyCategory',
      description: '法人及非法人组织 / 自然人 / 个体工商户',
      value: (p) => partyCategoryLabel[p.partyCategory],
    },
    {
      header: '行政相对人代码_1(统一社会信用代码)',
      key: 'partyUscc',
      description: '18位统一社会信用代码',
      value: (p) => p.partyUscc,
    },
    {
      header: '法定代表人',
      key: 'legalRepresentative',
      description: '法人组织的法定代表人',
      value: (p) => p.legalRepresentative,
    },
    {
      header: '行政处罚决定书文号',
      key: 'decisionNo',
      description: '同一处罚机关内唯一',
      value: (p) => p.decisionNo,
    },
    {
      header: '违法行为类型',
      key: 'violationType',
      description: '按专项整治实施方案列举的违法违规行为',
      value: (p) => findViolationType(p.violationType)?.title ?? p.violationType,
    },
    { header: '违法事实', key: 'facts', description: '', value: (p) => p.facts },
    { header: '处罚依据', key: 'legalBasis', description: '', value: (p) => p.legalBasis },
    {
      header: '处罚类别',
      key: 'categories',
      description: '行政处罚法第九条所列类别，多个以分号分隔',
      value: (p) => p.categories.map((c) => penaltyCategoryLabel[c]).join(';'),
    },
    { header: '处罚内容', key: 'content', description: '', value: (p) => p.content },
    {
      header: '罚款金额（万元）',
      key: 'fineWan',
      description: '单位：万元',
      value: (p) => fenToWan(p.fineFen),
    },
    {
      header: '没收违法所得、没收非法财物的金额（万元）',
      key: 'confiscatedWan',
      description: '单位：万元',
      value: (p) => fenToWan(p.confiscatedFen),
    },
    {
      header: '暂扣或吊销证照名称及编号',
      key: 'licenceAffected',
      description: '',
      value: (p) => p.licenceAffected,
    },
    {
      header: '处罚决定日期',
      key: 'decisionDate',
      description: 'YYYY-MM-DD',
      value: (p) => p.decisionDate,
    },
    {
      header: '处罚有效期',
      key: 'validUntil',
      description: 'YYYY-MM-DD',
      value: (p) => p.validUntil,
    },
    {
      header: '公示截止期',
      key: 'publicUntil',
      description: 'YYYY-MM-DD，此后自动停止公示',
      value: (p) => p.publicUntil,
    },
    { header: '处罚机关', key: 'authorityName', description: '', value: (p) => p.authorityName },
    {
      header: '处罚机关统一社会信用代码',
      key: 'authorityUscc',
      description: '',
      value: (p) => p.authorityUscc,
    },
    {
      header: '数据来源单位',
      key: 'dataSourceName',
      description: '',
      value: (p) => p.dataSourceName,
    },
    {
      header: '数据来源单位统一社会信用代码',
      key: 'dataSourceUscc',
      description: '',
      value: (p) => p.dataSourceUscc,
    },
    {
      header: '失信程度',
      key: 'severity',
      description: '一般 / 严重',
      value: (p) => severityLabel[p.severity],
    },
    { header: '备注', key: 'remark', description: '', value: (p) => p.remark },
  ],
}

type L = PublicSnapshot['listEntries'][number]
const listEntries: Dataset<L> = {
  name: 'list-entries',
  title: '红黑名单',
  description: '快照日期有效的红名单和黑名单条目。',
  rows: (s) => s.listEntries,
  columns: [
    {
      header: '名单',
      key: 'list',
      description: '红名单 / 黑名单',
      value: (e) => creditListLabel[e.list],
    },
    { header: '主体编号', key: 'subjectId', description: '', value: (e) => e.subjectId },
    { header: '主体名称', key: 'subjectName', description: '', value: (e) => e.subjectName },
    { header: '列入事由', key: 'reason', description: '', value: (e) => e.reason },
    { header: '认定依据', key: 'basis', description: '', value: (e) => e.basis },
    { header: '决定文号', key: 'decisionNo', description: '', value: (e) => e.decisionNo },
    { header: '认定机关', key: 'authorityName', description: '', value: (e) => e.authorityName },
    {
      header: '列入日期',
      key: 'decisionDate',
      description: 'YYYY-MM-DD',
      value: (e) => e.decisionDate,
    },
    {
      header: '有效期至',
      key: 'validUntil',
      description: 'YYYY-MM-DD',
      value: (e) => e.validUntil,
    },
    { header: '措施', key: 'measures', description: '激励或惩戒措施', value: (e) => e.measures },
    {
      header: '移出条件与途径',
      key: 'removalRoute',
      description: '',
      value: (e) => e.removalRoute,
    },
  ],
}

type C = PublicSnapshot['cases'][number]
const cases: Dataset<C> = {
  name: 'cases',
  title: '典型案例',
  description: '已发布的典型案例，含基本情况、违法事实、处罚依据、处理结果。',
  rows: (s) => s.cases,
  columns: [
    { header: '案例编号', key: 'id', description: '', value: (c) => c.id },
    { header: '标题', key: 'title', description: '', value: (c) => c.title },
    { header: '主体编号', key: 'subjectId', description: '', value: (c) => c.subjectId },
    { header: '主体名称', key: 'subjectName', description: '', value: (c) => c.subjectName },
    {
      header: '所属县区',
      key: 'districtCode',
      description: '6位行政区划代码',
      value: (c) => c.districtCode,
    },
    { header: '发布机关', key: 'authorityName', description: '', value: (c) => c.authorityName },
    {
      header: '发布日期',
      key: 'publishedOn',
      description: 'YYYY-MM-DD',
      value: (c) => c.publishedOn,
    },
    { header: '基本情况', key: 'background', description: '', value: (c) => c.background },
    { header: '违法事实', key: 'violationFacts', description: '', value: (c) => c.violationFacts },
    { header: '处罚依据', key: 'legalBasis', description: '', value: (c) => c.legalBasis },
    { header: '处理结果', key: 'outcome', description: '', value: (c) => c.outcome },
  ],
}

type F = PublicSnapshot['campaign']['figures'][number]
/** 专项整治: the per-district figures of /campaign/, one row per district (counts only). */
const campaignFigures: Dataset<F> = {
  name: 'campaign',
  title: '专项整治进展',
  description:
    '各县区自专项整治开始至快照日期的排查整治统计：发现、整改、销号、逾期问题数，行政处罚件数和罚没金额，列入红黑名单数。',
  rows: (s) => s.campaign.figures,
  columns: [
    {
      header: '县区代码',
      key: 'districtCode',
      description: '6位行政区划代码',
      value: (f) => f.districtCode,
    },
    { header: '县区', key: 'districtName', description: '', value: (f) => f.districtName },
    ...RETURN_FIGURES.map(([key, label]) => ({
      header: label,
      key,
      description: '',
      value: (f: F) => f[key],
    })),
  ],
}

type CF = PublicSnapshot['campaign']['complaints'][number]
/** 投诉举报: the per-district counts of /campaign/ (never a complaint's content). */
const complaintFigures: Dataset<CF> = {
  name: 'complaints',
  title: '投诉举报办理情况',
  description: '各县区群众通过本平台投诉举报的件数：收到、受理、办结、按时办结，截至快照日期。',
  rows: (s) => s.campaign.complaints,
  columns: [
    {
      header: '县区代码',
      key: 'districtCode',
      description: '6位行政区划代码',
      value: (f) => f.districtCode,
    },
    { header: '县区', key: 'districtName', description: '', value: (f) => f.districtName },
    { header: '收到（件）', key: 'received', description: '', value: (f) => f.received },
    { header: '受理（件）', key: 'accepted', description: '', value: (f) => f.accepted },
    { header: '办结（件）', key: 'closed', description: '', value: (f) => f.closed },
    {
      header: '按时办结（件）',
      key: 'closedOnTime',
      description: '受理之日起规定期限内办结',
      value: (f) => f.closedOnTime,
    },
  ],
}

/** The data sets whose rows are the credit files (a partial build keeps them all for these). */
export const CREDIT_FILE_DATASETS: readonly string[] = [subjects.name]

/** The number of rows a data set's files hold. */
export const datasetRowCount = (ds: Dataset, s: PublicSnapshot): number =>
  ds.count ? ds.count(s) : ds.rows(s).length

export const DATASETS = [
  subjects,
  penalties,
  listEntries,
  cases,
  campaignFigures,
  complaintFigures,
] as Dataset[]

/** The formats every data set is published in, as /data/{name}.{format}. */
export const DATA_FORMATS = ['csv', 'xlsx', 'json'] as const
export type DataFormat = (typeof DATA_FORMATS)[number]

/** A data set's values, row by row in column order: exactly what its files hold. */
export function datasetTable(ds: Dataset, snap: PublicSnapshot): (string | number | null)[][] {
  return ds.rows(snap).map((r) => ds.columns.map((c) => c.value(r)))
}
