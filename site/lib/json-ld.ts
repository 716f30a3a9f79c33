import type { CreditFile } from '../../db/domain/credit-file.ts'
import { subjectKindLabel } from '../../db/domain/labels.ts'

/** schema.org Organization for a credit file: what it is, its code, address and rating. */
export function subjectJsonLd(file: CreditFile, url: string) {
  const s = file.subject
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    url,
    name: s.name,
    description: `${subjectKindLabel[s.kind]}诚信档案（信息截至${file.asOf}）`,
    ...(s.uscc
      ? {
          identifier: {
            '@type': 'PropertyValue',
            propertyID: '统一社会信用代码',
            value: s.uscc,
          },
        }
      : {}),
    ...(s.address ? { address: s.address } : {}),
    ...(s.establishedOn ? { foundingDate: s.establishedOn } : {}),
    ...(file.rating
      ? {
          additionalProperty: {
            '@type': 'PropertyValue',
            name: '信用等级',
            value: file.rating.grade,
          },
        }
      : {}),
  }
}
