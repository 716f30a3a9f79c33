import type { SubjectKind } from './subject-kind.ts'

/**
 * Violation types, verbatim in substance from 《盘锦市物业行业领域专项整治工作实施方案》 section 三
 * (二)1 物业服务企业 (12 items), (二)2 建设单位 (7) and (三) 业主委员会 (7).
 * `legalBasis` is filled only where the plan itself cites a provision.
 */
export type ViolationType = {
  code: string
  subjectKind: SubjectKind
  /** Item number in the plan, e.g. '（八）' shown as 第8项. */
  item: number
  title: string
  legalBasis: string | null
}

/** A factory per subject kind: `pc(8, …)` → code `property_company.8`, as the admin API names it. */
const typeOf =
  (subjectKind: SubjectKind) =>
  (item: number, title: string, legalBasis: string | null = null): ViolationType => ({
    code: `${subjectKind}.${item}`,
    subjectKind,
    item,
    title,
    legalBasis,
  })
const pc = typeOf('property_company')
const dv = typeOf('developer')
const oc = typeOf('owners_committee')

export const VIOLATION_TYPES: readonly ViolationType[] = [
  pc(1, '未按规定签订物业服务合同、明确服务等级标准并办理合同备案'),
  pc(2, '未公示服务内容、收费标准或收支情况，擅自提高收费标准、增加收费项目'),
  pc(3, '未按规定或约定养护维修物业，未按规定使用住宅专项维修资金'),
  pc(4, '处理业主合理投诉不及时、不配合、不到位，导致业主频繁投诉'),
  pc(5, '未及时制止并报告物业管理区域内违反治安、环保、装饰装修等规定的行为'),
  pc(6, '未按要求开展防火检查和消防宣传，未检查处理共用部位、共用设施设备安全隐患'),
  pc(7, '擅自占用、挖掘道路场地，擅自利用共有场地经营，挪用、侵占业主共有财产'),
  pc(
    8,
    '以业主欠费为由降低服务标准、限制使用共用设施，或以停水停电停气停热、捆绑收费等方式强迫交费',
    '《盘锦市物业管理条例》第二十三条'
  ),
  pc(9, '侵占利用共用部位、共用设施设备从事经营性活动所得', '《辽宁省物业管理条例》第六十七条'),
  pc(10, '与业主或业主委员会关系僵化，不服从街道、社区监督管理，反映问题不及时整改'),
  pc(11, '将一个物业管理区域的全部物业管理业务整体转让给他人'),
  pc(12, '合同终止时未按规定移交物业服务用房和资料，擅自撤离、停止物业服务'),
  dv(1, '未按规定通过招投标方式选聘前期物业服务企业'),
  dv(2, '未按规定办理前期物业管理备案，商品房买卖合同未含前期物业服务合同约定'),
  dv(3, '未按规定配置或移交物业服务用房，擅自变更物业服务用房位置'),
  dv(4, '未按规划设计要求建设公建配套设施，未履行保修期内房屋保修义务'),
  dv(5, '物业交付前未进行共用部位、共用设施设备承接查验并移交资料'),
  // The plan names 《住宅专项资金资金管理办法》; the regulation is 《住宅专项维修资金管理办法》
  // (建设部、财政部令第165号), whose article 13 forbids handing over homes before the deposit.
  dv(
    6,
    '业主未交存住宅专项维修资金即交付房屋，或违规代收住宅专项维修资金',
    '《住宅专项维修资金管理办法》第十三条'
  ),
  dv(7, '违规出售、出租停车位（车库）'),
  oc(1, '违反业主大会议事规则、业主大会决议'),
  oc(
    2,
    '委员拒不履职、挪用侵占共有财产、利用职务谋利等，业主大会未终止其委员资格',
    '《辽宁省物业管理条例》第三十七条'
  ),
  oc(
    3,
    '委员、候补委员出现应当终止资格的情形，业主委员会未决定终止',
    '《辽宁省物业管理条例》第三十九条'
  ),
  oc(4, '业主委员会未依法签订物业服务合同'),
  oc(5, '选举改选或选聘改聘物业服务企业的争议纠纷半年以上未有效解决'),
  oc(6, '任期届满后未及时组织召开业主大会进行换届选举'),
  oc(7, '届满后未及时移交财务、文件资料、印章等'),
]

const byCode = new Map(VIOLATION_TYPES.map((v) => [v.code, v]))

/** The violation type for a code, or undefined. */
export function findViolationType(code: string): ViolationType | undefined {
  return byCode.get(code)
}

/** Violation types that apply to one kind of subject, in the plan's order. */
export function violationTypesFor(kind: SubjectKind): ViolationType[] {
  return VIOLATION_TYPES.filter((v) => v.subjectKind === kind)
}

export const VIOLATION_CODES = VIOLATION_TYPES.map((v) => v.code) as [string, ...string[]]
