import { z } from 'zod'
import { District, DivisionCode } from './district.ts'
import { Uscc } from './uscc.ts'

/**
 * A deciding authority (处罚机关, 认定机关, 发布机关) the console offers. Its USCC is a 双公示 field
 * published with every penalty, so a production installation must give the real one.
 */
export const Authority = z.object({
  name: z.string().min(1),
  uscc: Uscc,
  /** null for a city-level authority. */
  districtCode: DivisionCode.nullable(),
})
export type Authority = z.infer<typeof Authority>

/**
 * The jurisdiction the platform serves: the city, its districts and the publisher shown in every
 * footer. Government-site identifiers (网站标识码, ICP 备案号, 公安备案号) are required because
 * 国办发〔2017〕47号 requires them on every page; the build refuses an empty one.
 */
export const Jurisdiction = z.object({
  cityCode: DivisionCode,
  cityName: z.string().min(1),
  siteName: z.string().min(1),
  publisher: z.object({
    name: z.string().min(1),
    address: z.string().min(1),
    phone: z.string().min(1),
    email: z.string().min(1),
  }),
  siteIdentifiers: z.object({
    siteCode: z.string().min(1),
    icp: z.string().min(1),
    publicSecurity: z.string().min(1),
  }),
  districts: z.array(District).min(1),
  /**
   * The authorities staff may choose in the console. Optional for the demo (the seed invents
   * them); `npm start -- --production` requires them (scripts/production.ts).
   */
  authorities: z.array(Authority).min(1).optional(),
  /** The open-data licence the publisher grants (/data/); a bureau may choose another. */
  dataLicence: z
    .string()
    .min(1)
    .default('知识共享署名 4.0 国际许可协议（CC BY 4.0）：可自由复制、使用和再发布，请注明来源。'),
})
export type Jurisdiction = z.infer<typeof Jurisdiction>

/**
 * 盘锦市 by default. The identifiers below are marked （示例）: a real deployment supplies its own
 * through JURISDICTION_FILE (see scripts/jurisdiction.ts).
 */
export const DEFAULT_JURISDICTION: Jurisdiction = {
  cityCode: '211100',
  cityName: '盘锦市',
  siteName: '盘锦市物业信用公示平台',
  publisher: {
    name: '盘锦市住房和城乡建设局',
    address: '盘锦市兴隆台区（示例地址）',
    phone: '0427-0000000（示例）',
    email: 'wuye@example.gov.cn（示例）',
  },
  siteIdentifiers: {
    siteCode: '2111000000（示例）',
    icp: '辽ICP备00000000号（示例）',
    publicSecurity: '辽公网安备21110000000000号（示例）',
  },
  districts: [
    { code: '211102', name: '双台子区', kind: 'district' },
    { code: '211103', name: '兴隆台区', kind: 'district' },
    { code: '211104', name: '大洼区', kind: 'district' },
    { code: '211122', name: '盘山县', kind: 'county' },
    { code: '211171', name: '辽东湾新区', kind: 'economic_zone' },
    { code: '211172', name: '高新区', kind: 'economic_zone' },
  ],
  dataLicence: '知识共享署名 4.0 国际许可协议（CC BY 4.0）：可自由复制、使用和再发布，请注明来源。',
}
